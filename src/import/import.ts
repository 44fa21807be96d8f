/**
 * `importFile()`: bank data in, the journal text of what is new out.
 *
 * Reads an OFX or CSV file into entries (one batch per statement or file),
 * drops what the journal already has (ids matched exactly, through a set),
 * folds duplicates within the file, keeps only the `--max` window when one
 * is given, and renders the rest for the target dialect. Balance assertions
 * and prices the journal already has are not printed again.
 */
import { extname } from 'node:path'
import type { Decimal } from 'decimal.js'
import type { Dialect } from '../ast.js'
import type { PredictionQuery } from '../predict/predictor.js'
import type { CsvFormat } from './csv/format.js'
import { readCsvRecords } from './csv/read.js'
import { convertCsv } from './csv/registry.js'
import { historyAccount, isKnown, type JournalIndex } from './journal-index.js'
import type { ImportBatch, ImportEntry, PriceEntry } from './model.js'
import { convertStatement, defaultAccountName, type OfxConvertOptions } from './ofx/convert.js'
import { readOfx } from './ofx/read.js'
import { printEntries, printPrice, type ImportPrintOptions } from './print.js'
import { applyRules } from './rules/apply.js'
import type { CsvRules } from './rules/parse.js'
import { quickRules, type QuickColumns } from './rules/quick.js'

/** The statement options `import` passes through to the OFX converter. */
const STATEMENT_OPTIONS = ['fid', 'hardcodeAccount', 'shortenAccount', 'unknownAccount', 'payeeFormat', 'assertions', 'initial'] as const
type StatementOptions = Pick<OfxConvertOptions, (typeof STATEMENT_OPTIONS)[number]>

/** Options for {@link importFile}; the OFX statement options are {@link OfxConvertOptions}'s. */
export interface ImportOptions extends StatementOptions {
  target: Dialect
  /**
   * `-a`: the journal account. One plain name applies to a file with one
   * statement (and to CSV); `ACCTID=NAME` maps one statement of a
   * multi-account OFX file.
   */
  accounts: readonly string[]
  /** The journal's facts; undefined with `-L` (nothing deduplicated or inferred). */
  index?: JournalIndex
  /** CSV: rows in reverse file order. */
  reverse?: boolean
  dateFormat?: string
  indent?: number
  /** Keep only entries dated within this many days before the newest one. */
  maxDays?: number
  /** `--no-infer-account`: counter accounts never come from the journal's history. */
  noInferAccount?: boolean
  /** CSV formats (built-ins and plugins); default the built-ins. */
  formats?: readonly CsvFormat[]
  /** `ofx` or `csv`; default from the extension (`.csv` is CSV, anything else OFX). */
  format?: 'ofx' | 'csv'
  /** CSV encoding and separator. */
  encoding?: 'utf-8' | 'latin1' | 'windows-1252'
  separator?: string
  /** CSV: hledger rules (from `--rules`, or FILE.csv.rules next to the file). */
  rules?: CsvRules
  /** CSV: quick column flags instead of rules. */
  columns?: QuickColumns & { skipFooter?: number }
  /** CSV with rules: the field (number or name) holding the bank's reference, for ids. */
  idField?: string
  /**
   * Counter-account prediction (`--predict`, the default with a journal):
   * used instead of the exact-payee rule for OFX, for quick-mode CSV, and for
   * the default counter accounts of rules and built-in CSV formats.
   */
  predict?: (query: PredictionQuery) => string | undefined
  /** OFX: import only the statements of these account ids (`sync` asks for one account at a time). */
  onlyAccountIds?: readonly string[]
}

/** What {@link importFile} found. */
export interface ImportResult {
  /** The journal text to append (empty when nothing is new). */
  text: string
  /** The new transactions, in output order. */
  entries: ImportEntry[]
  /** Counts: read, already in the journal, folded duplicates within the file, outside the --max window. */
  counts: { read: number; known: number; folded: number; outsideWindow: number; new: number }
  /** Notes for the user, with lines of the input file. */
  notes: Array<{ severity: 'info' | 'warning' | 'error'; message: string; line?: number }>
  /** Which reader and format was used (`ofx`, `csv:paypal` …). */
  format: string
}

/** A usage problem with the options (no account for a CSV file, an ambiguous `-a` …). */
export class ImportUsageError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ImportUsageError'
  }
}

function assertionKey(entry: ImportEntry): string | undefined {
  const p = entry.postings.find((x) => x.assertion !== undefined)
  if (!p?.assertion) return undefined
  return `${p.account}|${entry.date}|${p.assertion.quantity.toFixed()}|${p.assertion.commodity}`
}

function priceKey(price: PriceEntry, print: ImportPrintOptions): string {
  return printPrice(price, print).slice(2).trim().replace(/\s+/g, ' ')
}

