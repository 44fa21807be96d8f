/**
 * The lint identity check: the other tool reading the journal as it is
 * written, without any rewrite. Its errors say which lines that tool
 * rejects (named by rule where the cause is known: assertions checked
 * against another balance, entries balanced at another precision, balance
 * assignments next to auto postings); a difference in balances, counts or
 * assertion outcomes says the journal means something else to it.
 */
import type { Dialect, Journal } from '../ast.js'
import { compareMeaning, meaningSummary, sameMeaning } from '../convert/compare.js'
import type { OtherReading } from '../convert/other-reading.js'
import type { Diagnostic } from '../diagnostic.js'
import { parseFile, type ParseFileResult } from '../parse/files.js'
import { positionOf } from '../position.js'
import type { ResolvedJournal } from '../semantics/model.js'
import { resolveJournal } from '../semantics/resolve.js'

/**
 * The rules of the other tool's errors where its own tool accepted the
 * journal: an assertion it checks against another balance, an entry it
 * balances with another precision. Other errors are `target-rejects`.
 */
export const OTHER_TOOL_RULES: Readonly<Record<string, string>> = { 'assertion/failed': 'assertion-order', 'balance/unbalanced': 'balancing-precision', 'balance/assignment-with-auto': 'assignment-with-auto-posting' }

/**
 * The other tool reading the journal as it is: its syntax and balancing
 * errors, and the balances, counts and assertions that differ from what the
 * journal's own tool computes (`own`). `reading` is that tool's reading,
 * started earlier (in a worker for large journals); only when its summary
 * differs is the journal read again here to find where.
 */
export function identityCheck(own: ResolvedJournal, reading: OtherReading, parsed: ParseFileResult, path: string, tool: Dialect, options: { text?: string; today?: string }): Diagnostic[] {
  // an assertion the journal's own tool accepts and the other rejects is checked differently (order, virtual postings)
  // an entry the other tool cannot balance (and no rewrite explains) is one only the journal's own precision balances
  if (reading.errors.length > 0) {
    const mixed = reading.errors.some((d) => d.code === 'assertion/failed') ? assertionsOnMixedAccounts(own, parsed) : new Set<string>()
    return reading.errors.map((d) => ({
      ...d,
      code: d.code === 'assertion/failed' && mixed.has(`${d.file}\u0000${d.line}`) ? 'assertion-virtual-real-mix'
        : d.code === 'balance/unbalanced' && !smallRemainder(d.message) ? 'convert/target-rejects'
          : OTHER_TOOL_RULES[d.code] ?? 'convert/target-rejects',
      message: `${tool} would report: ${d.message}`,
    }))
  }
  // balances are compared only when the journal's own tool accepts it
  if (own.diagnostics.some((d) => d.severity === 'error')) return []
  if (reading.summary && sameMeaning(meaningSummary(own), reading.summary)) return []
  const other = parseFile(path, { dialect: tool, asTool: true, ...(options.text !== undefined ? { text: options.text } : {}) })
  const theirs = resolveJournal(other, { dialect: tool, auto: true, ...(options.today !== undefined ? { today: options.today } : {}) })
  const differences = compareMeaning(own, theirs)
  if (differences.length === 0) return []
  const t = (differences.find((x) => x.source?.node) ?? differences[0])?.source
  const journal = parsed.files.find((f) => (f.journal.file ?? f.path) === t?.file)?.journal
  const pos = journal && t?.node ? positionOf(journal, t.node) : undefined
  return [{
    severity: 'error', code: 'convert/meaning-changed',
    message: `${tool} reads this journal with other balances: ${differences.slice(0, 3).map((x) => x.message).join('; ')}${differences.length > 3 ? '; …' : ''}`,
    file: t?.file ?? parsed.root.journal.file ?? parsed.root.path,
    ...(pos && t?.node?.span ? { line: pos.start.line, column: pos.start.column, endLine: pos.end.line, endColumn: pos.end.column, span: t.node.span } : {}),
  }]
}

/** Whether every amount in an imbalance message is below one unit (a rounding difference, not a missing posting or cost). */
function smallRemainder(message: string): boolean {
  const remainder = /(?:is:?|remainder is)\s+(.*)$/.exec(message)?.[1] ?? ''
  const numbers = remainder.match(/-?\d[\d,]*(?:\.\d+)?|-?\.\d+/g) ?? []
  return numbers.length > 0 && numbers.every((n) => Math.abs(Number(n.replace(/,/g, ''))) < 1)
}

/** Codes of the identity check's findings that say the other tool rejects a line. */
export const REJECTIONS = new Set(['convert/target-rejects', 'assertion-virtual-real-mix', ...Object.values(OTHER_TOOL_RULES)])

/** `file NUL line` of each balance assertion on an account that has virtual postings too (the tools count those differently). */
function assertionsOnMixedAccounts(own: ResolvedJournal, parsed: ParseFileResult): Set<string> {
  const virtual = new Set<string>()
  for (const t of own.transactions) for (const p of t.postings) if (p.kind !== 'real') virtual.add(p.account)
  const journals = new Map<string, Journal>(parsed.files.map((f) => [f.journal.file ?? f.path, f.journal]))
  const out = new Set<string>()
  for (const t of own.transactions) {
    for (const p of t.postings) {
      if (!p.assertion || !p.node || !virtual.has(p.account)) continue
      const journal = t.file !== undefined ? journals.get(t.file) : undefined
      const line = journal ? positionOf(journal, p.node)?.start.line : undefined
      if (line !== undefined) out.add(`${t.file}\u0000${line}`)
    }
  }
  return out
}
