/**
 * Rendering balance and register reports as text (the column layout ledger
 * and hledger use), CSV (one row per account and commodity, exact numbers) or
 * JSON (exact numbers as strings, never floats).
 */
import type { Dialect } from '../ast.js'
import type { SimpleAmount } from '../semantics/amount.js'
import type { BalanceReport } from './balance.js'
import { exact, toCsv, type AmountFormatter } from './format.js'
import type { RegisterRow } from './register.js'

/** Output formats of the reports. */
export type OutputFormat = 'text' | 'csv' | 'json'

const AMOUNT_WIDTH = 20

/** A balance report as text, laid out as ledger's and hledger's `bal` print it: amounts right-aligned, one line per commodity, the account on the last. */
export function balanceText(report: BalanceReport, fmt: AmountFormatter, options: { total?: boolean; dialect?: Dialect } = {}): string {
  const cells = report.rows.map((r) => ({ lines: fmt.lines(r.amounts), label: '  '.repeat(r.indent) + r.label }))
  const totalLines = fmt.lines(report.total)
  const width = Math.max(AMOUNT_WIDTH, ...cells.flatMap((c) => c.lines.map((l) => l.length)), ...totalLines.map((l) => l.length))
  const out: string[] = []
  for (const c of cells) {
    c.lines.forEach((line, i) => out.push(i === c.lines.length - 1 ? `${line.padStart(width)}  ${c.label}` : line.padStart(width)))
  }
  // ledger leaves the total out when it shows a single line
  if (options.total !== false && (options.dialect !== 'ledger' || report.rows.length > 1)) {
    out.push('-'.repeat(width))
    // hledger prints the total as a row with an empty account name
    totalLines.forEach((line, i) => out.push(line.padStart(width) + (options.dialect === 'hledger' && i === totalLines.length - 1 ? '  ' : '')))
  }
  return out.length ? out.join('\n') + '\n' : ''
}

/** A balance report as CSV: `account,commodity,quantity` (the total last, as account `total`). */
export function balanceCsv(report: BalanceReport): string {
  const rows: string[][] = [['account', 'commodity', 'quantity']]
  const push = (account: string, amounts: readonly SimpleAmount[]): void => {
    if (amounts.length === 0) rows.push([account, '', '0'])
    for (const a of amounts) rows.push([account, a.commodity, a.quantity.toFixed()])
  }
  for (const r of report.rows) push(r.account, r.amounts)
  push('total', report.total)
  return toCsv(rows)
}

/** A balance report as a JSON value. */
export function balanceJson(report: BalanceReport): unknown {
  return {
    rows: report.rows.map((r) => ({ account: r.account, depth: r.indent, amounts: r.amounts.map(exact) })),
    total: report.total.map(exact),
  }
}

function fit(text: string, width: number): string {
  if (text.length <= width) return text.padEnd(width)
  return width > 2 ? text.slice(0, width - 2) + '..' : text.slice(0, width)
}

/** A register report as text, in 80 columns as ledger prints it (wider amounts widen their columns). */
export function registerText(rows: readonly RegisterRow[], fmt: AmountFormatter, options: { width?: number } = {}): string {
  const total = options.width ?? 80
  const rendered = rows.map((r) => ({ row: r, amounts: fmt.lines(r.amounts), totals: fmt.lines(r.total) }))
  const amountWidth = Math.max(12, ...rendered.flatMap((r) => r.amounts.map((a) => a.length)))
  const totalWidth = Math.max(12, ...rendered.flatMap((r) => r.totals.map((a) => a.length)))
  const rest = Math.max(20, total - 10 - 1 - amountWidth - 1 - totalWidth - 2)
  const descWidth = Math.floor(rest * 0.45)
  const accountWidth = rest - descWidth
  const out: string[] = []
  let lastKey: unknown
  for (const { row, amounts, totals } of rendered) {
    const key = row.transaction ?? `${row.date} ${row.description}`
    const head = key === lastKey ? ' '.repeat(10 + 1 + descWidth) : `${row.date} ${fit(row.description, descWidth)}`
    lastKey = key
    const n = Math.max(amounts.length, totals.length)
    for (let i = 0; i < n; i++) {
      const left = i === 0 ? `${head} ${fit(row.account, accountWidth)}` : ' '.repeat(10 + 1 + descWidth + 1 + accountWidth)
      out.push(`${left} ${(amounts[i] ?? '').padStart(amountWidth)} ${(totals[i] ?? '').padStart(totalWidth)}`.trimEnd())
    }
  }
  return out.length ? out.join('\n') + '\n' : ''
}

/** A register report as CSV: one row per posting and commodity. */
export function registerCsv(rows: readonly RegisterRow[]): string {
  const out: string[][] = [['date', 'description', 'account', 'commodity', 'quantity']]
  for (const r of rows) {
    if (r.amounts.length === 0) out.push([r.date, r.description, r.account, '', '0'])
    for (const a of r.amounts) out.push([r.date, r.description, r.account, a.commodity, a.quantity.toFixed()])
  }
  return toCsv(out)
}

/** A register report as a JSON value. */
export function registerJson(rows: readonly RegisterRow[]): unknown {
  return rows.map((r) => ({ date: r.date, description: r.description, account: r.account, amounts: r.amounts.map(exact), total: r.total.map(exact) }))
}
