/**
 * Balancing a transaction as each tool does (dialects.md §2.E, §2.G, §2.H7).
 *
 * - What a posting weighs: its cost when it has one (`@`, `@@`); ledger 3.3
 *   weighs a posting that has both a lot price `{P}` and a cost at the lot
 *   basis q×P; hledger 1.25 ignores lot prices.
 * - Groups: ledger balances real and `[balanced]` postings as one pool;
 *   hledger balances each group on its own. `(virtual)` postings never count.
 * - Inference: one posting without an amount (per group) gets what balances
 *   the rest, exactly; several commodities give ledger several postings and
 *   hledger one multi-commodity posting. An amountless `(virtual)` posting is
 *   an error for ledger and zero for hledger.
 * - Tolerance: a remainder counts as zero when it rounds to zero at a
 *   precision: ledger, the largest number of decimals the commodity is
 *   written with in this entry's posting amounts; hledger 1.25, the
 *   commodity's display precision over the whole journal.
 * - A transaction with exactly two commodities and no amountless posting is
 *   an implicit conversion: both tools accept it.
 */
import type { Dialect } from '../ast.js'
import { MixedAmount, roundsToZero, type SimpleAmount } from './amount.js'
import type { ResolvedPosting } from './model.js'

/** What a posting contributes to its transaction's balance. */
export function weightOf(p: ResolvedPosting, dialect: Dialect): SimpleAmount[] {
  if (!p.amount) return []
  if (dialect === 'ledger' && p.lot?.price && p.cost && p.amount.length === 1) {
    const a = p.amount[0] as SimpleAmount
    return [{ commodity: p.lot.price.commodity, quantity: a.quantity.times(p.lot.price.quantity) }]
  }
  if (p.cost) return [p.cost.total]
  return p.amount
}

/** The outcome of balancing one transaction. */
export interface BalanceOutcome {
  /** Set when the transaction does not balance: the remainder, by group. */
  error?: { message: string; remainder: MixedAmount }
}

/** Decimals per commodity that count for a tolerance check. */
export type PrecisionOf = (commodity: string) => number

function groupOf(p: ResolvedPosting, dialect: Dialect): 'real' | 'balanced' | undefined {
  if (p.kind === 'virtual') return undefined
  if (dialect === 'ledger') return 'real'
  return p.kind === 'balanced' ? 'balanced' : 'real'
}

/** Per-entry precision (ledger): the most decimals of each commodity in the posting amounts. */
export function entryPrecision(postings: readonly ResolvedPosting[], written: ReadonlyMap<ResolvedPosting, number>): PrecisionOf {
  const max = new Map<string, number>()
  for (const p of postings) {
    const prec = written.get(p)
    if (prec === undefined || !p.amount || p.inferred) continue
    for (const a of p.amount) max.set(a.commodity, Math.max(max.get(a.commodity) ?? 0, prec))
  }
  for (const p of postings) {
    if (!p.cost) continue
    const c = p.cost.total.commodity
    if (!max.has(c)) max.set(c, Math.max(p.cost.price.quantity.decimalPlaces(), 2))
  }
  return (commodity) => max.get(commodity) ?? 0
}

/**
 * Infer missing amounts and check the balance of one transaction's postings,
 * in place. `precision` decides when a remainder counts as zero.
 */
export function balancePostings(postings: ResolvedPosting[], dialect: Dialect, precision: PrecisionOf): BalanceOutcome {
  const groups = new Map<'real' | 'balanced', { sum: MixedAmount; missing: ResolvedPosting[] }>()
  for (const p of postings) {
    const g = groupOf(p, dialect)
    if (g === undefined) {
      if (!p.amount) {
        if (dialect === 'ledger') return { error: { message: 'There cannot be null amounts after balancing a transaction', remainder: new MixedAmount() } }
        p.amount = [{ commodity: '', quantity: new MixedAmount().get('') }]
        p.inferred = true
      }
      continue
    }
    let group = groups.get(g)
    if (!group) {
      group = { sum: new MixedAmount(), missing: [] }
      groups.set(g, group)
    }
    if (!p.amount) group.missing.push(p)
    else for (const w of weightOf(p, dialect)) group.sum.add(w)
  }
  for (const [name, group] of groups) {
    if (group.missing.length > 1) {
      return {
        error: {
          message: dialect === 'ledger' ? 'Only one posting with null amount allowed per transaction'
            : `could not balance this transaction: can't have more than one ${name === 'real' ? 'real' : 'balanced virtual'} posting with no amount`,
          remainder: group.sum,
        },
      }
    }
    const missing = group.missing[0]
    if (missing) {
      const rest = group.sum.negated().amounts()
      missing.amount = rest.length ? rest : [{ commodity: '', quantity: group.sum.get('') }]
      missing.inferred = true
      continue
    }
    const remainder = new MixedAmount()
    for (const a of group.sum.amounts()) if (!roundsToZero(a.quantity, precision(a.commodity))) remainder.add(a)
    if (remainder.isZero()) continue
    // Two commodities and nothing to infer: an implicit conversion.
    if (remainder.commodities().length === 2 && hasBothSigns(remainder)) continue
    const what = dialect === 'ledger' ? 'Transaction does not balance'
      : `could not balance this transaction: ${name === 'real' ? 'real postings' : 'balanced virtual postings'}' sum should be 0 but is: ${remainder.toString()}`
    return { error: { message: what, remainder } }
  }
  return {}
}

function hasBothSigns(m: MixedAmount): boolean {
  const [a, b] = m.amounts()
  return !!a && !!b && a.quantity.isNegative() !== b.quantity.isNegative()
}
