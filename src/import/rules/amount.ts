/**
 * CSV amount values as hledger's CSV reader reads them: the sign forms
 * (`+AMT`, `(AMT)`, `--AMT`, `-(AMT)`, a lone sign or `()` meaning empty),
 * the `currency` prepended, then an hledger amount: an optional symbol
 * (quoted or bare) before or after the number, an optional `@`/`@@` cost, and
 * a number read with the rules' `decimal-mark` (else as hledger reads it).
 */
import { Decimal } from 'decimal.js'
import '../../decimal-config.js'
import { readNumber } from '../../numbers.js'

/** A parsed CSV amount. */
export interface CsvAmount {
  quantity: Decimal
  commodity: string
  /** The number as written with `.` as the decimal mark and no groups, sign included. */
  text: string
  cost?: { amount: CsvAmount; total: boolean }
}

/** hledger's sign simplification; returns '' for a value that is only a sign. */
export function simplifySign(value: string): string {
  let v = value.trim()
  if (v === '+' || v === '-' || v === '()' || v === '') return ''
  if (v.startsWith('(') && v.endsWith(')')) v = `-${v.slice(1, -1).trim()}`
  if (v.startsWith('+')) v = v.slice(1)
  if (v.startsWith('--')) v = v.slice(2)
  if (v.startsWith('-(') && v.endsWith(')')) v = v.slice(2, -1)
  return v.trim()
}

/** hledger's `negateStr`: drop a leading minus, else add one. */
export function negateAmountText(value: string): string {
  return value.startsWith('-') ? value.slice(1) : `-${value}`
}

const SYMBOL = String.raw`"[^"]*"|[^\s\d.,+\-@;"=*()'0-9][^\s\d.,+\-@;"=*()]*`
const AMOUNT = new RegExp(String.raw`^([-+])?\s*(?:(${SYMBOL})\s*)?([-+])?\s*(\d[\d.,' ]*\d|\d)(?:\s*(${SYMBOL}))?$`, 'u')

function readQuantity(digits: string, decimalMark: '.' | ',' | undefined): { value: Decimal; text: string } | undefined {
  const compact = digits.replace(/[ ']/g, '')
  const marks = new Set(compact.replace(/\d/g, ''))
  // hledger: of two different marks the last is the decimal mark; a declared decimal mark
  // decides only a lone mark (`1.234` with decimal-mark , is 1234)
  if (decimalMark !== undefined && marks.size === 1) {
    const mark = [...marks][0] as string
    const count = compact.split(mark).length - 1
    if (mark !== decimalMark || count > 1) {
      const whole = compact.split(mark).join('')
      return mark === decimalMark ? undefined : { value: new Decimal(whole), text: whole }
    }
    const text = compact.replace(mark, '.')
    return { value: new Decimal(text), text }
  }
  const reading = readNumber(compact, 'hledger')
  if (reading.error) return undefined
  const text = reading.precision > 0 ? reading.value.toFixed(reading.precision) : reading.value.toFixed()
  return { value: reading.value, text }
}

/**
 * Read an amount value (already sign-simplified and with any currency
 * prepended). Undefined when it is not an amount hledger would read.
 */
export function readCsvAmount(value: string, decimalMark?: '.' | ','): CsvAmount | undefined {
  const at = value.search(/\s*@/)
  let costPart: { text: string; total: boolean } | undefined
  let main = value
  if (at >= 0) {
    const rest = value.slice(at).trim()
    const total = rest.startsWith('@@')
    costPart = { text: rest.slice(total ? 2 : 1).trim(), total }
    main = value.slice(0, at)
  }
  const m = AMOUNT.exec(main.trim())
  if (!m) return undefined
  const [, sign1, left, sign2, digits = '', right] = m
  if (left !== undefined && right !== undefined) return undefined
  const q = readQuantity(digits, decimalMark)
  if (!q) return undefined
  const negative = (sign1 === '-') !== (sign2 === '-')
  const symbol = (left ?? right ?? '').replace(/^"|"$/g, '')
  const amount: CsvAmount = { quantity: negative ? q.value.neg() : q.value, commodity: symbol, text: negative && !q.value.isZero() ? `-${q.text}` : q.text }
  if (costPart) {
    const cost = readCsvAmount(costPart.text, decimalMark)
    if (!cost) return undefined
    amount.cost = { amount: cost, total: costPart.total }
  }
  return amount
}
