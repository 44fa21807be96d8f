/**
 * Comparing what two resolved journals mean, the way equivalence is judged
 * for a conversion: per-account, per-commodity totals (exact), the number of
 * transactions and postings on each date, and whether balance assertions
 * hold. Lot annotations and costs are not part of a commodity; hours and
 * minutes count as seconds; zero totals do not count.
 *
 * Differences are located at a transaction: transactions are paired date by
 * date in file order, and the first pair whose postings differ is named.
 */
import { Decimal } from 'decimal.js'
import { ExactSum } from '../semantics/exact-sum.js'
import type { ResolvedJournal, ResolvedTransaction } from '../semantics/model.js'

/** One way the meanings differ, with the source transaction that shows it (when found). */
export interface MeaningDifference {
  kind: 'total' | 'count' | 'assertion'
  message: string
  /** The source transaction where the difference appears. */
  source?: ResolvedTransaction
  /** The target transaction paired with it. */
  target?: ResolvedTransaction
}

const SECONDS: Readonly<Record<string, Decimal>> = { h: new Decimal(3600), m: new Decimal(60) }

function normalised(commodity: string, quantity: Decimal): [string, Decimal] {
  const unit = SECONDS[commodity]
  return unit ? ['s', quantity.times(unit)] : [commodity, quantity]
}

/** Postings of a transaction as `account commodity quantity` keys (one per non-zero commodity). */
function postingKeys(t: ResolvedTransaction): string[] {
  const keys: string[] = []
  for (const p of t.postings) {
    const amounts = (p.amount ?? []).filter((a) => !a.quantity.isZero())
    if (amounts.length === 0) keys.push(`${p.account}\u0000\u00000`)
    for (const a of amounts) {
      const [c, q] = normalised(a.commodity, a.quantity)
      keys.push(`${p.account}\u0000${c}\u0000${q.toString()}`)
    }
  }
  return keys.sort()
}

/**
 * An entry of postings without written amounts or assertions (`(a)`, `(b)`):
 * ledger drops it, hledger keeps zeros; it counts for neither.
 */
function isNullEntry(t: ResolvedTransaction): boolean {
  return t.postings.length === 0 || t.postings.every((p) => !p.assertion && (!p.amount || (p.inferred && p.amount.every((a) => a.quantity.isZero()))) && !p.generated)
}

function totals(j: ResolvedJournal): Map<string, Decimal> {
  const sums = new Map<string, ExactSum>()
  for (const t of j.transactions) {
    for (const p of t.postings) {
      for (const a of p.amount ?? []) {
        const [c, q] = normalised(a.commodity, a.quantity)
        const key = `${p.account}\u0000${c}`
        let sum = sums.get(key)
        if (!sum) sums.set(key, (sum = new ExactSum()))
        sum.add(q)
      }
    }
  }
  const out = new Map<string, Decimal>()
  for (const [k, sum] of sums) if (!sum.isZero()) out.set(k, sum.value())
  return out
}

function counts(j: ResolvedJournal): Map<string, [number, number]> {
  const out = new Map<string, [number, number]>()
  for (const t of j.transactions) {
    if (isNullEntry(t)) continue
    const c = out.get(t.date) ?? [0, 0]
    c[0]++
    for (const p of t.postings) c[1] += Math.max(1, (p.amount ?? []).filter((a) => !a.quantity.isZero()).length)
    out.set(t.date, c)
  }
  return out
}

function assertionsHold(j: ResolvedJournal): boolean {
  return !j.diagnostics.some((d) => d.code === 'assertion/failed')
}

/** Pair transactions date by date, in order; yields the first pair (or lone transaction) whose postings differ. */
function firstDifferingPair(source: ResolvedJournal, target: ResolvedJournal): { source?: ResolvedTransaction; target?: ResolvedTransaction } | undefined {
  const byDate = (j: ResolvedJournal): Map<string, ResolvedTransaction[]> => {
    const m = new Map<string, ResolvedTransaction[]>()
    for (const t of j.transactions) {
      if (isNullEntry(t)) continue
      const list = m.get(t.date)
      if (list) list.push(t)
      else m.set(t.date, [t])
    }
    return m
  }
  const s = byDate(source)
  const t = byDate(target)
  let best: { source?: ResolvedTransaction; target?: ResolvedTransaction } | undefined
  const consider = (pair: { source?: ResolvedTransaction; target?: ResolvedTransaction }): void => {
    const index = pair.source?.index ?? Infinity
    if (!best || index < (best.source?.index ?? Infinity)) best = pair
  }
  for (const [date, sourceList] of s) {
    const targetList = t.get(date) ?? []
    const n = Math.max(sourceList.length, targetList.length)
    for (let i = 0; i < n; i++) {
      const a = sourceList[i]
      const b = targetList[i]
      if (!a || !b || postingKeys(a).join('\n') !== postingKeys(b).join('\n')) {
        const pair: { source?: ResolvedTransaction; target?: ResolvedTransaction } = {}
        if (a) pair.source = a
        if (b) pair.target = b
        consider(pair)
        break
      }
    }
  }
  if (!best) {
    for (const [date, targetList] of t) if (!s.has(date) && targetList[0]) return { target: targetList[0] }
  }
  return best
}

