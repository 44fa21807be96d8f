/**
 * Exact amounts for the semantics layer.
 *
 * A `Quantity` is a decimal.js value. `MixedAmount` is a sum of quantities in
 * several commodities, kept as a map from commodity symbol to an exact sum
 * (the symbol `''` is the commodity-less amount). All arithmetic is exact;
 * division (value expressions, inferred unit costs) uses `DIVISION_DIGITS`
 * significant digits.
 */
import { Decimal } from 'decimal.js'
import '../decimal-config.js'
import { ExactSum } from './exact-sum.js'

/** Significant digits kept by divisions (ledger keeps exact rationals). */
export const DIVISION_DIGITS = 60

/** A Decimal constructor with enough precision for divisions. */
export const ExactDecimal = Decimal.clone({ precision: DIVISION_DIGITS, rounding: Decimal.ROUND_HALF_EVEN })

/** A quantity in one commodity. */
export interface SimpleAmount {
  quantity: Decimal
  commodity: string
}

/** Zero. */
export const ZERO = new Decimal(0)

/** A sum of amounts in several commodities (each an {@link ExactSum}). */
export class MixedAmount {
  private readonly parts = new Map<string, ExactSum>()

  /** A mixed amount holding the given simple amounts. */
  static of(...amounts: SimpleAmount[]): MixedAmount {
    const m = new MixedAmount()
    for (const a of amounts) m.add(a)
    return m
  }

  /** Add a simple amount in place. */
  add(a: SimpleAmount): this {
    let sum = this.parts.get(a.commodity)
    if (!sum) {
      sum = new ExactSum()
      this.parts.set(a.commodity, sum)
    }
    sum.add(a.quantity)
    return this
  }

  /** Add another mixed amount in place. */
  addMixed(m: MixedAmount): this {
    for (const [commodity, sum] of m.parts) this.add({ commodity, quantity: sum.value() })
    return this
  }

  /** Subtract a simple amount in place. */
  subtract(a: SimpleAmount): this {
    return this.add({ commodity: a.commodity, quantity: a.quantity.negated() })
  }

  /** The quantity in one commodity (zero when absent). */
  get(commodity: string): Decimal {
    return this.parts.get(commodity)?.value() ?? ZERO
  }

  /** Whether the commodity appears (even with a zero sum). */
  has(commodity: string): boolean {
    return this.parts.has(commodity)
  }

  /** Commodities with a non-zero quantity, sorted. */
  commodities(): string[] {
    return [...this.parts].filter(([, q]) => !q.isZero()).map(([c]) => c).sort()
  }

  /** Non-zero amounts, sorted by commodity. */
  amounts(): SimpleAmount[] {
    return this.commodities().map((commodity) => ({ commodity, quantity: this.get(commodity) }))
  }

  /** Every commodity ever added, including those that sum to zero. */
  allCommodities(): string[] {
    return [...this.parts.keys()]
  }

  /** Whether every quantity is exactly zero. */
  isZero(): boolean {
    for (const q of this.parts.values()) if (!q.isZero()) return false
    return true
  }

  /** A copy with every quantity negated. */
  negated(): MixedAmount {
    const m = new MixedAmount()
    for (const [commodity, sum] of this.parts) m.add({ commodity, quantity: sum.value().negated() })
    return m
  }

  /** A copy. */
  clone(): MixedAmount {
    const m = new MixedAmount()
    for (const [commodity, sum] of this.parts) m.add({ commodity, quantity: sum.value() })
    return m
  }

  /** A readable form such as `$-1.5, 3 EUR` (for messages). */
  toString(): string {
    const list = this.amounts()
    return list.length ? list.map(formatSimple).join(', ') : '0'
  }
}

/** A plain rendering of a simple amount for messages: `$-1.5`, `3 EUR`, `"VT 500" 2`. */
export function formatSimple(a: SimpleAmount): string {
  const q = a.quantity.toFixed()
  if (a.commodity === '') return q
  const symbol = /[^\p{L}\p{Sc}]/u.test(a.commodity) ? `"${a.commodity}"` : a.commodity
  return a.commodity.length === 1 && /\p{Sc}/u.test(a.commodity) ? `${symbol}${q}` : `${q} ${symbol}`
}

/**
 * Round to `places` decimals, half to even (both tools' rounding: ledger's
 * `0.005` at two places is zero), and test for zero: a display-precision test.
 */
export function roundsToZero(q: Decimal, places: number): boolean {
  return q.toDecimalPlaces(Math.max(0, places), Decimal.ROUND_HALF_EVEN).isZero()
}
