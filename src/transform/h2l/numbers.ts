/**
 * hledger → ledger: amounts ledger would read differently or not at all
 * (dialects.md rows 38-54, 105).
 *
 * Both readings are simulated in file order: hledger's (`decimal-mark`,
 * declared commodity formats, `D` giving bare numbers a commodity) and
 * ledger's (its sticky decimal comma). Where ledger would read another
 * value, another commodity, or nothing (digit groups of spaces, apostrophes
 * or underscores, groups not of three, a trailing decimal mark, an
 * exponent, `.5 EUR`, a `+` or a `$ - 1` sign, `1.000.000`), the amount is
 * written out: sign, symbol and digits ledger reads as hledger did (no digit
 * groups; a decimal comma only where ledger expects one). One-line
 * `commodity 1.000,00 EUR` directives become ledger's block form (row 52).
 */
import type { Amount, Directive } from '../../ast.js'
import { readAmountArg } from '../../directives.js'
import { readLedgerQuantity, readNumber } from '../../numbers.js'
import { symbolNeedsQuotes } from '../../print/amount.js'
import { QuantityContext } from '../../semantics/quantities.js'
import { defineTransform, type TransformContext } from '../types.js'
import { amountsOf, commentOutEntry } from '../util.js'

/**
 * Amount texts both tools parse into the same commodity, digits and sign
 * (a letters-only or one-character currency symbol on either side, an
 * optional minus, digits with at most one period): no need to ask ledger's
 * grammar.
 */
const PLAIN_AMOUNT = /^-?(?:[$€£¥] ?-?|[A-Za-z]+ -?)?\d+(?:\.\d+)?(?: ?[A-Za-z]+)?$/

/**
 * Which number form ledger cannot read as hledger does (the lint rule id):
 * digit groups of spaces, apostrophes or underscores, exponents, a trailing
 * or leading decimal mark, a `+` sign, a sign after a spaced symbol, several
 * periods or groups not of three; else a style the two tools infer
 * differently (`number-style-mismatch`).
 */
