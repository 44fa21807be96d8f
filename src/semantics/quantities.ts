/**
 * Reading an amount's quantity with the context only the whole journal has.
 *
 * The parser reads each number as the dialect would without context. Here the
 * resolver re-reads the digits as written (`raws.number`) in file order,
 * across included files, the way each tool does:
 * - ledger 3.3: the decimal comma is sticky per commodity (set by a `1,5`
 *   amount, a `format` or `D` line) and global after `--decimal-comma`;
 * - hledger 1.25: a `commodity` declaration fixes that commodity's decimal
 *   mark for amounts read after it; `decimal-mark` does so for the rest of the
 *   file; `D` gives bare numbers its commodity.
 */
import { Decimal } from 'decimal.js'
import type { Amount, Dialect } from '../ast.js'
import { readAmountArg } from '../directives.js'
import { readLedgerQuantity, readNumber, type NumberReading } from '../numbers.js'
import type { SimpleAmount } from './amount.js'

/** Number-reading context, updated as the resolver walks the journal in order. */
export class QuantityContext {
  /** ledger: `--decimal-comma` seen. */
  decimalCommaByDefault = false
  /** ledger: commodities whose amounts use a decimal comma. */
  readonly decimalCommaCommodities = new Set<string>()
  /** hledger: decimal mark declared per commodity. */
  readonly declaredMarks = new Map<string, '.' | ','>()
  /** hledger: the `decimal-mark` directive in force (file-scoped). */
  fileDecimalMark: '.' | ',' | undefined
  /** hledger: the `D` default commodity in force (file-scoped). */
  defaultCommodity: Amount | undefined

  /**
   * @param dialect the tool whose reading is simulated
   * @param foreign the amounts were parsed in the other dialect, so their
   *   parsed quantity is not this tool's context-free reading
   */
  constructor(readonly dialect: Dialect, readonly foreign = false) {}

  /** Note a `D`, `format` or one-line `commodity` amount's style. */
  noteStyleAmount(text: string, declare: boolean): void {
    const arg = readAmountArg(text, this.dialect)
    const a = arg.amount
    if (!a || a.raws.number === undefined) return
    if (this.dialect === 'ledger') {
      const r = readLedgerQuantity(a.raws.number, this.decimalCommaFor(a.commodity))
      if (r.setsDecimalComma && a.commodity) this.decimalCommaCommodities.add(a.commodity)
      return
    }
    if (!declare) return
    const reading = readNumber(a.raws.number, 'hledger')
    const mark = reading.decimalMark ?? (reading.groupMark === ',' ? '.' : reading.groupMark === '.' ? ',' : undefined)
    if (mark) this.declaredMarks.set(a.commodity, mark)
  }

  private decimalCommaFor(commodity: string): boolean {
    return this.decimalCommaByDefault || (commodity !== '' && this.decimalCommaCommodities.has(commodity))
  }

  /**
   * The quantity and commodity of an amount node, read in context. Returns
   * the number of decimals as written too (for display-precision rules).
   * `migrate` false: the amount teaches the commodity no style (ledger's
   * costs, lot prices and assertions).
   */
  read(amount: Amount, migrate = true): ReadQuantity {
    const digits = amount.raws.number
    let commodity = amount.commodity
    if (digits === undefined || amount.raws.quantity !== amount.quantity) {
      // generated or edited: trust the value
      return { quantity: amount.quantity, commodity, precision: Math.max(0, amount.quantity.decimalPlaces()) }
    }
    // Fast path: plain digits with at most a period read the same in any context
    // (ledger: unless the commodity uses a decimal comma; hledger: unless D applies).
    if (!this.foreign && digits.indexOf(',') < 0 && digits.indexOf(' ') < 0 && digits.indexOf('e') < 0 && digits.indexOf('E') < 0 && digits.indexOf('.') === digits.lastIndexOf('.')) {
      const plainLedger = this.dialect === 'ledger' && !this.decimalCommaFor(commodity)
      const plainHledger = this.dialect === 'hledger' && (commodity !== '' || !this.defaultCommodity) && (digits.indexOf('.') < 0 || (this.fileDecimalMark ?? this.declaredMarks.get(commodity) ?? '.') === '.')
      if (plainLedger || plainHledger) {
        const dot = digits.indexOf('.')
        return dot < 0 ? { quantity: amount.quantity, commodity, precision: 0 } : { quantity: amount.quantity, commodity, precision: digits.length - dot - 1, decimalMark: '.' }
      }
    }
    const negative = amount.quantity.isNegative()
    let reading: NumberReading
    if (this.dialect === 'ledger') {
      const r = readLedgerQuantity(digits, this.decimalCommaFor(commodity))
      // costs, lot prices and assertion amounts are read with PARSE_NO_MIGRATE: they set no style
      if (r.setsDecimalComma && commodity && migrate) this.decimalCommaCommodities.add(commodity)
      reading = r
    } else {
      if (commodity === '' && this.defaultCommodity) commodity = this.defaultCommodity.commodity
      reading = readNumber(digits, 'hledger')
      const mark = this.fileDecimalMark ?? this.declaredMarks.get(commodity)
      if (mark && (reading.ambiguous || (reading.decimalMark !== undefined && reading.decimalMark !== mark))) {
        reading = readWithMark(digits, mark)
      }
    }
    const quantity = negative ? reading.value.negated() : reading.value
    const out: ReadQuantity = { quantity: reading.value.isZero() && negative ? new Decimal(0) : quantity, commodity, precision: reading.precision }
    const decimalMark = reading.decimalMark ?? (reading.groupMark === ',' ? '.' : reading.groupMark === '.' ? ',' : undefined)
    if (decimalMark) out.decimalMark = decimalMark
    if (reading.groupMark) out.groupMark = reading.groupMark
    return out
  }
}

/** A quantity read in context, with what its digits show of the commodity's style. */
export interface ReadQuantity extends SimpleAmount {
  /** Decimals as written. */
  precision: number
  decimalMark?: '.' | ','
  groupMark?: string
}

/** Read digits knowing which mark is the decimal mark (hledger with a declaration). */
function readWithMark(digits: string, mark: '.' | ','): NumberReading {
  let text = digits
  let exponent = 0
  const e = text.search(/[eE]/)
  if (e >= 0) {
    exponent = Number(text.slice(e + 1))
    text = text.slice(0, e)
  }
  const at = text.lastIndexOf(mark)
  const intPart = (at >= 0 ? text.slice(0, at) : text).replace(/[^0-9]/g, '') || '0'
  const fracPart = at >= 0 ? text.slice(at + 1).replace(/[^0-9]/g, '') : ''
  let value = new Decimal(fracPart ? `${intPart}.${fracPart}` : intPart)
  if (exponent) value = value.times(new Decimal(10).pow(exponent))
  const reading: NumberReading = { value, precision: Math.max(0, fracPart.length - exponent) }
  if (at >= 0) reading.decimalMark = mark
  const group = /[0-9]([ ,.])[0-9]/.exec(at >= 0 ? text.slice(0, at) : text)?.[1]
  if (group && group !== mark) reading.groupMark = group
  return reading
}
