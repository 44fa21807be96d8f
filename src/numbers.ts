/**
 * Reading numbers as each dialect reads them, without context.
 *
 * The grammar accepts the union of both dialects' number syntax and hands the
 * digits to {@link readNumber}, which decides the value the way the dialect's
 * own parser would when nothing else in the journal says otherwise:
 *
 * - **ledger 3.3** (`amount_t::parse`): a comma whose distance from the right
 *   end (or from a later period) is not a multiple of three is a decimal comma;
 *   otherwise commas group thousands and a single period is the decimal mark.
 *   More than one period is an error, as is a badly placed thousands comma.
 *   Context (the sticky decimal comma, `--decimal-comma`, `format` lines) is
 *   applied later by the semantics layer from the raw digits.
 * - **hledger 1.25** (`rawnumberp`): of two different marks the last is the
 *   decimal mark; one mark that occurs once is a decimal mark; a repeated mark
 *   (or a space) groups digits. `decimal-mark` and commodity declarations are
 *   applied later, again from the raw digits.
 */
import { Decimal } from 'decimal.js'
import './decimal-config.js'
import type { Dialect } from './ast.js'
import { plainDecimal } from './plain-decimal.js'

/** The outcome of reading a number's digits. */
export interface NumberReading {
  /** The unsigned value. */
  value: Decimal
  /** The decimal mark that was used, if any. */
  decimalMark?: '.' | ','
  /** The digit-group mark that was used, if any. */
  groupMark?: string
  /** Digits after the decimal mark. */
  precision: number
  /** Set when the tool would reject the number; the message says why. */
  error?: string
  /**
   * Set when the value depends on context the grammar cannot see (hledger's
   * lone `1,000` or `1.000`; ledger's period after a decimal comma).
   */
  ambiguous?: boolean
}

const SIMPLE = /^\d+(?:\.\d+)?$/

/**
 * Read the unsigned digits of a number as `dialect` reads them without
 * context. `text` is what the grammar captured: digits, marks, digit-group
 * spaces and an optional exponent.
 */
export function readNumber(text: string, dialect: Dialect): NumberReading {
  if (SIMPLE.test(text)) return readSimple(text)
  return dialect === 'ledger' ? readLedger(text) : readHledger(text)
}

/** Plain digits with an optional period and decimals: the same in both dialects. */
function readSimple(text: string): NumberReading {
  {
    const dot = text.indexOf('.')
    const precision = dot < 0 ? 0 : text.length - dot - 1
    const value = plainDecimal(text)
    return dot < 0 ? { value, precision } : { value, decimalMark: '.', precision }
  }
}

function readLedger(text: string): NumberReading {
  return readLedgerQuantity(text, false)
}

/**
 * ledger 3.3's reading of a quantity's digits (`amount_t::parse`): scan from
 * the right, deciding for each `.` and `,` whether it is a decimal mark or a
 * thousands mark. `decimalComma` is the commodity's (or the global) decimal
 * comma style; the result says whether this number switched it on.
 */
