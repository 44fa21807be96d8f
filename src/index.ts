/**
 * ptabridge: make Ledger and hledger journals work together.
 *
 * The library API: parse text or files into a lossless tree, print trees back
 * to text, and work with diagnostics and positions.
 *
 * @example
 * ```ts
 * import { parse, print } from 'ptabridge'
 * const { journal, diagnostics } = parse(text, { dialect: 'ledger' })
 * print(journal) === text // always true
 * ```
 */
export type * from './ast.js'
export { parse, type ParseOptions, type ParseResult } from './parse/index.js'
export { print, printerFor, type PrintOptions } from './print/index.js'
export { renderAmount, renderNumber, houseStyle, Printer, LedgerPrinter, HledgerPrinter } from './print/index.js'
export type { Diagnostic, Severity } from './diagnostic.js'
export { formatDiagnostic, hasErrors, sortDiagnostics } from './diagnostic.js'
export { positionOf, LineIndex, type Point, type Position } from './position.js'
export { detectDialect, dialectOfExtension, factsFor, type DialectChoice, type DialectFacts } from './dialect/index.js'
export { readNumber, readLedgerQuantity, type NumberReading } from './numbers.js'
export { readDate, formatDate } from './dates.js'
