/**
 * The shape of a CSV import format (a built-in converter or a user plugin):
 * which header columns identify it, how a row becomes an entry, and the id
 * stored for dedup.
 *
 * Plugins are ES modules in `$XDG_CONFIG_HOME/ptabridge/plugins/` (default
 * `~/.config/ptabridge/plugins/`) whose default export is a `CsvFormat` or
 * an array of them (see docs/import.md).
 */
import type { Decimal } from 'decimal.js'
import type { ImportEntry } from '../model.js'

/** One CSV row: header name → cell text (surrounding whitespace kept as read). */
export type CsvRow = Readonly<Record<string, string>>

/** What a format's `convert` gets besides the row. */
export interface CsvContext {
  /** The journal account of the imported account (`-a`). */
  account: string
  /** `--unknown-account`, when given. */
  unknownAccount?: string
  /** `--payee-format`, when given: a template with `{Column Name}` fields. */
  payeeFormat?: string
  /** The CSV file name and the row's line number (1-based, of its first line), for messages. */
  file: string
  line: number
  /** decimal.js's constructor (quantities must be exact; a plugin need not install decimal.js itself). */
  Decimal: typeof Decimal
}

/** A CSV import format. */
export interface CsvFormat {
  /** A short name (`paypal`, `amazon` …). */
  name: string
  /** Header names that must all be present for this format to be chosen. */
  fieldset: readonly string[]
  /**
   * The entry for a row, or null to skip it (with the reason in `skip`).
   * The entry's `id` must be set (`tag: 'csvid'`); `lookup` is the exact value
   * looked up in the journal (normally the stored value itself).
   */
  convert(row: CsvRow, context: CsvContext): ImportEntry | { skip: string }
}