/** Compare two resolved journals; an empty list means they are equivalent. */
export function compareMeaning(source: ResolvedJournal, target: ResolvedJournal): MeaningDifference[] {
  const out: MeaningDifference[] = []
  const a = totals(source)
  const b = totals(target)
  const totalDiffs: string[] = []
  for (const key of new Set([...a.keys(), ...b.keys()])) {
    const x = a.get(key)
    const y = b.get(key)
    if (x && y && x.equals(y)) continue
    const [account, commodity] = key.split('\u0000') as [string, string]
    totalDiffs.push(`${account} ${commodity ? `[${commodity}] ` : ''}${x?.toString() ?? '0'} → ${y?.toString() ?? '0'}`)
  }
  const ca = counts(source)
  const cb = counts(target)
  const countDiffs: string[] = []
  for (const date of new Set([...ca.keys(), ...cb.keys()])) {
    const x = ca.get(date) ?? [0, 0]
    const y = cb.get(date) ?? [0, 0]
    if (x[0] !== y[0] || x[1] !== y[1]) countDiffs.push(`${date}: ${x[0]} transactions/${x[1]} postings → ${y[0]}/${y[1]}`)
  }
  const pair = totalDiffs.length || countDiffs.length ? firstDifferingPair(source, target) : undefined
  const where = pair ? { ...(pair.source ? { source: pair.source } : {}), ...(pair.target ? { target: pair.target } : {}) } : {}
  if (totalDiffs.length) {
    const shown = totalDiffs.sort().slice(0, 3).join('; ')
    out.push({ kind: 'total', message: `balances differ: ${shown}${totalDiffs.length > 3 ? ` (and ${totalDiffs.length - 3} more)` : ''}`, ...where })
  } else if (countDiffs.length) {
    out.push({ kind: 'count', message: `transactions or postings differ: ${countDiffs.sort().slice(0, 3).join('; ')}`, ...where })
  }
  const sa = assertionsHold(source)
  const sb = assertionsHold(target)
  if (sa !== sb) out.push({ kind: 'assertion', message: sa ? 'a balance assertion that holds in the source fails in the converted journal' : 'a balance assertion that fails in the source holds in the converted journal' })
  return out
}

/**
 * What {@link compareMeaning} compares (totals, counts per date, whether the
 * assertions hold), as plain data that crosses threads: `lint` computes the
 * other tool's summary in a worker and compares in detail only when the
 * summaries differ.
 */
export interface MeaningSummary {
  totals: Array<[string, string]>
  counts: Array<[string, number, number]>
  assertionsHold: boolean
}

/** The summary of a resolved journal. */
export function meaningSummary(j: ResolvedJournal): MeaningSummary {
  return {
    totals: [...totals(j)].map(([k, v]) => [k, v.toString()]),
    counts: [...counts(j)].map(([d, [n, m]]) => [d, n, m]),
    assertionsHold: assertionsHold(j),
  }
}

/** Whether two summaries agree (then {@link compareMeaning} finds no difference). */
export function sameMeaning(a: MeaningSummary, b: MeaningSummary): boolean {
  if (a.assertionsHold !== b.assertionsHold || a.totals.length !== b.totals.length || a.counts.length !== b.counts.length) return false
  const totalsB = new Map(b.totals)
  for (const [k, v] of a.totals) {
    const w = totalsB.get(k)
    if (w === undefined || !new Decimal(v).equals(w)) return false
  }
  const countsB = new Map(b.counts.map(([d, n, m]) => [d, `${n}/${m}`]))
  return a.counts.every(([d, n, m]) => countsB.get(d) === `${n}/${m}`)
}
