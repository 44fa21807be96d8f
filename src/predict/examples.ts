/**
 * Training examples from a journal: for each transaction, the source account
 * (the one a bank file would be about: the transaction's most used account
 * across the journal, so the hub account of a bank journal; on a tie an
 * asset or liability, then the posting left to infer, then the last), the counter
 * account to predict (the other posting with the largest amount), the
 * description and the source side's amount.
 */
import type { Decimal } from 'decimal.js'
import type { Journal, Posting, Transaction } from '../ast.js'
import { readDate } from '../dates.js'
import type { ParseFileResult } from '../parse/files.js'

/** One transaction as the predictors see it. */
export interface Example {
  date: string
  description: string
  source: string
  target: string
  /** The amount on the source side, when it is a plain amount. */
  amount?: Decimal
}

function postingsOf(t: Transaction): Posting[] {
  return t.children.filter((l): l is Posting => l.type === 'posting' && l.kind === 'real')
}

/** Every transaction of every file, in file order. */
export function transactionsOf(parsed: ParseFileResult | { files: Array<{ journal: Journal }> }): Transaction[] {
  return parsed.files.flatMap((f) => f.journal.children.filter((e): e is Transaction => e.type === 'transaction'))
}

/** How often each account is used, over the transactions. */
export function accountUse(transactions: readonly Transaction[]): Map<string, number> {
  const use = new Map<string, number>()
  for (const t of transactions) {
    for (const l of t.children) if (l.type === 'posting' && l.kind === 'real') use.set(l.account, (use.get(l.account) ?? 0) + 1)
  }
  return use
}

function plainAmount(p: Posting): Decimal | undefined {
  return p.amount && p.amount.type === 'amount' ? p.amount.quantity : undefined
}

function tieRank(account: string, postings: readonly Posting[]): number {
  return (/^(assets|liabilities)\b/i.test(account) ? 2 : 0) + (postings.some((p) => p.account === account && !p.amount) ? 1 : 0)
}

const PLAIN_DATE = /^(\d{4})[-/.](\d{2})[-/.](\d{2})$/

/** A date as `YYYY-MM-DD` (the common full forms directly, others as ledger reads them). */
function isoDate(text: string): string {
  const m = PLAIN_DATE.exec(text)
  return m ? `${m[1]}-${m[2]}-${m[3]}` : readDate(text, 'ledger').value
}

/** The example a transaction gives, or undefined when it has fewer than two real postings on different accounts. */
export function exampleOf(t: Transaction, use: ReadonlyMap<string, number>): Example | undefined {
  const postings = postingsOf(t)
  if (postings.length < 2) return undefined
  const accounts = postings.length === 2 ? (postings[0]?.account === postings[1]?.account ? [] : postings.map((p) => p.account)) : [...new Set(postings.map((p) => p.account))]
  if (accounts.length < 2) return undefined
  // the most used account; on a tie an asset or liability, then one whose amount is left to infer, then the last
  let source = accounts[0] as string
  for (const a of accounts.slice(1)) {
    const d = (use.get(a) ?? 0) - (use.get(source) ?? 0)
    if (d > 0 || (d === 0 && tieRank(a, postings) >= tieRank(source, postings))) source = a
  }
  const others = postings.filter((p) => p.account !== source)
  const first = others[0] as Posting
  // the target: the other account (of several, the one with the largest amount)
  const target = others.length === 1 ? first.account : others.reduce((best, p) => ((plainAmount(p)?.abs().greaterThan(plainAmount(best)?.abs() ?? -1) ?? false) ? p : best), first).account
  // the source side's amount: as written, else what the other postings leave
  const sourcePosting = postings.find((p) => p.account === source)
  let amount = sourcePosting ? plainAmount(sourcePosting) : undefined
  if (amount === undefined && others.length === 1) amount = plainAmount(first)?.neg()
  else if (amount === undefined) {
    const rest = others.map(plainAmount)
    if (rest.every((a) => a !== undefined)) amount = (rest as Decimal[]).reduce((sum, a) => sum.minus(a), (rest[0] as Decimal).times(0))
  }
  return { date: isoDate(t.date), description: t.description, source, target, ...(amount !== undefined ? { amount } : {}) }
}

/** The examples of a journal in date order (stable), for training and replay. */
export function examplesOf(parsed: ParseFileResult | { files: Array<{ journal: Journal }> }): Example[] {
  const transactions = transactionsOf(parsed)
  const use = accountUse(transactions)
  const out: Example[] = []
  for (const t of transactions) {
    const e = exampleOf(t, use)
    if (e) out.push(e)
  }
  // most journals are already in date order: sort (stably) only when they are not
  for (let i = 1; i < out.length; i++) {
    if ((out[i] as Example).date < (out[i - 1] as Example).date) {
      return out.map((e, k) => ({ e, k })).sort((a, b) => (a.e.date < b.e.date ? -1 : a.e.date > b.e.date ? 1 : a.k - b.k)).map((x) => x.e)
    }
  }
  return out
}
