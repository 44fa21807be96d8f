/**
 * The built-in CSV formats, choosing one for a file's header (the first
 * whose required columns are all present, in ledger-autosync's order), and
 * converting a whole file into entries with notes for the rows skipped.
 */
import { Decimal } from 'decimal.js'
import type { ImportEntry } from '../model.js'
import type { CsvContext, CsvFormat } from './format.js'
import { CsvError, readCsv, type ReadCsvOptions } from './read.js'
import { amazonFormat } from './formats/amazon.js'
import { mintFormat } from './formats/mint.js'
import { paypalAlternateFormat } from './formats/paypal-alternate.js'
import { paypalFormat } from './formats/paypal.js'
import { simpleFormat } from './formats/simple.js'
import { venmoFormat } from './formats/venmo.js'

/** The built-in formats in ledger-autosync's order: Paypal, PaypalAlternate, Amazon, Mint, Simple, Venmo. */
export const BUILTIN_FORMATS: readonly CsvFormat[] = [paypalFormat, paypalAlternateFormat, amazonFormat, mintFormat, simpleFormat, venmoFormat]

/** The first format whose fieldset is a subset of the header, or undefined. */
export function chooseFormat(header: readonly string[], formats: readonly CsvFormat[]): CsvFormat | undefined {
  const have = new Set(header)
  return formats.find((f) => f.fieldset.every((name) => have.has(name)))
}

/** Options for {@link convertCsv}. */
export interface ConvertCsvOptions {
  /** The file name, for messages and entry sources. */
  file: string
  /** The journal account of the imported account. */
  account: string
  unknownAccount?: string
  payeeFormat?: string
  /** Output the entries last row first. */
  reverse?: boolean
  encoding?: ReadCsvOptions['encoding']
  separator?: string
  /** The formats to choose from, in order (default {@link BUILTIN_FORMATS}). */
  formats?: readonly CsvFormat[]
}

/** A note about the conversion (a skipped row …), with its line. */
export interface CsvNote {
  severity: 'info' | 'warning' | 'error'
  message: string
  line?: number
}

/** What {@link convertCsv} returns: the format's name, the entries, the notes. */
export interface CsvConversion {
  format: string
  entries: ImportEntry[]
  notes: CsvNote[]
}

function noFormat(file: string, header: readonly string[], formats: readonly CsvFormat[]): CsvError {
  const have = new Set(header)
  const each = formats.map((f) => {
    const missing = f.fieldset.filter((n) => !have.has(n))
    return `${f.name} needs ${f.fieldset.join(', ')} (missing: ${missing.join(', ')})`
  })
  return new CsvError(file, 1, 1, 'cannot tell which CSV format this is: no known format has all its columns in the header',
    formats.length === 0 ? 'no CSV format is available' : `known formats: ${each.join('; ')}; a plugin can add a format`)
}

function isAmount(value: unknown): boolean {
  const a = value as { quantity?: { isNegative?: unknown }; commodity?: unknown } | null | undefined
  return typeof a === 'object' && a !== null && typeof a.quantity?.isNegative === 'function' && typeof a.commodity === 'string'
}

/** Whether a format's result has the shape the printer needs (plugins are not type-checked). */
function isEntry(value: unknown): value is ImportEntry {
  const e = value as Partial<Record<keyof ImportEntry, unknown>> | null
  return typeof e === 'object' && e !== null && e.kind === 'transaction' && typeof e.date === 'string' &&
    /^\d{4}-\d\d-\d\d$/.test(e.date) && typeof e.payee === 'string' && Array.isArray(e.metadata) && Array.isArray(e.postings) &&
    e.postings.every((p: { account?: unknown; amount?: unknown; metadata?: unknown } | null) =>
      typeof p === 'object' && p !== null && typeof p.account === 'string' && isAmount(p.amount) && Array.isArray(p.metadata))
}

/**
 * Convert a CSV file: read it, choose the format by its header, convert each
 * row in file order (`reverse` flips the result). Skipped rows become info
 * notes with their line.
 *
 * @throws {@link CsvError} for unreadable CSV, an unknown format (the message
 *   lists each format and the columns it needs), or a row the format cannot
 *   convert.
 */
export function convertCsv(bytes: Uint8Array, options: ConvertCsvOptions): CsvConversion {
  const { file } = options
  const table = readCsv(bytes, {
    file,
    ...(options.encoding !== undefined ? { encoding: options.encoding } : {}),
    ...(options.separator !== undefined ? { separator: options.separator } : {}),
  })
  if (table.header.length === 0) throw new CsvError(file, 1, 1, 'the file is empty: no header line', 'a CSV export starts with a line of column names')
  const formats = options.formats ?? BUILTIN_FORMATS
  const format = chooseFormat(table.header, formats)
  if (format === undefined) throw noFormat(file, table.header, formats)
  const entries: ImportEntry[] = []
  const notes: CsvNote[] = []
  for (const { row, line } of table.rows) {
    const context: CsvContext = {
      account: options.account,
      file,
      line,
      Decimal,
      ...(options.unknownAccount !== undefined ? { unknownAccount: options.unknownAccount } : {}),
      ...(options.payeeFormat !== undefined ? { payeeFormat: options.payeeFormat } : {}),
    }
    let result: unknown
    try {
      result = format.convert(row, context)
    } catch (err) {
      if (err instanceof CsvError) throw err
      throw new CsvError(file, line, 1, `the ${format.name} format failed on this row: ${err instanceof Error ? err.message : String(err)}`,
        'the row may not be what the format expects; if the format is a plugin, check it')
    }
    if (typeof result === 'object' && result !== null && typeof (result as { skip?: unknown }).skip === 'string') {
      notes.push({ severity: 'info', message: `row skipped: ${(result as { skip: string }).skip}`, line })
    } else if (isEntry(result)) {
      entries.push(result)
    } else {
      throw new CsvError(file, line, 1, `the ${format.name} format returned neither an entry nor { skip } for this row`, 'an entry needs kind "transaction", a YYYY-MM-DD date, a payee, metadata and postings with an account, a decimal.js amount and metadata')
    }
  }
  if (options.reverse) entries.reverse()
  return { format: format.name, entries, notes }
}
