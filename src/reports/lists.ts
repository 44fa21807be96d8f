/**
 * The list reports: accounts, payees, commodities, and journal statistics.
 */
import type { ResolvedJournal } from '../semantics/model.js'
import type { PostingFilter } from './filter.js'

/** Accounts used by matching postings, plus declared ones, sorted. */
export function accountsReport(journal: ResolvedJournal, filter?: PostingFilter, declared = true): string[] {
  const set = new Set<string>(declared && !filter ? journal.declaredAccounts : [])
  for (const t of journal.transactions) for (const p of t.postings) if (!filter || filter(p, t)) set.add(p.account)
  return [...set].sort()
}

/** Payees of transactions with a matching posting (posting payees included), sorted. */
export function payeesReport(journal: ResolvedJournal, filter?: PostingFilter): string[] {
  const set = new Set<string>(filter ? [] : journal.declaredPayees)
  for (const t of journal.transactions) {
    for (const p of t.postings) {
      if (filter && !filter(p, t)) continue
      set.add(p.payee ?? t.payee)
    }
  }
  return [...set].filter((p) => p !== '').sort()
}

/** Commodities used in amounts, costs and prices, plus declared ones, sorted. */
export function commoditiesReport(journal: ResolvedJournal): string[] {
  const set = new Set<string>()
  for (const [symbol] of journal.commodities) set.add(symbol)
  for (const t of journal.transactions) {
    for (const p of t.postings) {
      for (const a of p.amount ?? []) set.add(a.commodity)
      if (p.cost) set.add(p.cost.total.commodity)
    }
  }
  for (const price of journal.prices) {
    set.add(price.commodity)
    set.add(price.price.commodity)
  }
  set.delete('')
  return [...set].sort()
}

/** Summary statistics of a journal. */
export interface JournalStats {
  transactions: number
  postings: number
  accounts: number
  payees: number
  commodities: number
  prices: number
  firstDate?: string
  lastDate?: string
  errors: number
  warnings: number
}

/** Count what a journal holds (with a filter: the transactions and postings it keeps). */
export function statsReport(journal: ResolvedJournal, filter?: PostingFilter): JournalStats {
  let postings = 0
  let transactions = 0
  let first: string | undefined
  let last: string | undefined
  for (const t of journal.transactions) {
    const kept = filter ? t.postings.filter((p) => filter(p, t)).length : t.postings.length
    if (kept === 0 && filter) continue
    transactions++
    postings += kept
    if (first === undefined || t.date < first) first = t.date
    if (last === undefined || t.date > last) last = t.date
  }
  const stats: JournalStats = {
    transactions,
    postings,
    accounts: accountsReport(journal, filter, false).length,
    payees: payeesReport(journal, filter).length,
    commodities: commoditiesReport(journal).length,
    prices: journal.prices.length,
    errors: journal.diagnostics.filter((d) => d.severity === 'error').length,
    warnings: journal.diagnostics.filter((d) => d.severity === 'warning').length,
  }
  if (first !== undefined) stats.firstDate = first
  if (last !== undefined) stats.lastDate = last
  return stats
}