export function readLedgerQuantity(text: string, decimalComma: boolean): NumberReading & { setsDecimalComma: boolean } {
  if (!decimalComma && SIMPLE.test(text)) {
    const simple = readSimple(text) as NumberReading & { setsDecimalComma: boolean }
    simple.setsDecimalComma = false
    if (simple.decimalMark) simple.ambiguous = true
    return simple
  }
  let offset = 0
  let precision = 0
  let lastComma = -1
  let lastPeriod = -1
  let noMoreCommas = false
  let noMorePeriods = false
  let commaStyle = decimalComma
  let error: string | undefined
  let thousands = false
  for (let i = text.length - 1; i >= 0 && !error; i--) {
    const ch = text[i]
    if (ch === '.') {
      if (noMorePeriods) error = 'Too many periods in amount'
      else if (commaStyle) {
        if (offset % 3 !== 0) error = 'Incorrect use of thousand-mark period'
        thousands = true
        noMoreCommas = true
      } else if (lastComma >= 0) {
        commaStyle = true
        if (offset % 3 !== 0) error = 'Incorrect use of thousand-mark period'
      } else {
        noMorePeriods = true
        precision = offset
        offset = 0
      }
      if (lastPeriod < 0) lastPeriod = i
    } else if (ch === ',') {
      if (noMoreCommas) error = 'Too many commas in amount'
      else if (commaStyle) {
        if (lastPeriod >= 0) error = 'Incorrect use of decimal comma'
        else {
          noMoreCommas = true
          precision = offset
          offset = 0
        }
      } else if (offset % 3 !== 0) {
        if (lastComma >= 0 || lastPeriod >= 0) error = 'Incorrect use of thousand-mark comma'
        else {
          commaStyle = true
          noMoreCommas = true
          precision = offset
          offset = 0
        }
      } else {
        thousands = true
        noMorePeriods = true
      }
      if (lastComma < 0) lastComma = i
    } else {
      offset++
    }
  }
  const digits = text.replace(/[.,]/g, '') || '0'
  const value = precision > 0 ? new Decimal(digits).dividedBy(new Decimal(10).pow(precision)) : new Decimal(digits)
  const reading: NumberReading & { setsDecimalComma: boolean } = { value, precision, setsDecimalComma: commaStyle && !decimalComma }
  if (precision > 0 || (lastPeriod >= 0 && !commaStyle) || (lastComma >= 0 && commaStyle)) reading.decimalMark = commaStyle ? ',' : '.'
  if (thousands) reading.groupMark = commaStyle ? '.' : ','
  // A lone period reads differently once the commodity uses a decimal comma.
  if (!commaStyle && lastPeriod >= 0 && lastComma < 0) reading.ambiguous = true
  if (error) reading.error = error
  return reading
}

function readHledger(text: string): NumberReading {
  let digits = text
  let exponent = 0
  const e = digits.search(/[eE]/)
  if (e >= 0) {
    exponent = Number(digits.slice(e + 1))
    digits = digits.slice(0, e)
  }
  const marks = [...digits.matchAll(/[^0-9]/g)].map((m) => m[0])
  let decimalMark: '.' | ',' | undefined
  let groupMark: string | undefined
  let ambiguous = false
  let error: string | undefined
  const distinct = [...new Set(marks)]
  if (distinct.length === 0) {
    // plain digits
  } else if (distinct.length === 1) {
    const m = distinct[0] as string
    if (m === ' ') groupMark = ' '
    else if (marks.length === 1) {
      decimalMark = m as '.' | ','
      // "1,000" and "1.000": read as a decimal mark unless a declaration says otherwise.
      const tail = digits.length - digits.indexOf(m) - 1
      if (tail === 3) ambiguous = true
    } else groupMark = m
  } else {
    const last = marks[marks.length - 1] as string
    if (last === ' ') {
      error = 'invalid number (invalid use of separator)'
    } else {
      decimalMark = last as '.' | ','
      const others = distinct.filter((m) => m !== last)
      groupMark = others[0]
      if (others.length > 1 || count(digits, last) > 1) error = 'invalid number (invalid use of separator)'
    }
  }
  const { intPart, fracPart } = split(digits, decimalMark)
  const reading = build(intPart, fracPart, groupMark, decimalMark)
  if (exponent !== 0 && Number.isFinite(exponent)) {
    reading.value = reading.value.times(new Decimal(10).pow(exponent))
    reading.precision = Math.max(0, reading.precision - exponent)
  }
  if (ambiguous) reading.ambiguous = true
  if (error) reading.error = error
  return reading
}

function split(text: string, decimalMark: string | undefined): { intPart: string; fracPart: string } {
  if (!decimalMark) return { intPart: text, fracPart: '' }
  const at = text.lastIndexOf(decimalMark)
  return { intPart: text.slice(0, at), fracPart: text.slice(at + 1) }
}

function build(intPart: string, fracPart: string, groupMark: string | undefined, decimalMark: '.' | ',' | undefined): NumberReading {
  const intDigits = intPart.replace(/[^0-9]/g, '') || '0'
  const fracDigits = fracPart.replace(/[^0-9]/g, '')
  const value = new Decimal(fracDigits ? `${intDigits}.${fracDigits}` : intDigits)
  const reading: NumberReading = { value, precision: fracDigits.length }
  if (decimalMark) reading.decimalMark = decimalMark
  if (groupMark) reading.groupMark = groupMark
  return reading
}

function count(text: string, ch: string): number {
  let n = 0
  for (let i = text.indexOf(ch); i >= 0; i = text.indexOf(ch, i + 1)) n++
  return n
}
