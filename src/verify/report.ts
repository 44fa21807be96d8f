/**
 * Rendering a {@link VerifyResult}: the text report (tool lines, verdict line,
 * a table of differing totals, counts, assertions, register lines), the
 * unified diff of the two normalised `bal` reports, and the JSON form.
 */
import { createTwoFilesPatch } from 'diff'
import { Decimal } from 'decimal.js'
import '../decimal-config.js'
import { plain, summarise, type VerifyDifference } from './compare.js'
import type { ToolReading } from './reading.js'
import type { VerifyResult } from './verify.js'

function counted(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`
}

function toolLine(role: string, r: ToolReading): string {
  const s = summarise(r.postings)
  const what = r.accepted ? `read ${counted(s.transactions, 'transaction')}, ${counted(s.postings, 'posting')}${r.assertionsPass === false ? '; balance assertions fail' : ''}` : 'rejects it'
  return `${role.padEnd(9)} ${r.file}: ${r.tool} ${r.version} ${what}`
}

function table(rows: string[][], rightAligned: ReadonlySet<number>): string[] {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? []
  return rows.map((r) => '  ' + r.map((cell, i) => (rightAligned.has(i) ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0))).join('  ').trimEnd())
}

function differenceSummary(diffs: readonly VerifyDifference[]): string {
  const totals = diffs.filter((d) => d.kind === 'total').length
  const counts = diffs.filter((d) => d.kind === 'count').length
  const register = diffs.filter((d) => d.kind === 'register').length
  const parts: string[] = []
  if (totals) parts.push(`${counted(totals, 'account total')} differ`)
  if (counts) parts.push(`counts differ on ${counted(counts, 'date')}`)
  if (diffs.some((d) => d.kind === 'assertions')) parts.push('balance assertions differ')
  if (register) parts.push(`${counted(register, 'register day')} differ`)
  return parts.join(', ')
}

/** The verdict line alone. */
export function verdictLine(result: VerifyResult): string {
  const { original: a, converted: b } = result
  switch (result.verdict) {
    case 'ORIGINAL_REJECTED':
      return `ORIGINAL_REJECTED: ${a.tool} rejects ${a.file}: ${a.error}`
    case 'CONVERTED_REJECTED':
      return `CONVERTED_REJECTED: ${b.tool} rejects ${b.file}: ${b.error}`
    case 'DIFFERENT': {
      const unread = a.unparsed + b.unparsed
      const summary = differenceSummary(result.differences)
      return `DIFFERENT: ${summary || ''}${unread ? `${summary ? '; ' : ''}${counted(unread, 'output line')} could not be read` : ''}`
    }
    case 'EQUIVALENT': {
      const s = summarise(a.postings)
      const assertions = a.assertionsPass ? 'pass on both sides' : 'fail on both sides'
      return `EQUIVALENT: ${counted(s.totals.size, 'account total')}, the counts on ${counted(s.counts.size, 'date')} and the balance assertions (${assertions}) agree`
    }
  }
}

/** The full text report. */
export function renderVerifyText(result: VerifyResult): string {
  const out = [toolLine('original', result.original), toolLine('converted', result.converted), verdictLine(result)]
  const diffs = result.differences
  const totals = diffs.flatMap((d) => (d.kind === 'total' ? [d] : []))
  if (totals.length) {
    const rows = [['account', 'commodity', 'original', 'converted', 'difference']]
    for (const d of totals) {
      const delta = new Decimal(d.converted ?? 0).minus(d.original ?? 0)
      rows.push([d.account, d.commodity || '(none)', d.original ?? '-', d.converted ?? '-', (delta.isPositive() && !delta.isZero() ? '+' : '') + plain(delta)])
    }
    out.push('', ...table(rows, new Set([2, 3, 4])))
  }
  const counts = diffs.flatMap((d) => (d.kind === 'count' ? [d] : []))
  if (counts.length) {
    const rows = [['date', 'original txns/postings', 'converted txns/postings']]
    for (const d of counts) rows.push([d.date, `${d.original.transactions}/${d.original.postings}`, `${d.converted.transactions}/${d.converted.postings}`])
    out.push('', ...table(rows, new Set([1, 2])))
  }
  for (const d of diffs) {
    if (d.kind === 'assertions') out.push('', `balance assertions: original ${d.original}, converted ${d.converted}${d.detail ? ` (${d.detail})` : ''}`)
  }
  const register = diffs.flatMap((d) => (d.kind === 'register' ? [d] : []))
  if (register.length) {
    out.push('', 'register differences (account, date: original | converted):')
    for (const d of register) out.push(`  ${d.account}, ${d.date}: ${d.original.join(', ') || '-'} | ${d.converted.join(', ') || '-'}`)
  }
  return out.join('\n') + '\n'
}

function balReport(reading: ToolReading, width: number): string {
  const s = summarise(reading.postings)
  const lines = [...s.totals].map(([key, total]) => {
    const [account = '', commodity = ''] = key.split('\u0000')
    return `${account.padEnd(width)}  ${`${plain(total)} ${commodity}`.trimEnd()}`
  })
  return lines.join('\n') + (lines.length ? '\n' : '')
}

/**
 * A unified diff of the two normalised `bal` reports (one line per account
 * and commodity with a non-zero total, sorted); empty when they agree.
 */
export function renderBalanceDiff(result: VerifyResult): string {
  const accounts = [...summarise(result.original.postings).totals.keys(), ...summarise(result.converted.postings).totals.keys()]
  const width = Math.max(0, ...accounts.map((k) => (k.split('\u0000')[0] ?? '').length))
  const sortLines = (text: string): string => text.split('\n').filter(Boolean).sort((x, y) => (x < y ? -1 : x > y ? 1 : 0)).map((l) => l + '\n').join('')
  const a = sortLines(balReport(result.original, width))
  const b = sortLines(balReport(result.converted, width))
  if (a === b) return ''
  const patch = createTwoFilesPatch(`${result.original.file} (${result.original.tool} bal)`, `${result.converted.file} (${result.converted.tool} bal)`, a, b, '', '', { context: 3 })
  return patch.endsWith('\n') ? patch : patch + '\n'
}

function readingJson(r: ToolReading): Record<string, unknown> {
  const s = summarise(r.postings)
  return {
    file: r.file,
    tool: r.tool,
    version: r.version,
    accepted: r.accepted,
    assertions: r.assertionsPass === null ? null : r.assertionsPass ? 'pass' : 'fail',
    error: r.error || r.strictError || null,
    transactions: s.transactions,
    postings: s.postings,
    unreadLines: r.unparsed,
    seconds: Number(r.seconds.toFixed(3)),
  }
}

/** The machine-readable form (`--json`). */
export function verifyJson(result: VerifyResult): Record<string, unknown> {
  return {
    verdict: result.verdict,
    exitCode: result.exitCode,
    summary: verdictLine(result),
    original: readingJson(result.original),
    converted: readingJson(result.converted),
    differences: result.differences,
  }
}
