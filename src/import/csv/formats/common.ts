/**
 * Helpers every CSV format shares: the md5 row id, `--payee-format`
 * templates, strict dates and decimal amounts, and building the entry.
 * Amounts are decimal.js values, never floats.
 */
import { createHash } from 'node:crypto'
import { Decimal } from 'decimal.js'
import '../../../decimal-config.js'
import type { ImportAmount, ImportEntry, ImportPosting } from '../../model.js'
import type { CsvContext, CsvRow } from '../format.js'
import { CsvError } from '../read.js'

export { cleanId } from '../../ids.js'

/** Compare strings by code point, as Python's `sorted` does (UTF-16 order differs only for surrogates against U+E000–U+FFFF). */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length)
  for (let k = 0; k < n; k++) {
    const x = a.charCodeAt(k)
    const y = b.charCodeAt(k)
    if (x === y) continue
    const sx = x >= 0xd800 && x <= 0xdfff
    const sy = y >= 0xd800 && y <= 0xdfff
    if (sx !== sy) return sx ? 1 : -1
    return x - y
  }
  return a.length - b.length
}

/**
 * ledger-autosync's default CSV id: the hex MD5, over the row's keys sorted by
 * name, of `key=value\n` (UTF-8).
 */
export function csvMd5Id(row: CsvRow): string {
  const text = Object.keys(row).sort(compareCodePoints).map((key) => `${key}=${row[key] ?? ''}\n`).join('')
  return createHash('md5').update(text, 'utf8').digest('hex')
}

/** A cell by column name (`''` when the column is absent). */
export function cell(row: CsvRow, name: string): string {
  return row[name] ?? ''
}

/**
 * A `--payee-format` template applied to a row, like Python's
 * `template.format(**row)` followed by collapsing whitespace: `{Column Name}`
 * is the cell, `{{` and `}}` are braces.
 *
 * @throws {@link CsvError} for an unknown column or a stray brace.
 */
export function formatPayee(template: string, row: CsvRow, context: CsvContext): string {
  let out = ''
  for (let i = 0; i < template.length; i++) {
    const c = template[i] as string
    if ((c === '{' || c === '}') && template[i + 1] === c) {
      out += c
      i++
    } else if (c === '{') {
      const close = template.indexOf('}', i + 1)
      if (close < 0) throw payeeError(context, `the payee format has a "{" without "}"`, row)
      const name = template.slice(i + 1, close)
      if (!Object.hasOwn(row, name)) throw payeeError(context, `the payee format names a column the file does not have: {${name}}`, row)
      out += row[name]
      i = close
    } else if (c === '}') {
      throw payeeError(context, `the payee format has a "}" without "{" (write "}}" for a brace)`, row)
    } else out += c
  }
  return out.trim().replace(/\s+/g, ' ')
}

function payeeError(context: CsvContext, message: string, row: CsvRow): CsvError {
  return new CsvError(context.file, context.line, 1, message, `columns: ${Object.keys(row).map((k) => `{${k}}`).join(' ')}`)
}

/** The date patterns ledger-autosync's converters parse (Python strptime). */
export type CsvDatePattern = '%m/%d/%Y' | '%m/%d/%y' | '%Y/%m/%d' | '%Y-%m-%dT%H:%M:%S'

const MONTH = '(1[0-2]|0[1-9]|[1-9])'
const DAY = '(3[01]|[12]\\d|0[1-9]|[1-9])'
const DATE_RE: Record<CsvDatePattern, RegExp> = {
  '%m/%d/%Y': new RegExp(`^${MONTH}/${DAY}/(\\d{4})$`),
  '%m/%d/%y': new RegExp(`^${MONTH}/${DAY}/(\\d\\d)$`),
  '%Y/%m/%d': new RegExp(`^(\\d{4})/${MONTH}/${DAY}$`),
  '%Y-%m-%dT%H:%M:%S': new RegExp(`^(\\d{4})-${MONTH}-${DAY}T(2[0-3]|[01]\\d|\\d):([0-5]\\d|\\d):([0-5]\\d|\\d)$`),
}

