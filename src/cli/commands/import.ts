/**
 * `ptabridge import FILE.ofx|FILE.csv`: print the transactions of a bank
 * file that are not yet in the journal, for ledger or hledger, ready to
 * append (ledger-autosync's job, with its options and its ids).
 *
 * The journal comes from `-f`/`-l`, else `LEDGER_FILE`; `-L` imports without
 * one (nothing deduplicated). `--append` adds the result to the journal
 * (locked, backed up, atomic); `--dry-run` shows what would be added.
 * Exit status: 0 done (also when nothing was new), 1 the bank file is broken,
 * 2 usage errors.
 */
import { existsSync, statSync } from 'node:fs'
import type { Argv, CommandModule } from 'yargs'
import type { Dialect } from '../../ast.js'
import { dialectOfExtension } from '../../dialect/index.js'
import { appendToJournal, JournalLockedError } from '../../import/append.js'
import { CsvError } from '../../import/csv/read.js'
import { loadPlugins } from '../../import/csv/plugins.js'
import { BUILTIN_FORMATS } from '../../import/csv/registry.js'
import { importFile, ImportUsageError, type ImportOptions } from '../../import/import.js'
import { indexJournalFile, type JournalIndex } from '../../import/journal-index.js'
import { OfxConvertError } from '../../import/ofx/convert.js'
import { OfxError } from '../../import/ofx/read.js'
import { CsvRecordError } from '../../import/rules/apply.js'
import { parseRulesFile, RulesError } from '../../import/rules/parse.js'
import type { CommandContext } from '../context.js'
import { EXIT, readInputBytes, resolvePath, UsageError } from '../io.js'
import { Progress } from '../progress.js'
import { modelFromJournal } from '../../predict/index.js'

interface ImportArgs {
  file: string
  account?: string | string[]
  journal?: string
  noJournal?: boolean
  target?: Dialect
  unknownAccount?: string
  assertions?: boolean
  initial?: boolean
  fid?: string
  hardcodeAccount?: string
  shortenAccount?: boolean
  payeeFormat?: string
  reverse?: boolean
  dateFormat?: string
  indent: number
  max?: number
  resync?: boolean
  inferAccount: boolean
  append?: boolean
  dryRun?: boolean
  format?: 'ofx' | 'csv'
  encoding?: 'utf-8' | 'latin1' | 'windows-1252'
  separator?: string
  quiet?: boolean
  rules?: string
  idField?: string
  dateColumn?: number
  amountColumn?: number
  description?: string
  descriptionColumn?: number
  referenceColumn?: number
  csvDateFormat?: string
  decimalMark?: '.' | ','
  currency?: string
  skipHeader?: number
  skipFooter?: number
  predict: boolean
  confidence?: number
}

/** Input files at least this large get a progress bar (on a terminal). */
const LARGE = 1 << 20

