/**
 * Rendering import entries as journal text for ledger or hledger, laid out
 * the way ledger-autosync lays them out (so a journal built with it keeps one
 * style): postings indented by `indent` spaces with the amount ending at
 * column 65, metadata as `; key: value` lines at the posting indent, one
 * blank line after each entry.
 *
 * Both tools read the same text here, except for settlement dates (ledger:
 * `DATE=DATE2`; hledger: a `date:` tag on the settling posting): `; key:
 * value` tags (hledger: a tag whose value runs to the end of the line, or to
 * a comma: ptabridge's dedup reads the whole line), `AMOUNT @ PRICE` costs and
 * `= BALANCE` single-commodity assertions. Commodity symbols other than
 * letters and currency signs (CUSIPs, `BRK.B`, `PRB 240119C00100000`) are
 * quoted, which both tools require.
 */
import type { Dialect } from '../ast.js'
import type { ImportAmount, ImportEntry, ImportPosting, PriceEntry } from './model.js'
import { DEFAULT_DATE_FORMAT, formatDate } from './strftime.js'

/** Options for {@link printEntries}. */
export interface ImportPrintOptions {
  target: Dialect
  /** strftime pattern for dates (default `%Y/%m/%d`). */
  dateFormat?: string
  /** Spaces before postings and metadata (default 4). */
  indent?: number
}

/** The column the amount field ends at (ledger-autosync, ledger-mode). */
export const AMOUNT_COLUMN = 65

/** A commodity symbol as both tools read it: quoted unless it is letters and currency signs only. */
export function commoditySymbol(symbol: string): string {
  if (symbol === '' || /^[\p{L}\p{Sc}]+$/u.test(symbol)) return symbol
  return `"${symbol.replaceAll('"', '')}"`
}

function quantityText(a: ImportAmount): string {
  if (a.style === 'exact' && a.text !== undefined) return a.text
  const fixed = a.quantity.abs().toFixed(2)
  return a.quantity.isNegative() && !a.quantity.isZero() ? `-${fixed}` : fixed
}

/** An amount: one-character symbols before the number (`-$34.51`), longer ones after it (`-20.00 USD`). */
export function amountText(a: ImportAmount): string {
  const number = quantityText(a)
  if (a.commodity === '') return number
  const symbol = commoditySymbol(a.commodity)
  if ([...a.commodity].length === 1) return number.startsWith('-') ? `-${symbol}${number.slice(1)}` : `${symbol}${number}`
  return `${number} ${symbol}`
}

/**
 * The assertion operator for the target: hledger has `=`, `=*`, `==`, `==*`;
 * ledger only `=` (callers report the loss: see import.ts).
 */
function assertionOperator(op: ImportPosting['assertionOp'], target: Dialect): string {
  return target === 'ledger' ? '=' : (op ?? '=')
}

function oneLine(text: string): string {
  return text.replace(/[\r\n\t]+/g, ' ').trim()
}

/** One entry, ending with a blank line. */
export function printEntry(entry: ImportEntry, options: ImportPrintOptions): string {
  const indent = ' '.repeat(options.indent ?? 4)
  const format = options.dateFormat ?? DEFAULT_DATE_FORMAT
  let header = formatDate(entry.date, format)
  const aux = entry.auxDate !== undefined && entry.auxDate !== entry.date ? entry.auxDate : undefined
  // hledger: the settling posting gets its own date (a `date:` tag); ledger: an auxiliary date
  const datedPosting = aux !== undefined && options.target === 'hledger' && entry.auxDatePosting !== undefined ? entry.auxDatePosting : undefined
  if (aux !== undefined && datedPosting === undefined) header += `=${formatDate(aux, format)}`
  header += entry.cleared ? ' * ' : entry.pending ? ' ! ' : ' '
  if (entry.code !== undefined && entry.code !== '') header += `(${oneLine(entry.code)}) `
  header += oneLine(entry.payee)
  const lines = [header.trimEnd()]
  for (const [key, value] of entry.metadata) lines.push(key === '' ? `${indent}; ${oneLine(value)}` : `${indent}; ${key}: ${oneLine(value)}`)
  entry.postings.forEach((p, i) => {
    const amount = p.amount ? amountText(p.amount) : ''
    const pad = Math.max(2, AMOUNT_COLUMN - indent.length - [...p.account].length - [...amount].length)
    let line = amount ? `${indent}${p.account}${' '.repeat(pad)}${amount}` : `${indent}${p.account}`
    if (p.cost) line += ` ${p.costIsTotal ? '@@' : '@'} ${amountText(p.cost)}`
    if (p.assertion) line += `${amount ? '' : '  '} ${assertionOperator(p.assertionOp, options.target)} ${amountText(p.assertion)}`
    lines.push(line)
    for (const [key, value] of p.metadata) lines.push(key === '' ? `${indent}; ${oneLine(value)}` : `${indent}; ${key}: ${oneLine(value)}`)
    if (i === datedPosting && aux !== undefined) lines.push(`${indent}; date: ${aux}`)
  })
  return lines.join('\n') + '\n\n'
}

/** A market price: `P DATE [TIME] COMMODITY PRICE`, the price with its currency. */
export function printPrice(price: PriceEntry, options: ImportPrintOptions): string {
  const date = formatDate(price.date, options.dateFormat ?? DEFAULT_DATE_FORMAT)
  const time = price.time !== undefined && options.target === 'ledger' ? ` ${price.time}` : ''
  return `P ${date}${time} ${commoditySymbol(price.commodity)} ${amountText(price.price)}\n`
}

/** Entries then prices, as one text. */
export function printEntries(entries: readonly ImportEntry[], prices: readonly PriceEntry[], options: ImportPrintOptions): string {
  const body = entries.map((e) => printEntry(e, options)).join('')
  const p = prices.map((x) => printPrice(x, options)).join('')
  return body + (p ? p + '\n' : '')
}
