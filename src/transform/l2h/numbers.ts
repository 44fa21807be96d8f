/**
 * ledger → hledger: numbers hledger would read differently (dialects.md
 * rows 43, 44, 53, 54).
 *
 * Both tools' readings are simulated in file order: ledger's sticky decimal
 * comma (per commodity, global after `--decimal-comma`) and hledger's
 * declared decimal marks. Where hledger would get another value (a lone
 * `1,000`, `1.000` after a decimal comma, a number contradicting a `format`),
 * the digits are rewritten without digit groups, with the decimal mark hledger
 * expects for that commodity; the rest of the amount's text stays. A
 * `commodity` format without a decimal mark (`format $1,000`, which hledger
 * reads as a decimal comma) gets a trailing period.
 */
import type { Amount, Directive } from '../../ast.js'
import { readAmountArg } from '../../directives.js'
import { QuantityContext } from '../../semantics/quantities.js'
import { defineTransform } from '../types.js'
import { decimalCommaBlock } from './directives.js'
import { amountsOf, rewriteDigits } from '../util.js'

interface Readers {
  ledger: QuantityContext
  hledger: QuantityContext
}

/** Digits for hledger: no groups, the commodity's decimal mark. */
function digitsFor(q: Amount['quantity'], mark: '.' | ','): string {
  const text = q.abs().toFixed()
  return mark === ',' ? text.replace('.', ',') : text
}

/** Transform: write numbers hledger would read differently from ledger unambiguously. */
export const numbers = defineTransform({
  name: 'numbers',
  description: 'Write numbers hledger would read differently from ledger unambiguously',
  from: 'ledger',
  to: 'hledger',
  run(ctx) {
    let readers = ctx.shared.get('numbers') as Readers | undefined
    if (!readers) {
      readers = { ledger: new QuantityContext('ledger'), hledger: new QuantityContext('hledger', true) }
      ctx.shared.set('numbers', readers)
    }
    const { ledger, hledger } = readers
    const check = (a: Amount, migrate: boolean, what: string): void => {
      if (a.raws.number === undefined) return
      const want = ledger.read(a, migrate).quantity
      const got = hledger.read(a).quantity
      if (got.equals(want)) return
      const mark = hledger.fileDecimalMark ?? hledger.declaredMarks.get(a.commodity) ?? '.'
      const before = a.raws.text ?? a.raws.number
      rewriteDigits(a, digitsFor(want, mark), want)
      const again = hledger.read(a).quantity
      if (again.equals(want)) {
        // a lone period read as a digit group mark because ledger saw a decimal comma for this commodity before
        const sticky = ledger.decimalCommaByDefault || ledger.decimalCommaCommodities.has(a.commodity)
        ctx.report({ severity: 'info', code: sticky ? 'decimal-comma-sticky' : 'ambiguous-thousands', message: `${what} ${before} written as ${a.raws.text ?? ''}: hledger would read ${got.toString()}, ledger reads ${want.toString()}`, node: a })
      } else {
        ctx.report({ severity: 'error', code: 'ambiguous-thousands', message: `${what} ${before} could not be written so that hledger reads ${want.toString()}`, node: a })
      }
    }
    for (const e of ctx.journal.children) {
      if (e.type === 'directive') {
        directive(e, readers, ctx.report)
        continue
      }
      if (e.type !== 'transaction') continue
      for (const line of e.children) {
        if (line.type !== 'posting') continue
        const amounts = [...amountsOf(line)]
        for (const a of amounts) check(a, a === line.amount, a === line.amount ? 'The amount' : 'The amount')
      }
    }
  },
})

function directive(d: Directive, readers: Readers, report: Parameters<typeof numbers.run>[0]['report']): void {
  const { ledger, hledger } = readers
  if (d.name === 'option' && d.keyword === '--decimal-comma') ledger.decimalCommaByDefault = true
  if (d.name === 'D') {
    ledger.noteStyleAmount(d.args, true)
    // a decimal-comma D becomes a commodity directive hledger reads (directives.ts)
    if (decimalCommaBlock(d)) hledger.noteStyleAmount(d.args, true)
  }
  if (d.name !== 'commodity') return
  const samples: Array<{ get: () => string; set: (text: string) => void }> = []
  const oneLine = /[0-9]/.test(d.args) && !/^"[^"]*"$/.test(d.args.trim())
  if (oneLine) samples.push({ get: () => d.args, set: (t) => (d.args = t) })
  for (const child of d.children) {
    if (child.type === 'subdirective' && child.keyword === 'format') samples.push({ get: () => child.args, set: (t) => (child.args = t) })
  }
  for (const s of samples) {
    const text = s.get()
    ledger.noteStyleAmount(text.replace(/;.*$/, ''), true)
    const a = readAmountArg(text, 'ledger').amount
    const digits = a?.raws.number
    // hledger reads `1,000` (one group mark, no decimal mark) as a decimal comma,
    // and refuses a format without any mark
    let fixed: string | undefined
    // (ledger stops a number at a trailing mark: `0.` is read as 0 and '.', already fixed)
    const after = digits !== undefined ? text.charAt(text.indexOf(digits) + digits.length) : ''
    if (after === '.' || after === ',') fixed = undefined
    else if (digits !== undefined && /^[0-9]{1,3}([,.][0-9]{3})+$/.test(digits) && new Set(digits.replace(/[0-9]/g, '')).size === 1) {
      fixed = text.replace(digits, digits + (digits.includes(',') ? '.' : ','))
    } else if (digits !== undefined && /^[0-9]+$/.test(digits)) {
      fixed = text.replace(digits, digits + '.')
    }
    if (fixed !== undefined) {
      report({ severity: 'info', code: 'commodity-format-no-decimal', message: `Format ${text.trim()} written as ${fixed.trim()}: hledger needs a decimal mark in a format, or it reads a group mark as one`, node: d })
      s.set(fixed)
    }
    const declared = readAmountArg(s.get(), 'hledger').amount
    const symbol = d.args.trim().replace(/^"|"$/g, '').split(/[ \t]/)[0] ?? ''
    if (!oneLine && declared && declared.commodity !== symbol) {
      // a format naming another commodity: hledger refuses it
      const child = d.children.find((c) => c.type === 'subdirective' && c.keyword === 'format' && c.args === s.get())
      if (child && child.type === 'subdirective') {
        report({ severity: 'warning', code: 'commodity-subdirective', message: `Format ${s.get().trim()} kept as a comment: it names ${declared.commodity || 'no commodity'}, not ${symbol} (hledger refuses it)`, node: child })
        d.children = d.children.map((c) => (c === child ? { type: 'comment', marker: ';', text: ` format ${child.args}`, raws: { before: child.raws.indent ?? '    ', eol: child.raws.eol } } : c))
        continue
      }
    }
    // a one-line directive is kept only as a comment for hledger (unsupported-directives): it declares nothing there
    if (!oneLine || s.get() !== d.args) hledger.noteStyleAmount(s.get().replace(/;.*$/, ''), true)
  }
}