function accountFor(accounts: readonly string[], accountId: string, statements: number): string | undefined {
  const mapped = accounts.find((a) => a.startsWith(`${accountId}=`))
  if (mapped !== undefined) return mapped.slice(accountId.length + 1)
  const plain = accounts.filter((a) => !/^[^=\s]+=/.test(a))
  if (plain.length === 1 && statements === 1) return plain[0]
  if (plain.length > 0 && statements > 1) {
    throw new ImportUsageError(`the file has ${statements} statements; name each account as -a ACCTID=ACCOUNT (a plain -a NAME is for a file with one statement)`)
  }
  return undefined
}

function readBatches(bytes: Uint8Array, file: string, options: ImportOptions): { batches: ImportBatch[]; format: string } {
  const kind = options.format ?? (extname(file).toLowerCase() === '.csv' ? 'csv' : 'ofx')
  const index = options.index
  if (kind === 'csv' && (options.rules !== undefined || options.columns !== undefined)) return { batches: [rulesBatch(bytes, file, options)], format: options.rules ? 'csv:rules' : 'csv:columns' }
  if (kind === 'csv') {
    const plain = options.accounts.filter((a) => !/^[^=\s]+=/.test(a))
    if (plain.length !== 1) throw new ImportUsageError('a CSV file needs the journal account of the imported account: -a ACCOUNT')
    const account = plain[0] as string
    const csv = convertCsv(bytes, {
      file, account,
      ...(options.unknownAccount !== undefined ? { unknownAccount: options.unknownAccount } : {}),
      ...(options.payeeFormat !== undefined ? { payeeFormat: options.payeeFormat } : {}),
      ...(options.reverse ? { reverse: true } : {}),
      ...(options.encoding !== undefined ? { encoding: options.encoding } : {}),
      ...(options.separator !== undefined ? { separator: options.separator } : {}),
      ...(options.formats !== undefined ? { formats: options.formats } : {}),
    })
    const entries = csv.entries.filter((e) => e.id !== undefined)
    const defaults = new Set(['Expenses:Misc', 'expenses', 'income', ...(options.unknownAccount !== undefined ? [options.unknownAccount] : [])])
    for (const e of entries) predictDefaultCounter(e, options, defaults)
    const assertions = csv.entries.filter((e) => e.id === undefined)
    return { batches: [{ account, entries, assertions, prices: [], notes: csv.notes }], format: `csv:${csv.format}` }
  }
  const doc = readOfx(bytes, file)
  const statements = options.onlyAccountIds ? doc.statements.filter((s) => options.onlyAccountIds?.includes(s.accountId)) : doc.statements
  const batches = statements.map((statement) => {
    const account = accountFor(options.accounts, statement.accountId, statements.length) ?? defaultAccountName(doc, statement)
    const infer = index !== undefined && !options.noInferAccount
    const passed: StatementOptions = {}
    for (const key of STATEMENT_OPTIONS) if (options[key] !== undefined) Object.assign(passed, { [key]: options[key] })
    return convertStatement(doc, statement, {
      account,
      ...passed,
      ...(infer ? { counterAccount: (payee: string, amount: Decimal) => (options.predict ? options.predict({ description: payee, source: account, amount }) : historyAccount(index, payee, account)) } : {}),
      ...(index !== undefined ? {
        payeeRewrite: (raw: string) => {
          const hit = index.autosyncPayees.get(raw)
          return hit && hit.accounts.includes(account) ? hit.payee : undefined
        },
      } : {}),
    })
  })
  return { batches, format: 'ofx' }
}

/** The separator hledger infers from a file's extension (`.ssv` `;`, `.tsv` tab, else `,`). */
function separatorOfFile(file: string): string {
  const ext = extname(file).toLowerCase()
  return ext === '.ssv' ? ';' : ext === '.tsv' ? '\t' : ','
}

/** The counter account the journal suggests: the prediction, else (with --no-predict) the exact-payee rule. */
function inferred(options: ImportOptions, payee: string, account: string, amount: Decimal | undefined): string | undefined {
  if (!options.index || options.noInferAccount) return undefined
  if (options.predict) return options.predict({ description: payee, source: account, ...(amount !== undefined ? { amount } : {}) })
  return historyAccount(options.index, payee, account)
}

/** The counter accounts rules and formats fall back on, which a prediction may replace. */
const DEFAULT_RULES_ACCOUNTS = new Set(['expenses:unknown', 'income:unknown'])

/** Replace a default counter account of `entry` (its second posting) by the predicted one. */
function predictDefaultCounter(entry: ImportEntry, options: ImportOptions, defaults: ReadonlySet<string>): void {
  if (!options.predict || options.noInferAccount) return
  const [own, counter] = entry.postings
  if (!own || !counter || !defaults.has(counter.account)) return
  const guess = options.predict({ description: entry.payee, source: own.account, ...(own.amount ? { amount: own.amount.quantity } : {}) })
  if (guess !== undefined) counter.account = guess
}