export function numberIssue(text: string, digits: string): string {
  if (/\d[ \u00A0\u202F]\d/.test(digits)) return 'digit-group-space'
  if (/['_]/.test(digits)) return 'digit-group-apostrophe-underscore'
  if (/\d[eE][-+]?\d/.test(digits)) return 'scientific-notation'
  if (/[.,]$/.test(digits)) return 'trailing-decimal-mark'
  if (/^[-+]?[.,]\d/.test(digits)) return 'leading-decimal-point'
  if (/(?:^|[^\w"])\+\s*\d|\+[^\d\s]*\d/.test(text) && text.includes('+')) return 'plus-sign'
  if (/[^\d\s-]\s*-\s+\d|^-\s+\S/.test(text)) return 'negative-sign-placement'
  if (/[.,](?:\d{1,2}|\d{4,})[.,]/.test(digits) || /^\d{4,}[.,]\d{3}(?:[.,]|$)/.test(digits)) return 'digit-group-non-3'
  if ((digits.match(/\./g) ?? []).length > 1 || (digits.match(/,/g) ?? []).length > 1) return 'multiple-periods'
  return 'number-style-mismatch'
}

interface Readers {
  hledger: QuantityContext
  ledger: QuantityContext
  /** The decimal mark the output's commodity formats declare, per commodity (what hledger would read the output with). */
  outputMarks: Map<string, '.' | ','>
}

/** Amount text ledger reads as `quantity commodity`. */
function ledgerText(q: Amount['quantity'], commodity: string, a: Amount, mark: '.' | ',', decimals: number): string {
  const digits = q.abs().toFixed(Math.max(decimals, q.decimalPlaces()))
  const number = (q.isNegative() && !q.isZero() ? '-' : '') + (mark === ',' ? digits.replace('.', ',') : digits)
  if (commodity === '') return number
  const symbol = symbolNeedsQuotes(commodity, 'ledger') || a.quoted ? `"${commodity}"` : commodity
  const gap = (a.raws.gap ?? '') !== '' ? ' ' : ''
  return a.side === 'left' || (a.commodity === '' && commodity.length === 1) ? `${symbol}${gap}${number}` : `${number}${gap || ' '}${symbol}`
}

/** How ledger reads an amount's text on its own, in its reading context. */
function ledgerReads(text: string, ledger: QuantityContext, migrate: boolean): { quantity: Amount['quantity']; commodity: string } | undefined {
  const arg = readAmountArg(text, 'ledger')
  if (!arg.amount || arg.rest.trim() !== '' || arg.error) return undefined
  return ledger.read(arg.amount, migrate)
}

/** Transform: write amounts ledger would read differently from hledger so that it reads the same value. */
export const numbers = defineTransform({
  name: 'numbers',
  description: 'Write amounts ledger would read differently from hledger so that it reads the same value',
  from: 'hledger',
  to: 'ledger',
  run(ctx) {
    let readers = ctx.shared.get('h2l-numbers') as Readers | undefined
    if (!readers) {
      readers = { hledger: new QuantityContext('hledger'), ledger: new QuantityContext('ledger', true), outputMarks: new Map() }
      ctx.shared.set('h2l-numbers', readers)
    }
    const { hledger, ledger } = readers
    // hledger's decimal-mark and D are file-scoped
    hledger.fileDecimalMark = undefined
    hledger.defaultCommodity = undefined
    // how ledger parses each distinct amount text (commodity, digits, sign): most texts repeat
    const shapes = new Map<string, string | null>()
    const shape = (x: Pick<Amount, 'commodity' | 'quantity' | 'raws'>): string => `${x.commodity}\u0000${x.raws.number ?? ''}\u0000${x.quantity.isNegative() ? '-' : '+'}`
    const ledgerParsesAlike = (a: Amount, text: string): boolean => {
      if (PLAIN_AMOUNT.test(text)) return true
      let s = shapes.get(text)
      if (s === undefined) {
        const arg = readAmountArg(text, 'ledger')
        s = arg.amount && !arg.error && arg.rest.trim() === '' ? shape(arg.amount) : null
        shapes.set(text, s)
      }
      return s === shape(a)
    }
    const check = (a: Amount, migrate: boolean): void => {
      if (a.raws.number === undefined || a.raws.text === undefined) return
      const want = hledger.read(a, migrate)
      // plain digits (at most one period) where ledger has no decimal comma: ledger reads them as written, and learns nothing
      if (a.raws.quantity === a.quantity && PLAIN_AMOUNT.test(a.raws.text) && !ledger.decimalCommaByDefault && !ledger.decimalCommaCommodities.has(a.commodity) &&
        want.quantity.equals(a.quantity) && want.commodity === a.commodity) return
      // where ledger parses the same commodity, digits and sign, only the reading context can differ
      const alike = a.raws.quantity === a.quantity && ledgerParsesAlike(a, a.raws.text)
      const got = alike ? ledger.read(a, false) : ledgerReads(a.raws.text, ledger, false)
      // a mark read by a style the output cannot keep (decimal-mark, a one-line commodity whose mark has no ledger format):
      // write the number so that both tools read it alike without that style (the output then converts to itself)
      const markUsed = hledger.fileDecimalMark ?? hledger.declaredMarks.get(want.commodity)
      const styleDropped = markUsed !== undefined && /[.,]/.test(a.raws.number) && readers.outputMarks.get(want.commodity) !== markUsed
      if (got && got.quantity.equals(want.quantity) && got.commodity === want.commodity && !styleDropped) {
        if (alike) ledger.read(a, migrate)
        else ledgerReads(a.raws.text, ledger, migrate)
        return
      }
      const before = a.raws.text
      const beforeDigits = a.raws.number
      const mark: '.' | ',' = ledger.decimalCommaByDefault || ledger.decimalCommaCommodities.has(want.commodity) ? ',' : '.'
      let text = ledgerText(want.quantity, want.commodity, a, mark, want.precision)
      let again = ledgerReads(text, ledger, false)
      if (!again || !again.quantity.equals(want.quantity)) {
        text = ledgerText(want.quantity, want.commodity, a, mark === ',' ? '.' : ',', want.precision)
        again = ledgerReads(text, ledger, false)
      }
      const arg = readAmountArg(text, 'ledger').amount
      if (text === before && again && again.quantity.equals(want.quantity)) {
        ledgerReads(text, ledger, migrate)
        return
      }
      if (again && arg && again.quantity.equals(want.quantity) && again.commodity === want.commodity) {
        a.quantity = want.quantity
        a.commodity = want.commodity
        a.side = arg.side
        a.quoted = arg.quoted
        a.raws = { text, quantity: want.quantity, commodity: want.commodity, side: arg.side, quoted: arg.quoted, number: arg.raws.number ?? '', gap: arg.raws.gap ?? '' }
        const sameReading = got !== undefined && got.quantity.equals(want.quantity) && got.commodity === want.commodity
        if (sameReading) ctx.report({ severity: 'info', code: hledger.fileDecimalMark !== undefined ? 'decimal-mark-directive' : 'commodity-directive-oneline', message: `Amount ${before} written as ${text}: hledger read its decimal mark from ${hledger.fileDecimalMark !== undefined ? "'decimal-mark'" : 'a one-line commodity directive'}, which the ledger output cannot keep (so the output reads the same in both tools)`, node: a })
        else ctx.report({ severity: 'info', code: numberIssue(before, beforeDigits), message: `Amount ${before} written as ${text}: ledger would read ${got ? `${got.quantity.toString()}${got.commodity ? ' ' + got.commodity : ''}` : 'nothing'}, hledger reads ${want.quantity.toString()}${want.commodity ? ' ' + want.commodity : ''}`, node: a })
      } else {
        ctx.report({ severity: 'error', code: 'number-style-mismatch', message: `Amount ${before} could not be written so that ledger reads ${want.quantity.toString()}${want.commodity ? ' ' + want.commodity : ''}`, node: a })
      }
    }
    const unnamed = new Set<Directive>()
    for (const e of ctx.journal.children) {
      if (e.type === 'directive') {
        if (directive(e, readers, ctx) === 'comment-out') unnamed.add(e)
        continue
      }
      if (e.type !== 'transaction') continue
      for (const line of e.children) {
        if (line.type !== 'posting') continue
        for (const a of [...amountsOf(line)]) check(a, a === line.amount)
      }
    }
    if (unnamed.size > 0) ctx.journal.children = ctx.journal.children.flatMap((e) => (e.type === 'directive' && unnamed.has(e) ? commentOutEntry(e, ctx.journal) : [e]))
  },
})

/**
 * A `format` ledger reads with hledger's decimal mark, precision and
 * commodity for a one-line commodity amount (`1 000.00 EUR` → `1000.00 EUR`,
 * `1. CA` → `1 CA`); undefined when ledger has none (a decimal comma with no
 * decimals).
 */
function ledgerFormat(text: string, a: Amount): string | undefined {
  const reading = readNumber(a.raws.number ?? '', 'hledger')
  const mark = reading.decimalMark ?? (reading.groupMark === ',' ? '.' : reading.groupMark === '.' ? ',' : '.')
  const asLedger = readAmountArg(text, 'ledger')
  if (asLedger.amount && !asLedger.error && asLedger.rest.trim() === '' && asLedger.amount.commodity === a.commodity) {
    const l = readLedgerQuantity(asLedger.amount.raws.number ?? '', false)
    if (l.value.equals(reading.value) && (l.decimalMark ?? '.') === mark && l.precision === reading.precision) return text
  }
  if (mark === ',' && reading.precision === 0) return undefined
  const digits = reading.value.abs().toFixed(reading.precision)
  const number = mark === ',' ? digits.replace('.', ',') : digits
  const symbol = a.quoted || symbolNeedsQuotes(a.commodity, 'ledger') ? `"${a.commodity}"` : a.commodity
  return a.side === 'left' ? `${symbol}${(a.raws.gap ?? '') !== '' ? ' ' : ''}${number}` : `${number} ${symbol}`
}

/** Tracks one directive's number styles; says when the directive must become a comment. */
function directive(d: Directive, readers: Readers, ctx: TransformContext): 'keep' | 'comment-out' {
  const { hledger, ledger } = readers
  if (d.name === 'decimal-mark') {
    const mark = d.args.trim()
    if (mark === '.' || mark === ',') hledger.fileDecimalMark = mark
    return 'keep'
  }
  if (d.name === 'D') {
    hledger.noteStyleAmount(d.args, true)
    const parsed = readAmountArg(d.args, 'hledger').amount
    if (parsed) hledger.defaultCommodity = parsed
    ledger.noteStyleAmount(d.args, true)
    return 'keep'
  }
  if (d.name !== 'commodity') return 'keep'
  const arg = d.args.trim()
  const oneLine = /[0-9]/.test(arg) && !/^"[^"]*"$/.test(arg)
  if (oneLine) {
    hledger.noteStyleAmount(arg, true)
    const a = readAmountArg(arg, 'hledger').amount
    if (a && a.commodity === '') {
      ctx.report({ severity: 'info', code: 'commodity-directive-oneline', message: `'commodity ${arg}' kept as a comment: ledger cannot name the commodity of bare numbers (their display style follows the amounts; balances do not change)`, node: d })
      return 'comment-out'
    }
    if (a) {
      // ledger reads `commodity 1.000,00 EUR` as an odd symbol: write the block form
      const symbol = a.quoted || symbolNeedsQuotes(a.commodity, 'ledger') ? `"${a.commodity}"` : a.commodity
      d.args = symbol
      const format = ledgerFormat(arg, a)
      // the mark the written format (if any) still declares, for hledger reading the output
      const kept = format === undefined ? undefined : readNumber(readAmountArg(format, 'hledger').amount?.raws.number ?? '', 'hledger').decimalMark
      if (kept !== undefined) readers.outputMarks.set(a.commodity, kept)
      else readers.outputMarks.delete(a.commodity)
      if (format !== undefined) {
        d.children.unshift({ type: 'subdirective', keyword: 'format', args: format, raws: { indent: '    ', afterKeyword: ' ', eol: d.raws.eol || '\n' } })
        ctx.report({ severity: 'info', code: 'commodity-directive-oneline', message: `'commodity ${arg}' written in ledger's block form (commodity ${symbol} / format ${format})`, node: d })
        ledger.noteStyleAmount(format, true)
      } else {
        ctx.report({ severity: 'info', code: 'commodity-directive-oneline', message: `'commodity ${arg}' written as 'commodity ${symbol}': ledger has no format for a decimal comma without decimals (amounts are written so that ledger reads them)`, node: d })
      }
    }
  }
  for (const child of d.children) {
    if (child.type !== 'subdirective' || child.keyword !== 'format' || (oneLine && child.args === arg)) continue
    hledger.noteStyleAmount(child.args.replace(/;.*$/, ''), true)
    // a block format stays in the output as written
    const sample = readAmountArg(child.args.replace(/;.*$/, ''), 'hledger').amount
    const reading = sample?.raws.number !== undefined ? readNumber(sample.raws.number, 'hledger') : undefined
    const mark = reading ? reading.decimalMark ?? (reading.groupMark === ',' ? '.' : reading.groupMark === '.' ? ',' : undefined) : undefined
    if (sample && mark) readers.outputMarks.set(sample.commodity, mark)
    else if (sample) readers.outputMarks.delete(sample.commodity)
    ledger.noteStyleAmount(child.args.replace(/;.*$/, ''), true)
  }
  return 'keep'
}
