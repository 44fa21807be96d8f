/**
 * Making decimal.js values from plain digit strings (`123`, `12.34`), the
 * kind almost every journal amount has, faster and smaller than
 * `new Decimal(text)`.
 *
 * decimal.js parses a string with several substring and regex steps and
 * grows its digit array by pushing, which leaves room for 17 limbs in every
 * value (about 150 bytes that a large journal keeps alive). Here the limbs
 * are computed from character codes and handed to decimal.js's own copy
 * constructor (which accepts any object tagged as a Decimal), so the value
 * is made by decimal.js itself, with an exact-size array. The result is
 * identical to `new Decimal(text)`: test/plain-decimal.test.ts compares
 * sign, exponent and limbs on many inputs.
 */
import { Decimal } from 'decimal.js'
import './decimal-config.js'

const LOG_BASE = 7
const TAG = '[object Decimal]'

/**
 * `new Decimal(digits)` for unsigned plain digits with at most one period
 * (`/^\d+(\.\d+)?$/`, which the caller has checked); `negative` makes it
 * `new Decimal('-' + digits)` (zero stays positive).
 */
export function plainDecimal(digits: string, negative = false): Decimal {
  const dot = digits.indexOf('.')
  const n = digits.length
  const intLength = dot < 0 ? n : dot
  // positions of the first and last significant digits, skipping the period
  let first = 0
  while (first < n && (digits.charCodeAt(first) === 48 || first === dot)) first++
  if (first === n) return new Decimal(0)
  let last = n - 1
  while (last > first && (digits.charCodeAt(last) === 48 || last === dot)) last--
  // decimal exponent of the first significant digit
  const e = first < intLength ? intLength - first - 1 : -(first - intLength)
  // the significant digits in limbs of 7, as parseDecimal chunks them: the
  // first limb holds (e + 1) mod 7 digits (a full 7 when that is 0), the
  // last is padded with zeros on the right
  let head = (e + 1) % LOG_BASE
  if (e < 0) head += LOG_BASE
  const limbs: number[] = []
  let limb = 0
  let count = 0
  let want = head === 0 ? LOG_BASE : head
  for (let i = first; i <= last; i++) {
    if (i === dot) continue
    limb = limb * 10 + (digits.charCodeAt(i) - 48)
    if (++count === want) {
      limbs.push(limb)
      limb = 0
      count = 0
      want = LOG_BASE
    }
  }
  if (count > 0) {
    for (; count < want; count++) limb *= 10
    limbs.push(limb)
  }
  return new Decimal({ s: negative ? -1 : 1, e, d: limbs, toStringTag: TAG } as unknown as Decimal)
}
