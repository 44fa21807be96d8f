/**
 * The normalisations verify applies to both tools' postings. Each one is a
 * place where ledger and hledger *report* the same journal differently, never
 * a difference in what the journal means:
 *
 * - commodity symbols lose their surrounding double quotes (ledger prints
 *   `"AAPL 2"` where hledger's JSON has `AAPL 2`);
 * - ledger reduces its time units to seconds (`1h` is 3600 s), so `h` and `m`
 *   quantities are counted in seconds on both sides;
 * - quantities are compared at hledger's JSON precision, 10 decimal places
 *   (rounded half to even), never at display precision.
 *
 * Lot annotations and costs are not part of the commodity (both extractions
 * ask the tools for the bare commodity).
 */
import { Decimal } from 'decimal.js'
import '../decimal-config.js'

/** hledger's JSON export rounds quantities to this many decimal places. */
export const JSON_PLACES = 10

const TIME_UNIT_SECONDS: ReadonlyMap<string, Decimal> = new Map([
  ['h', new Decimal(3600)],
  ['m', new Decimal(60)],
])

/** A commodity symbol without the double quotes a tool may print around it. */
export function normaliseCommodity(symbol: string): string {
  const s = symbol.trim()
  return s.length >= 2 && s.startsWith('"') && s.endsWith('"') ? s.slice(1, -1) : s
}

/** A (commodity, quantity) pair in the form both sides are compared in. */
export function normaliseAmount(symbol: string, quantity: Decimal): { commodity: string; quantity: Decimal } {
  let commodity = normaliseCommodity(symbol)
  let q = quantity
  const seconds = TIME_UNIT_SECONDS.get(commodity)
  if (seconds) {
    commodity = 's'
    q = q.times(seconds)
  }
  if (q.decimalPlaces() > JSON_PLACES) q = q.toDecimalPlaces(JSON_PLACES, Decimal.ROUND_HALF_EVEN)
  return { commodity, quantity: q }
}