/** A parsed CSV date: `YYYY-MM-DD` and the instant (UTC) in milliseconds. */
export interface CsvDate {
  date: string
  instant: number
}

/**
 * Parse a cell with a strptime pattern, strictly (the whole cell, a real
 * calendar date). `%y`: 69–99 → 19xx, 00–68 → 20xx, as Python.
 *
 * @throws {@link CsvError} when the cell is not such a date.
 */
export function parseCsvDate(text: string, pattern: CsvDatePattern, column: string, context: CsvContext): CsvDate {
  const m = DATE_RE[pattern].exec(text)
  const bad = (): CsvError => new CsvError(context.file, context.line, 1, `column "${column}" is not a date: ${JSON.stringify(text)}`, `this format expects dates written ${pattern}`)
  if (!m) throw bad()
  const g = m.slice(1).map((s) => Number(s))
  let year: number, month: number, day: number
  let hms = [0, 0, 0]
  if (pattern === '%m/%d/%Y' || pattern === '%m/%d/%y') {
    [month, day, year] = g as [number, number, number]
    if (pattern === '%m/%d/%y') year += year < 69 ? 2000 : 1900
  } else {
    [year, month, day] = g as [number, number, number]
    if (pattern === '%Y-%m-%dT%H:%M:%S') hms = g.slice(3)
  }
  const d = new Date(0)
  d.setUTCFullYear(year, month - 1, day)
  d.setUTCHours(hms[0] as number, hms[1] as number, hms[2] as number, 0)
  if (year < 1 || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) throw bad()
  const pad = (x: number, w: number): string => String(x).padStart(w, '0')
  return { date: `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`, instant: d.getTime() }
}

/**
 * A decimal amount from a cell (surrounding spaces and `,` digit grouping
 * removed; optional sign). Exact: never through a float.
 *
 * @throws {@link CsvError} when the cell is not a number.
 */
export function parseCsvAmount(text: string, column: string, context: CsvContext): Decimal {
  const t = text.replaceAll(',', '').trim()
  if (!/^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/.test(t)) {
    throw new CsvError(context.file, context.line, 1, `column "${column}" is not an amount: ${JSON.stringify(text)}`, 'amounts are written like -1,234.56')
  }
  return new Decimal(t)
}

/** A money amount (printed with two decimals). */
export function money(quantity: Decimal, commodity: string): ImportAmount {
  return { quantity, commodity, style: 'money' }
}

/** What {@link csvTransaction} needs. */
export interface CsvTransactionParts {
  when: CsvDate
  payee: string
  /** The imported account and its amount; the counter posting gets the negation. */
  account: string
  amount: ImportAmount
  counterAccount: string
  /** The csvid value stored on the imported account's posting (and looked up). */
  id: string
  /** More posting metadata for the imported account's posting (sorted with csvid by key). */
  postingMetadata?: Array<[string, string]>
  /** Transaction metadata (sorted by key). */
  metadata?: Array<[string, string]>
  context: CsvContext
}

const byKey = (a: [string, string], b: [string, string]): number => compareCodePoints(a[0], b[0])

/** The two-posting, uncleared transaction every built-in format makes, metadata sorted by key as ledger-autosync prints it. */
export function csvTransaction(parts: CsvTransactionParts): ImportEntry {
  const imported: ImportPosting = {
    account: parts.account,
    amount: parts.amount,
    metadata: [['csvid', parts.id] as [string, string], ...(parts.postingMetadata ?? [])].sort(byKey),
  }
  const counter: ImportPosting = {
    account: parts.counterAccount,
    amount: { ...parts.amount, quantity: parts.amount.quantity.negated() },
    metadata: [],
  }
  return {
    kind: 'transaction',
    date: parts.when.date,
    cleared: false,
    payee: parts.payee,
    metadata: [...(parts.metadata ?? [])].sort(byKey),
    postings: [imported, counter],
    id: { tag: 'csvid', value: parts.id, lookup: parts.id },
    instant: parts.when.instant,
    source: { file: parts.context.file, line: parts.context.line },
  }
}
