/**
 * Balancing a transaction as each tool does (dialects.md §2.E, §2.G, §2.H7).
 *
 * - What a posting weighs: its cost when it has one (`@`, `@@`); ledger 3.3
 *   weighs a posting that has both a lot price `{P}` and a cost in the same
 *   commodity at the lot basis q×P; hledger 1.25 ignores lot prices.
 * - ledger keeps an annotated amount (`1 X {=1 EUR}`) in a commodity of its
 *   own: `X {=1 EUR}` and `X {=2 EUR}` do not cancel.
 * - Groups: ledger balances real and `[balanced]` postings as one pool;
 *   hledger balances each group on its own. `(virtual)` postings never count.
 * - Inference: one posting without an amount (per group) gets what balances
 *   the rest, exactly; several commodities give ledger several postings and
 *   hledger one multi-commodity posting. An amountless `(virtual)` posting is
 *   an error for ledger and zero for hledger.
 * - Tolerance: a remainder counts as zero when it rounds to zero at the
 *   commodity's display precision (ledger: the most decimals its posting
 *   amounts have shown so far, or its `format`; hledger 1.25: over the whole
 *   journal). What is left, if it is exactly two commodities of opposite signs
 *   and no cost was written, is an implicit conversion: both tools accept it.
 */
import type { Dialect } from '../ast.js'
import { MixedAmount, roundsToZero, type SimpleAmount } from './amount.js'
import { ExactSum } from './exact-sum.js'
import type { ResolvedLot, ResolvedPosting } from './model.js'

/** Separates a commodity from its lot annotation in ledger's balancing keys. */
const ANNOTATION = '\u0000'

function lotKey(lot: ResolvedLot | undefined): string {
  if (!lot || (!lot.price && !lot.date && lot.note === undefined)) return ''
  const price = lot.price ? `{${lot.fixated ? '=' : ''}${lot.price.quantity.toString()} ${lot.price.commodity}}` : ''
  return `${ANNOTATION}${price}[${lot.date ?? ''}](${lot.note ?? ''})`
}

/** The commodity of a balancing key, without ledger's annotation. */
export function baseCommodity(key: string): string {
  const at = key.indexOf(ANNOTATION)
  return at < 0 ? key : key.slice(0, at)
}