/** The `import` command module. */
export function importCommand(ctx: CommandContext): CommandModule<object, ImportArgs> {
  return {
    command: 'import <file>',
    describe: 'Print the transactions of an OFX or CSV bank file that the journal does not have yet',
    builder: (y: Argv<object>) => y
      .positional('file', { type: 'string', describe: "The bank file (.ofx/.qfx, .csv; '-' for standard input with --format)" })
      .option('account', { alias: 'a', type: 'string', requiresArg: true, describe: 'Journal account of the imported account; ACCTID=ACCOUNT for one statement of a multi-account OFX file' })
      .option('journal', { alias: ['f', 'l', 'ledger'], type: 'string', requiresArg: true, describe: 'Journal to deduplicate against and learn counter accounts from (default $LEDGER_FILE)' })
      .option('no-journal', { alias: 'L', type: 'boolean', describe: 'Use no journal: print every transaction' })
      .option('target', { alias: 't', type: 'string', choices: ['ledger', 'hledger'], describe: "Dialect to write (default: the journal's, else ledger)" })
      .option('unknown-account', { type: 'string', requiresArg: true, describe: 'Counter account when the journal suggests none (default Expenses:Misc; Assets:Unknown for trades)' })
      .option('assertions', { type: 'boolean', describe: "Add a balance assertion with the statement's balance" })
      .option('initial', { type: 'boolean', describe: 'Add an opening balance entry (once per account)' })
      .option('fid', { type: 'string', requiresArg: true, describe: "Institution id for the ofxid when the file has none (replaces the file's)" })
      .option('hardcode-account', { type: 'string', requiresArg: true, describe: 'Store this instead of the account number in ids' })
      .option('shorten-account', { type: 'boolean', describe: 'Store only the last 4 characters of the account number in ids' })
      .option('payee-format', { type: 'string', requiresArg: true, describe: 'Payee template: {payee} {memo} {txntype} {account} {tferaction} (OFX), {Column} (CSV)' })
      .option('reverse', { type: 'boolean', describe: 'CSV: rows in reverse file order' })
      .option('date-format', { alias: 'y', type: 'string', requiresArg: true, describe: 'strftime format of dates (default %Y/%m/%d)' })
      .option('indent', { alias: 'i', type: 'number', default: 4, describe: 'Spaces before postings' })
      .option('max', { alias: 'm', type: 'number', requiresArg: true, describe: 'Import only the last DAYS days of the file' })
      .option('resync', { alias: 'r', type: 'boolean', describe: 'Import the whole file (cancels --max)' })
      .option('infer-account', { type: 'boolean', default: true, describe: "Take counter accounts from the journal's history (--no-infer-account: never)" })
      .option('append', { type: 'boolean', describe: 'Append the new transactions to the journal (locked, backed up, atomic)' })
      .option('dry-run', { alias: 'n', type: 'boolean', describe: 'With --append: show what would be appended, change nothing' })
      .option('format', { type: 'string', choices: ['ofx', 'csv'], describe: 'Input format (default: from the extension)' })
      .option('encoding', { type: 'string', choices: ['utf-8', 'latin1', 'windows-1252'], describe: 'CSV: the encoding (default UTF-8, else windows-1252)' })
      .option('separator', { type: 'string', requiresArg: true, describe: 'CSV: the field separator (default: sniffed)' })
      .option('quiet', { alias: 'q', type: 'boolean', describe: 'No summary on standard error' })
      .option('predict', { type: 'boolean', default: true, describe: "Predict counter accounts from the journal's history (--no-predict: ledger-autosync's exact-payee rule)" })
      .option('confidence', { type: 'number', requiresArg: true, describe: 'Minimum confidence of a prediction, 0-1 (default 0.72; below it: --unknown-account)' })
      .option('rules', { type: 'string', requiresArg: true, describe: 'CSV: an hledger CSV rules file (default FILE.csv.rules next to the file, when it exists)' })
      .option('id-field', { type: 'string', requiresArg: true, describe: "CSV with rules: the field (number or name) with the bank's reference, for ids" })
      .option('date-column', { type: 'number', requiresArg: true, describe: 'CSV quick mode: the date column (1-based)' })
      .option('amount-column', { type: 'number', requiresArg: true, describe: 'CSV quick mode: the amount column' })
      .option('description', { type: 'string', requiresArg: true, describe: "CSV quick mode: description template, e.g. '%3 %4'" })
      .option('description-column', { type: 'number', requiresArg: true, describe: 'CSV quick mode: the description column' })
      .option('reference-column', { type: 'number', requiresArg: true, describe: "CSV quick mode: the bank's reference column (code and id)" })
      .option('csv-date-format', { type: 'string', requiresArg: true, describe: 'CSV quick mode: strptime format of the dates (default YYYY-MM-DD)' })
      .option('decimal-mark', { type: 'string', choices: ['.', ','], describe: 'CSV quick mode: the decimal mark of the amounts' })
      .option('currency', { type: 'string', requiresArg: true, describe: 'CSV quick mode: the currency of the amounts' })
      .option('skip-header', { type: 'number', requiresArg: true, describe: 'CSV quick mode: lines before the data' })
      .option('skip-footer', { type: 'number', requiresArg: true, describe: 'CSV quick mode: lines after the data' })
      .conflicts('no-journal', 'journal')
      .epilog('Exit status: 0 done (also when nothing is new), 1 the bank file cannot be read, 2 usage errors.') as unknown as Argv<ImportArgs>,
    handler: async (args) => {
      const journalPath = args.noJournal ? undefined : (args.journal ?? ctx.io.env.LEDGER_FILE)
      if (args.append && journalPath === undefined) throw new UsageError('--append needs a journal: -f JOURNAL or LEDGER_FILE')
      if (args.indent < 0 || !Number.isInteger(args.indent)) throw new UsageError('--indent takes a whole number of spaces')
      const bytes = await readInputBytes(args.file === '\u0000stdin' ? '-' : args.file, ctx.io)
      const fileName = args.file === '\u0000stdin' ? '<stdin>' : args.file
      let journalSize = 0
      if (journalPath !== undefined) {
        try {
          journalSize = statSync(resolvePath(journalPath, ctx.io)).size
        } catch {
          throw new UsageError(`${journalPath}: no such journal (give -L to import without one)`)
        }
      }
      const progress = new Progress(ctx.io, 'importing', 3)
      const large = bytes.length + journalSize >= LARGE
      if (large) progress.update(0)
      let index: JournalIndex | undefined
      let predict: ImportOptions['predict']
      if (journalPath !== undefined) {
        const read = indexJournalFile(resolvePath(journalPath, ctx.io))
        index = read.index
        if (args.predict && args.inferAccount) {
          if (args.confidence !== undefined && !(args.confidence >= 0 && args.confidence <= 1)) throw new UsageError('--confidence takes a number from 0 to 1')
          const model = modelFromJournal(read.parsed, args.confidence !== undefined ? { threshold: args.confidence } : {})
          predict = (query) => model.predict(query).account
        }
      } else if (!args.noJournal) {
        ctx.io.stderr.write('ptabridge: no journal (-f FILE or LEDGER_FILE): nothing is deduplicated, every transaction is printed\n')
      }
      if (large) progress.update(1)
      const plugins = await loadPlugins(ctx.io.env)
      for (const e of plugins.errors) ctx.io.stderr.write(`ptabridge: plugin: ${e}\n`)
      const target: Dialect = args.target ?? (journalPath !== undefined ? dialectOfExtension(journalPath) : undefined) ?? 'ledger'
      const options: ImportOptions = {
        target,
        accounts: args.account === undefined ? [] : Array.isArray(args.account) ? args.account : [args.account],
        ...(index !== undefined ? { index } : {}),
        ...(predict !== undefined ? { predict } : {}),
        ...(args.fid !== undefined ? { fid: String(args.fid) } : {}),
        ...(args.hardcodeAccount !== undefined ? { hardcodeAccount: args.hardcodeAccount } : {}),
        ...(args.shortenAccount ? { shortenAccount: true } : {}),
        ...(args.unknownAccount !== undefined ? { unknownAccount: args.unknownAccount } : {}),
        ...(args.payeeFormat !== undefined ? { payeeFormat: args.payeeFormat } : {}),
        ...(args.assertions ? { assertions: true } : {}),
        ...(args.initial ? { initial: true } : {}),
        ...(args.reverse ? { reverse: true } : {}),
        ...(args.dateFormat !== undefined ? { dateFormat: args.dateFormat } : {}),
        indent: args.indent,
        ...(args.max !== undefined && !args.resync ? { maxDays: args.max } : {}),
        ...(!args.inferAccount ? { noInferAccount: true } : {}),
        formats: [...BUILTIN_FORMATS, ...plugins.formats],
        ...(args.format !== undefined ? { format: args.format } : {}),
        ...(args.encoding !== undefined ? { encoding: args.encoding } : {}),
        ...(args.separator !== undefined ? { separator: args.separator } : {}),
      }
      let result
      try {
        Object.assign(options, csvModeOptions(args, fileName, ctx))
        result = importFile(bytes, fileName, options)
      } catch (err) {
        progress.done()
        if (err instanceof ImportUsageError) throw new UsageError(err.message)
        if (err instanceof OfxError || err instanceof CsvError || err instanceof RulesError) {
          ctx.io.stderr.write(`${err.file}:${err.line}:${err.column}: error: ${err.message}\n${err.hint ? `  hint: ${err.hint}\n` : ''}`)
          ctx.exitCode = EXIT.data
          return
        }
        if (err instanceof CsvRecordError) {
          ctx.io.stderr.write(`${err.file}:${err.line}:1: error: ${err.message}\n${err.hint ? `  hint: ${err.hint}\n` : ''}`)
          ctx.exitCode = EXIT.data
          return
        }
        if (err instanceof OfxConvertError) {
          ctx.io.stderr.write(`${fileName}:${err.line}:1: error: ${err.message}\n`)
          ctx.exitCode = EXIT.data
          return
        }
        throw err
      }
      if (large) progress.update(3)
      progress.done()
      if (!args.quiet) {
        for (const n of result.notes) if (n.severity !== 'info') ctx.io.stderr.write(`${fileName}:${n.line ?? 1}:1: ${n.severity}: ${n.message}\n`)
        const c = result.counts
        ctx.io.stderr.write(`ptabridge: ${fileName} (${result.format}): ${c.read} read, ${c.new} new, ${c.known} already in the journal${c.folded ? `, ${c.folded} repeated in the file` : ''}${c.outsideWindow ? `, ${c.outsideWindow} outside --max` : ''}\n`)
      }
      if (args.append && !args.dryRun) {
        const path = resolvePath(journalPath as string, ctx.io)
        if (result.text === '') return
        try {
          const { backup } = appendToJournal(path, result.text)
          if (!args.quiet) ctx.io.stderr.write(`ptabridge: appended ${result.counts.new} transactions to ${journalPath} (previous version: ${backup})\n`)
        } catch (err) {
          if (err instanceof JournalLockedError) throw new UsageError(err.message)
          throw err
        }
        return
      }
      ctx.io.stdout.write(result.text)
    },
  }
}

