/**
 * Comparing two tools' readings: per-account, per-commodity totals (exact),
 * transaction and posting counts per date, the outcome of the balance
 * assertions and, with `deep`, each account's postings date by date.
 *
 * Zero totals are dropped (an account that nets to zero is absent from both
 * `bal` reports); nothing else is smoothed over.
 */
import { Decimal } from 'decimal.js'
import '../decimal-config.js'
import type { PostingRow, ToolReading } from './reading.js'

/** One way two readings differ. Quantities are plain decimal strings; null where a side has nothing. */
export type VerifyDifference =
  | { kind: 'total'; account: string; commodity: string; original: string | null; converted: string | null }
  | { kind: 'count'; date: string; original: { transactions: number; postings: number }; converted: { transactions: number; postings: number } }
  | { kind: 'assertions'; original: 'pass' | 'fail'; converted: 'pass' | 'fail'; detail: string }
  | { kind: 'register'; account: string; date: string; original: string[]; converted: string[] }

/** What one reading adds up to. */
export interface ReadingSummary {
  /** `account \0 commodity` → non-zero total. */
  totals: Map<string, Decimal>
  /** date → counts. */
  counts: Map<string, { transactions: number; postings: number }>
  transactions: number
  postings: number
}

const SEP = '\u0000'

/** Totals and counts of a reading. */
export function summarise(postings: readonly PostingRow[]): ReadingSummary {
  const totals = new Map<string, Decimal>()
  const perDate = new Map<string, { transactions: Set<string>; postings: number }>()
  const all = new Set<string>()
  for (const p of postings) {
    const key = p.account + SEP + p.commodity
    totals.set(key, (totals.get(key) ?? new Decimal(0)).plus(p.quantity))
    let d = perDate.get(p.date)
    if (!d) perDate.set(p.date, (d = { transactions: new Set(), postings: 0 }))
    d.transactions.add(p.transaction)
    d.postings++
    all.add(p.transaction)
  }
  for (const [key, total] of totals) if (total.isZero()) totals.delete(key)
  const counts = new Map([...perDate].map(([date, d]) => [date, { transactions: d.transactions.size, postings: d.postings }]))
  return { totals, counts, transactions: all.size, postings: postings.length }
}

/** A quantity as a plain decimal string, without exponent or trailing zeros. */
export function plain(q: Decimal): string {
  return q.toFixed()
}

function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** Each account's amounts per date, sorted, for `--deep`. */
function registerLines(postings: readonly PostingRow[]): Map<string, string[]> {
  const lines = new Map<string, string[]>()
  for (const p of postings) {
    const key = p.account + SEP + p.date
    let list = lines.get(key)
    if (!list) lines.set(key, (list = []))
    list.push(`${plain(p.quantity)} ${p.commodity}`.trimEnd())
  }
  for (const list of lines.values()) list.sort(byCodePoint)
  return lines
}

function sameList(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  if (!a || !b) return a === b
  return a.length === b.length && a.every((x, i) => x === b[i])
}

/**
 * Every difference between the original's and the converted journal's
 * readings, most important first: totals, then counts, then assertions, then
 * (with `deep`) register lines.
 */
export function compareReadings(original: ToolReading, converted: ToolReading, options: { deep?: boolean } = {}): VerifyDifference[] {
  const a = summarise(original.postings)
  const b = summarise(converted.postings)
  const diffs: VerifyDifference[] = []
  for (const key of [...new Set([...a.totals.keys(), ...b.totals.keys()])].sort(byCodePoint)) {
    const x = a.totals.get(key)
    const y = b.totals.get(key)
    if (x && y && x.equals(y)) continue
    const [account = '', commodity = ''] = key.split(SEP)
    diffs.push({ kind: 'total', account, commodity, original: x ? plain(x) : null, converted: y ? plain(y) : null })
  }
  const none = { transactions: 0, postings: 0 }
  for (const date of [...new Set([...a.counts.keys(), ...b.counts.keys()])].sort(byCodePoint)) {
    const x = a.counts.get(date) ?? none
    const y = b.counts.get(date) ?? none
    if (x.transactions !== y.transactions || x.postings !== y.postings) diffs.push({ kind: 'count', date, original: x, converted: y })
  }
  if (original.assertionsPass !== converted.assertionsPass) {
    const failing = converted.assertionsPass ? original : converted
    diffs.push({
      kind: 'assertions',
      original: original.assertionsPass ? 'pass' : 'fail',
      converted: converted.assertionsPass ? 'pass' : 'fail',
      detail: failing.strictError,
    })
  }
  if (options.deep) {
    const x = registerLines(original.postings)
    const y = registerLines(converted.postings)
    for (const key of [...new Set([...x.keys(), ...y.keys()])].sort(byCodePoint)) {
      if (sameList(x.get(key), y.get(key))) continue
      const [account = '', date = ''] = key.split(SEP)
      diffs.push({ kind: 'register', account, date, original: x.get(key) ?? [], converted: y.get(key) ?? [] })
    }
  }
  return diffs
}
