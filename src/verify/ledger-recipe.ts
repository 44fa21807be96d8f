/**
 * Reading a journal with ledger: `reg --empty` with a tab-separated format
 * that gives every posting's date, transaction, account, bare commodity and
 * full-precision quantity (with `--decimal-comma`, ledger writes it with a
 * comma as the decimal mark).
 *
 * `--empty` keeps postings whose amount displays as zero; `--args-only`
 * ignores ~/.ledgerrc and LEDGER_* variables. Postings ledger *calculated*
 * for an amount-less posting come one per commodity; they are merged back per
 * transaction and account, as hledger keeps them, then counted once per
 * non-zero commodity.
 */
import { Decimal } from 'decimal.js'
import '../decimal-config.js'
import { normaliseAmount } from './normalise.js'
import type { ReadingRecipe, ToolReading } from './reading.js'

/**
 * Starts every register line, so the lines of a posting are told from what
 * the journal itself prints (`eval print(…)` writes to standard output).
 */
const LINE_MARK = 'ptabridge-posting\t'

/** The `--format` that makes ledger print one tab-separated line per posting. */
export const LEDGER_REGISTER_FORMAT =
  LINE_MARK + '%(format_date(xact.date,"%Y-%m-%d"))\t%(xact.filename):%(xact.beg_line)\t%(account)\t%(commodity(amount))\t%(quantity(amount))\t%(virtual)\t%(calculated)\n'

/**
 * A `quantity(amount)` value. ledger never groups digits there; a comma is
 * the decimal mark, which it prints when `--decimal-comma` is in effect
 * (`12,5`). Anything else that is not a number counts as unreadable.
 */
function parseQuantity(text: string): Decimal | undefined {
  const t = text.trim().replace(',', '.')
  if (t === '') return new Decimal(0)
  try {
    const d = new Decimal(t)
    return d.isFinite() ? d : undefined
  } catch {
    return undefined
  }
}

function readRegister(stdout: string, reading: ToolReading): void {
  const calculated = new Map<string, { date: string; transaction: string; account: string; amounts: Map<string, Decimal> }>()
  for (const line of stdout.split('\n')) {
    if (!line.startsWith(LINE_MARK)) continue
    const f = line.slice(LINE_MARK.length).split('\t')
    if (f.length < 7) {
      reading.unparsed++
      continue
    }
    const [date = '', transaction = '', account = '', symbol = '', qty = '', , isCalculated = ''] = f
    const raw = parseQuantity(qty)
    if (raw === undefined) {
      reading.unparsed++
      continue
    }
    const { commodity, quantity } = normaliseAmount(symbol, raw)
    if (isCalculated.trim() === 'true') {
      const key = `${date}\u0000${transaction}\u0000${account}`
      let entry = calculated.get(key)
      if (!entry) calculated.set(key, (entry = { date, transaction, account, amounts: new Map() }))
      entry.amounts.set(commodity, (entry.amounts.get(commodity) ?? new Decimal(0)).plus(quantity))
      continue
    }
    reading.postings.push({ date, transaction, account, commodity, quantity })
  }
  for (const { date, transaction, account, amounts } of calculated.values()) {
    const nonZero = [...amounts].filter(([, q]) => !q.isZero())
    if (nonZero.length === 0) reading.postings.push({ date, transaction, account, commodity: amounts.keys().next().value ?? '', quantity: new Decimal(0) })
    for (const [commodity, quantity] of nonZero) reading.postings.push({ date, transaction, account, commodity, quantity })
  }
}

/** A one-line summary of ledger's error output: `FILE:LINE: Error: …`. */
export function ledgerFirstError(stderr: string, stdout: string): string {
  const lines = stderr.split('\n').map((l) => l.trimEnd()).filter((l) => l.trim() !== '')
  let where = ''
  for (const line of lines) {
    const at = /^While parsing file "(.*)", line (\d+):/.exec(line)
    if (at) where = `${at[1]}:${at[2]}: `
    if (line.startsWith('Error:')) return where + line
  }
  return lines.at(-1) ?? `(exited without a message) ${stdout.slice(0, 80)}`
}

/** How verify runs ledger. */
export const ledgerRecipe: ReadingRecipe = {
  strictArgs: (file) => ['--args-only', '-f', file, 'reg', '--empty', '--format', LEDGER_REGISTER_FORMAT],
  lenientArgs: (file) => ['--args-only', '-f', file, 'reg', '--empty', '--format', LEDGER_REGISTER_FORMAT, '--permissive'],
  failed: (exitCode, stderr) => exitCode !== 0 || stderr.includes('Error'),
  firstError: ledgerFirstError,
  read: readRegister,
}