/**
 * How a CSV file is read: with `--rules`, with FILE.csv.rules when it sits
 * next to the file, with quick column flags, else (empty) by the built-in
 * formats chosen from the header.
 */
function csvModeOptions(args: ImportArgs, fileName: string, ctx: CommandContext): Pick<ImportOptions, 'rules' | 'columns' | 'idField'> {
  const out: Pick<ImportOptions, 'rules' | 'columns' | 'idField'> = {}
  if (args.idField !== undefined) out.idField = args.idField
  const quick = args.dateColumn !== undefined || args.amountColumn !== undefined
  const beside = fileName !== '<stdin>' ? `${resolvePath(fileName, ctx.io)}.rules` : undefined
  const rulesPath = args.rules !== undefined ? resolvePath(args.rules, ctx.io) : !quick && beside !== undefined && existsSync(beside) ? beside : undefined
  if (rulesPath !== undefined) {
    if (quick) throw new UsageError('give either --rules or the quick column flags, not both')
    if (!existsSync(rulesPath)) throw new UsageError(`${args.rules ?? rulesPath}: no such rules file`)
    out.rules = parseRulesFile(rulesPath)
    return out
  }
  if (!quick) return out
  if (args.dateColumn === undefined || args.amountColumn === undefined) throw new UsageError('quick mode needs both --date-column and --amount-column')
  const account = (Array.isArray(args.account) ? args.account[0] : args.account)
  if (account === undefined) throw new UsageError('quick mode needs the account: -a ACCOUNT')
  for (const [name, n] of [['--date-column', args.dateColumn], ['--amount-column', args.amountColumn], ['--description-column', args.descriptionColumn], ['--reference-column', args.referenceColumn]] as const) {
    if (n !== undefined && (!Number.isInteger(n) || n < 1)) throw new UsageError(`${name} takes a column number from 1`)
  }
  out.columns = {
    account,
    dateColumn: args.dateColumn,
    amountColumn: args.amountColumn,
    ...(args.description !== undefined ? { description: args.description } : {}),
    ...(args.descriptionColumn !== undefined ? { descriptionColumn: args.descriptionColumn } : {}),
    ...(args.referenceColumn !== undefined ? { referenceColumn: args.referenceColumn } : {}),
    ...(args.csvDateFormat !== undefined ? { dateFormat: args.csvDateFormat } : {}),
    ...(args.decimalMark !== undefined ? { decimalMark: args.decimalMark } : {}),
    ...(args.currency !== undefined ? { currency: args.currency } : {}),
    ...(args.skipHeader !== undefined ? { skipHeader: args.skipHeader } : {}),
    ...(args.skipFooter !== undefined ? { skipFooter: args.skipFooter } : {}),
  }
  return out
}