/** What a posting contributes to its transaction's balance. */
export function weightOf(p: ResolvedPosting, dialect: Dialect): SimpleAmount[] {
  if (!p.amount) return []
  // ledger weighs a lot sold at a cost in the lot price's commodity at the lot basis (the gain
  // goes elsewhere); a cost in another commodity is used as written (observed).
  if (dialect === 'ledger' && p.lot?.price && p.cost && p.amount.length === 1 && p.lot.price.commodity === p.cost.total.commodity) {
    const a = p.amount[0] as SimpleAmount
    return [{ commodity: p.lot.price.commodity, quantity: a.quantity.times(p.lot.price.quantity) }]
  }
  // (an assignment with a cost has a second, cost-less part)
  if (p.cost) {
    const key = dialect === 'ledger' ? lotKey(p.cost.lot) : ''
    return [key ? { commodity: p.cost.total.commodity + key, quantity: p.cost.total.quantity } : p.cost.total, ...p.amount.slice(1)]
  }
  if (dialect === 'ledger' && p.lot && !p.inferred) {
    const key = lotKey(p.lot)
    if (key) return p.amount.map((a) => ({ commodity: a.commodity + key, quantity: a.quantity }))
  }
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

/**
 * Infer missing amounts and check the balance of one transaction's postings,
 * in place. `precision` decides when a remainder counts as zero.
 */
export function balancePostings(postings: ResolvedPosting[], dialect: Dialect, precision: PrecisionOf): BalanceOutcome {
  if (balancedSimply(postings, dialect, precision)) return {}
  const groups = new Map<'real' | 'balanced', { sum: MixedAmount; missing: ResolvedPosting[]; costs: boolean; seen: Set<string> }>()
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
      group = { sum: new MixedAmount(), missing: [], costs: false, seen: new Set() }
      groups.set(g, group)
    }
    if (!p.amount) group.missing.push(p)
    else for (const w of weightOf(p, dialect)) {
      group.sum.add(w)
      group.seen.add(w.commodity)
    }
    if (p.cost) group.costs = true
  }
  for (const [name, group] of groups) {
    if (group.missing.length > 1) {
      // ledger suspects a name ending in a digit or bracket of holding a misplaced amount
      const suspect = group.missing.find((p) => /[\d)}\]]$/.test(p.account))
      if (dialect === 'ledger' && suspect) {
        return { error: { message: `Posting with null amount's account may be misspelled: "${suspect.account}"`, remainder: group.sum } }
      }
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
      const rest = group.sum.negated().amounts().map((a) => ({ commodity: baseCommodity(a.commodity), quantity: a.quantity }))
      if (dialect === 'ledger' && rest.length === 0) {
        // ledger's running total drops commodities that cancel once it holds several:
        // the amountless posting then gets nothing (an error); a single commodity stays, as zero.
        if (group.seen.size >= 2) return { error: { message: 'There cannot be null amounts after balancing a transaction', remainder: new MixedAmount() } }
        const only = [...group.seen][0]
        if (only === undefined) continue // nothing to balance: ledger ignores or rejects the entry elsewhere
        missing.amount = [{ commodity: baseCommodity(only), quantity: group.sum.get(only) }]
        missing.inferred = true
        continue
      }
      missing.amount = rest.length ? rest : [{ commodity: '', quantity: group.sum.get('') }]
      missing.inferred = true
      continue
    }
    const remainder = new MixedAmount()
    for (const a of group.sum.amounts()) if (!roundsToZero(a.quantity, precision(baseCommodity(a.commodity)))) remainder.add(a)
    if (remainder.isZero()) continue
    // Two commodities, no cost written and nothing to infer: an implicit conversion.
    if (!group.costs && remainder.commodities().length === 2 && hasBothSigns(remainder)) continue
    const shown = MixedAmount.of(...remainder.amounts().map((a) => ({ commodity: baseCommodity(a.commodity), quantity: a.quantity })))
    const what = dialect === 'ledger' ? 'Transaction does not balance'
      : `could not balance this transaction: ${name === 'real' ? 'real postings' : 'balanced virtual postings'}' sum should be 0 but is: ${shown.toString()}`
    return { error: { message: what, remainder: shown } }
  }
  return {}
}

/**
 * The common case, without building sums by commodity: real postings of one
 * commodity (weighed at their cost, if any), no lots, at most one without an
 * amount. Returns false, having changed nothing, when the transaction needs
 * the general rules (including every case that ends in an error).
 */
function balancedSimply(postings: readonly ResolvedPosting[], dialect: Dialect, precision: PrecisionOf): boolean {
  let missing: ResolvedPosting | undefined
  let commodity: string | undefined
  const sum = new ExactSum()
  for (const p of postings) {
    if (p.kind !== 'real' || p.lot) return false
    if (!p.amount) {
      if (missing) return false
      missing = p
      continue
    }
    if (p.amount.length !== 1) return false
    const w = p.cost ? (dialect === 'ledger' && p.cost.lot ? undefined : p.cost.total) : p.amount[0]
    if (!w) return false
    if (commodity === undefined) commodity = w.commodity
    else if (w.commodity !== commodity) return false
    sum.add(w.quantity)
  }
  if (commodity === undefined) return false
  if (missing) {
    // a zero remainder gets each tool's special treatment
    if (sum.isZero()) return false
    missing.amount = [{ commodity, quantity: sum.negatedValue() }]
    missing.inferred = true
    return true
  }
  return sum.isZero() || roundsToZero(sum.value(), precision(commodity))
}

function hasBothSigns(m: MixedAmount): boolean {
  const [a, b] = m.amounts()
  return !!a && !!b && a.quantity.isNegative() !== b.quantity.isNegative()
}
