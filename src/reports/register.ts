/**
 * The register report: matching postings in date order with a running
 * total, or, with an interval, one row per account per period.
 */
import { MixedAmount, type SimpleAmount } from '../semantics/amount.js'
import type { ResolvedJournal, ResolvedPosting, ResolvedTransaction } from '../semantics/model.js'
import { postingDate, type PostingFilter } from './filter.js'
import { intervalEnd, intervalStart, type Interval } from './period.js'

/** One register row. */
export interface RegisterRow {
  /** The posting's date, or the first day of the period. */
  date: string
  /** The transaction's description (grouped: `- LAST-DAY`). */
  description: string
  /** Grouped rows: the period. */
  period?: { interval: Interval; start: string; last: string }
  account: string
  amounts: SimpleAmount[]
  /** Running total of the rows so far. */
  total: SimpleAmount[]
  posting?: ResolvedPosting
  transaction?: ResolvedTransaction
}

/** Options for {@link registerReport}. */
export interface RegisterOptions {
  filter?: PostingFilter
  /** Group postings per account per period. */
  interval?: Interval
  depth?: number
  /**
   * ledger's register: a posting of several commodities is one row per
   * commodity, and postings whose amount is zero are left out.
   */
  ledgerRows?: boolean
}

/** Compute a register report. */
export function registerReport(journal: ResolvedJournal, options: RegisterOptions = {}): RegisterRow[] {
  const items: Array<{ date: string; i: number; j: number; p: ResolvedPosting; t: ResolvedTransaction }> = []
  journal.transactions.forEach((t, i) => t.postings.forEach((p, j) => {
    if (p.amount && (!options.filter || options.filter(p, t))) items.push({ date: postingDate(p, t), i, j, p, t })
  }))
  // hledger lists postings in date order; ledger in the order it read them
  if (!options.ledgerRows) items.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.i - b.i || a.j - b.j))
  const running = new MixedAmount()
  const clip = (account: string): string => (options.depth === undefined ? account : account.split(':').slice(0, options.depth).join(':'))
  if (!options.interval) {
    const rows: RegisterRow[] = []
    for (const { date, p, t } of items) {
      const amounts = p.amount as SimpleAmount[]
      if (options.ledgerRows) {
        for (const a of amounts) {
          if (a.quantity.isZero()) continue
          running.add(a)
          rows.push({ date, description: t.description, account: clip(p.account), amounts: [a], total: running.amounts(), posting: p, transaction: t })
        }
        continue
      }
      for (const a of amounts) running.add(a)
      rows.push({ date, description: t.description, account: clip(p.account), amounts, total: running.amounts(), posting: p, transaction: t })
    }
    return rows
  }
  const groups = new Map<string, Map<string, MixedAmount>>()
  for (const { date, p } of items) {
    const start = intervalStart(date, options.interval)
    let byAccount = groups.get(start)
    if (!byAccount) {
      byAccount = new Map()
      groups.set(start, byAccount)
    }
    const account = clip(p.account)
    let m = byAccount.get(account)
    if (!m) {
      m = new MixedAmount()
      byAccount.set(account, m)
    }
    for (const a of p.amount as SimpleAmount[]) m.add(a)
  }
  const rows: RegisterRow[] = []
  for (const start of [...groups.keys()].sort()) {
    const byAccount = groups.get(start) as Map<string, MixedAmount>
    for (const account of [...byAccount.keys()].sort()) {
      const m = byAccount.get(account) as MixedAmount
      if (m.isZero()) continue
      running.addMixed(m)
      const last = lastDay(start, options.interval)
      rows.push({ date: start, description: `- ${last}`, period: { interval: options.interval, start, last }, account, amounts: m.amounts(), total: running.amounts() })
    }
  }
  return rows
}

function lastDay(start: string, interval: Interval): string {
  const d = new Date(`${intervalEnd(start, interval)}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() - 1)
  return d.toISOString().slice(0, 10)
}