/** A CSV file read with hledger rules (or quick column flags turned into rules). */
function rulesBatch(bytes: Uint8Array, file: string, options: ImportOptions): ImportBatch {
  const quick = options.columns
  const rules = options.rules ?? quickRules(quick as QuickColumns, file)
  const separator = options.separator ?? rules.separator ?? separatorOfFile(file)
  let records = readCsvRecords(bytes, { file, separator, ...(options.encoding !== undefined ? { encoding: options.encoding } : {}) }).slice(rules.skip ?? 0)
  if (quick?.skipFooter) records = records.slice(0, Math.max(0, records.length - quick.skipFooter))
  const entries = applyRules(rules, records, { file, ...(options.idField !== undefined ? { idField: options.idField } : quick?.referenceColumn !== undefined ? { idField: String(quick.referenceColumn) } : {}) })
  const notes: ImportBatch['notes'] = []
  const account = quick?.account ?? options.accounts[0] ?? ''
  for (const e of entries) {
    if (quick && quick.counterAccount === undefined) {
      // the counter account: the journal's history for this payee, else --unknown-account, else by the sign
      const counter = e.postings[1]
      const own = e.postings[0]?.amount?.quantity
      if (counter) counter.account = inferred(options, e.payee, account, own) ?? options.unknownAccount ?? (own?.isNegative() ? 'expenses:unknown' : 'income:unknown')
    } else if (!quick) {
      predictDefaultCounter(e, options, DEFAULT_RULES_ACCOUNTS)
    }
    for (const p of e.postings) {
      if (options.target === 'ledger' && p.assertionOp !== undefined && p.assertionOp !== '=') {
        notes.push({ severity: 'warning', message: `balance-type ${p.assertionOp} has no ledger form: written as = (${p.assertionOp.includes('*') ? 'subaccounts are not included' : 'other commodities are not checked'})`, ...(e.source ? { line: e.source.line } : {}) })
      }
    }
  }
  return { account, entries, assertions: [], prices: [], notes }
}

function daysBefore(date: string, days: number): string {
  const t = Date.parse(`${date}T00:00:00Z`) - days * 86_400_000
  return new Date(t).toISOString().slice(0, 10)
}

/** Import `bytes` (the contents of `file`) against the journal index in `options`. */
export function importFile(bytes: Uint8Array, file: string, options: ImportOptions): ImportResult {
  const { batches, format } = readBatches(bytes, file, options)
  const print: ImportPrintOptions = { target: options.target, ...(options.dateFormat !== undefined ? { dateFormat: options.dateFormat } : {}), ...(options.indent !== undefined ? { indent: options.indent } : {}) }
  const index = options.index
  const seen = new Set<string>()
  const seenPrices = new Set<string>()
  const counts = { read: 0, known: 0, folded: 0, outsideWindow: 0, new: 0 }
  const notes: ImportResult['notes'] = []
  const out: string[] = []
  const kept: ImportEntry[] = []
  for (const batch of batches) {
    notes.push(...batch.notes)
    const newest = batch.entries.reduce((m, e) => (e.date > m ? e.date : m), '')
    const from = options.maxDays !== undefined && newest !== '' ? daysBefore(newest, options.maxDays) : ''
    const entries: ImportEntry[] = []
    if (batch.initial?.id && !(index && isKnown(index, batch.initial.id)) && !(index?.ids.has(`all.autosync_initial`))) entries.push(batch.initial)
    for (const e of batch.entries) {
      counts.read++
      if (e.date < from) {
        counts.outsideWindow++
        continue
      }
      if (e.id) {
        if (index && isKnown(index, e.id)) {
          counts.known++
          continue
        }
        if (seen.has(e.id.value)) {
          counts.folded++
          notes.push({ severity: 'info', message: `${e.id.tag} ${e.id.value} occurs again in the file: imported once`, ...(e.source ? { line: e.source.line } : {}) })
          continue
        }
        seen.add(e.id.value)
      }
      entries.push(e)
      counts.new++
    }
    for (const a of batch.assertions) {
      const key = assertionKey(a)
      if (key !== undefined && index?.assertions.has(key)) continue
      entries.push(a)
    }
    const prices = batch.prices.filter((p) => {
      const key = priceKey(p, print)
      if (index?.prices.has(key) || seenPrices.has(key)) return false
      seenPrices.add(key)
      return true
    })
    kept.push(...entries)
    const text = printEntries(entries, prices, print)
    if (text) out.push(text)
  }
  return { text: out.join(''), entries: kept, counts, notes, format }
}
