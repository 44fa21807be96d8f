/**
 * `print(journal, options)`: tree to text.
 *
 * Chooses the printer for the target dialect (the journal's own by default).
 * Printing an unmodified tree returns the text it was parsed from.
 */
import type { Dialect, Journal } from '../ast.js'
import { HledgerPrinter, LedgerPrinter, type Printer } from './printer.js'

export { renderAmount, renderNumber, needsQuotes } from './amount.js'
export { Printer, LedgerPrinter, HledgerPrinter, UnexpectedNodeError } from './printer.js'
export { houseStyle, forgetHouseStyle, type HouseStyle, type CommodityStyle } from './style.js'

/** Options for {@link print}. */
export interface PrintOptions {
  /** The dialect to print for; defaults to the journal's own. */
  target?: Dialect
}

/** The printer for a target dialect. */
export function printerFor(target: Dialect): Printer {
  return target === 'hledger' ? new HledgerPrinter() : new LedgerPrinter()
}

/**
 * Print a journal.
 *
 * @example
 * ```ts
 * const { journal } = parse(text)
 * print(journal) === text // true: printing is lossless
 * ```
 */
export function print(journal: Journal, options: PrintOptions = {}): string {
  return printerFor(options.target ?? journal.dialect).print(journal)
}

/** Print a journal in chunks to `sink` (see {@link Printer.printTo}). */
export function printTo(journal: Journal, sink: (chunk: string) => void, options: PrintOptions = {}): void {
  printerFor(options.target ?? journal.dialect).printTo(journal, sink)
}
