/**
 * Fast exact sums of decimal.js quantities.
 *
 * Journals add up hundreds of thousands of amounts with a few decimals each.
 * `ExactSum` keeps such a sum as a safe integer count of 10^-scale units (an
 * addition is then a few float operations on exact integers and allocates
 * nothing) and moves to decimal.js arithmetic, still exact, as soon as a value
 * does not fit: more than 15 significant digits, or a sum beyond 2^53 units.
 *
 * It reads decimal.js values through their documented-stable layout (`d`:
 * base-1e7 digit limbs, the first unpadded; `e`: the decimal exponent of the
 * leading digit; `s`: the sign), which decimal.js has kept since version 4.
 * test/semantics/exact-sum.test.ts checks every path against decimal.js.
 */
import { Decimal } from 'decimal.js'
import { plainDecimal } from '../plain-decimal.js'

/** Decimal with room for exact sums of long values (decimal.js rounds results to `precision` digits). */
const SumDecimal = Decimal.clone({ precision: 1000 })

const MAX = Number.MAX_SAFE_INTEGER
const POW10: readonly number[] = Array.from({ length: 16 }, (_, i) => 10 ** i)

interface DecimalLayout {
  d: number[] | null
  e: number
  s: number
}

// readScaled's results (module scratch, so reading allocates nothing)
let readUnits = 0
let readScale = 0

function digitCount(limb: number): number {
  return limb < 10 ? 1 : limb < 100 ? 2 : limb < 1000 ? 3 : limb < 10000 ? 4 : limb < 100000 ? 5 : limb < 1000000 ? 6 : 7
}

/** Read `q` as readUnits × 10^-readScale; false when it does not fit a safe integer. */
function readScaled(q: Decimal): boolean {
  const x = q as unknown as DecimalLayout
  const d = x.d
  if (!d || d.length > 3) return false
  let units = d[0] as number
  for (let i = 1; i < d.length; i++) units = units * 1e7 + (d[i] as number)
  if (units > MAX) return false
  let scale = digitCount(d[0] as number) + 7 * (d.length - 1) - 1 - x.e
  if (scale < 0) {
    if (scale < -15) return false
    units *= POW10[-scale] as number
    scale = 0
    if (units > MAX) return false
  }
  while (scale > 0 && units % 10 === 0) {
    units /= 10
    scale--
  }
  if (scale > 15) return false
  readUnits = x.s < 0 ? -units : units
  readScale = scale
  return true
}

function fromUnits(units: number, scale: number): Decimal {
  const digits = String(units < 0 ? -units : units)
  if (scale === 0) return plainDecimal(digits, units < 0)
  const padded = digits.length > scale ? digits : '0'.repeat(scale - digits.length + 1) + digits
  const at = padded.length - scale
  return plainDecimal(`${padded.slice(0, at)}.${padded.slice(at)}`, units < 0)
}

/** An exact running sum of quantities. */
export class ExactSum {
  private units = 0
  private scale = 0
  /** Set once the sum no longer fits the fast form. */
  private big: Decimal | undefined
  private cached: Decimal | undefined

  /** Add `q` in place. */
  add(q: Decimal): this {
    this.cached = undefined
    if (this.big === undefined && readScaled(q)) {
      const units = readUnits
      const scale = readScale
      if (scale === this.scale) {
        const r = this.units + units
        if (r <= MAX && r >= -MAX) {
          this.units = r
          return this
        }
      } else if (scale > this.scale) {
        const mine = this.units * (POW10[scale - this.scale] as number)
        const r = mine + units
        if (mine <= MAX && mine >= -MAX && r <= MAX && r >= -MAX) {
          this.units = r
          this.scale = scale
          return this
        }
      } else {
        const theirs = units * (POW10[this.scale - scale] as number)
        const r = this.units + theirs
        if (theirs <= MAX && theirs >= -MAX && r <= MAX && r >= -MAX) {
          this.units = r
          return this
        }
      }
    }
    this.big = new SumDecimal(this.big ?? fromUnits(this.units, this.scale)).plus(q)
    return this
  }

  /** Subtract `q` in place. */
  subtract(q: Decimal): this {
    return this.add(q.negated())
  }

  /** The negated sum as a decimal.js value (what balances it). */
  negatedValue(): Decimal {
    return this.big ? new Decimal(this.big).negated() : fromUnits(-this.units, this.scale)
  }

  /** The sum as a decimal.js value. */
  value(): Decimal {
    if (this.cached === undefined) this.cached = this.big ? new Decimal(this.big) : fromUnits(this.units, this.scale)
    return this.cached
  }

  /** Whether the sum is exactly zero. */
  isZero(): boolean {
    return this.big ? this.big.isZero() : this.units === 0
  }
}
