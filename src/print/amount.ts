/**
 * Rendering amounts and numbers in a commodity's style.
 *
 * Used for amounts that have no raw text (generated) or whose value was
 * edited. Digits are never dropped: a value with more decimals than the
 * style's precision is shown with all of them.
 */
import type { Decimal } from 'decimal.js'
import type { Amount, Dialect } from '../ast.js'
import type { CommodityStyle } from './style.js'

/** Render an unsigned-or-signed number with a style's marks and precision. */
export function renderNumber(value: Decimal, style: Pick<CommodityStyle, 'decimalMark' | 'groupMark' | 'precision'>): string {
  const places = Math.max(style.precision, value.decimalPlaces())
  const fixed = value.abs().toFixed(places)
  const dot = fixed.indexOf('.')
  let int = dot < 0 ? fixed : fixed.slice(0, dot)
  const frac = dot < 0 ? '' : fixed.slice(dot + 1)
  if (style.groupMark) int = int.replace(/\B(?=(\d{3})+(?!\d))/g, style.groupMark)
  return (value.isNegative() && !value.isZero() ? '-' : '') + int + (frac ? style.decimalMark + frac : '')
}

/** Whether a commodity symbol must be quoted to be read back (both dialects). */
export function needsQuotes(symbol: string): boolean {
  return symbol !== '' && /[^\p{L}\p{Sc}\p{So}'`~^_\\]/u.test(symbol)
}

/** Characters that end an unquoted symbol in ledger 3.3 and in hledger 1.25 (so such symbols are shown quoted). */
const SYMBOL_STOPS: Readonly<Record<Dialect, RegExp>> = {
  ledger: /[\s\d.,;:?!\-+*/^&|=<>{}[\]()@"~]/,
  hledger: /[\s\d\-+.@*;"{}=]/,
}

/** Whether one dialect needs `symbol` quoted (reports show symbols as their tool does). */
export function symbolNeedsQuotes(symbol: string, dialect: Dialect): boolean {
  return symbol !== '' && SYMBOL_STOPS[dialect].test(symbol)
}

/**
 * Render a whole amount: sign, symbol and number, in `style`. `quote`
 * decides which symbols get quotes (default: those either dialect needs).
 */
export function renderAmount(amount: Pick<Amount, 'quantity' | 'commodity' | 'quoted'>, style: CommodityStyle, quote: (symbol: string) => boolean = needsQuotes): string {
  const number = renderNumber(amount.quantity, style)
  if (amount.commodity === '') return number
  const symbol = amount.quoted || quote(amount.commodity) ? `"${amount.commodity}"` : amount.commodity
  const gap = style.spaced ? ' ' : ''
  if (style.side === 'right') return number + gap + symbol
  // ledger and hledger both read -$5; $-5 too, but -$5 is the common form.
  return number.startsWith('-') ? `-${symbol}${gap}${number.slice(1)}` : symbol + gap + number
}
