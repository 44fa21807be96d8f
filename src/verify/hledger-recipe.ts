/**
 * Reading a journal with hledger: `print --auto -O json`, which lists every
 * transaction with its postings and exact quantities (mantissa and decimal
 * places). `--auto` applies automated transactions, as ledger always does;
 * the `journal:` prefix makes hledger read the file as a journal whatever
 * its extension.
 *
 * JSON numbers would become floats, so the mantissas are quoted before
 * parsing and read as decimals.
 */
import { Decimal } from 'decimal.js'
import '../decimal-config.js'
import { normaliseAmount } from './normalise.js'
import type { ReadingRecipe, ToolReading } from './reading.js'

interface JsonQuantity { decimalMantissa: string; decimalPlaces: number }
interface JsonAmount { acommodity: string; aquantity: JsonQuantity }
interface JsonPosting { paccount: string; pamount: JsonAmount[] | null; pbalanceassertion: unknown }
interface JsonTransaction { tindex: number; tdate: string; tpostings: JsonPosting[] | null }

/** hledger's placeholder commodity for a posting without an amount. */
const MISSING = 'AUTO'

const MANTISSA = /"decimalMantissa":\s*(-?[0-9][0-9.eE+-]*)/g

function quantityOf(q: JsonQuantity): Decimal {
  return new Decimal(q.decimalMantissa).times(new Decimal(10).pow(-q.decimalPlaces))
}

function isNull(p: JsonPosting): boolean {
  return p.pbalanceassertion == null && (p.pamount ?? []).every((a) => a.acommodity === MISSING)
}

function readJson(stdout: string, reading: ToolReading): void {
  const transactions = JSON.parse(stdout.replace(MANTISSA, '"decimalMantissa":"$1"')) as JsonTransaction[]
  for (const t of transactions) {
    const postings = t.tpostings ?? []
    // ledger drops a transaction in which no posting has an amount or an assertion
    if (postings.length > 0 && postings.every(isNull)) continue
    const transaction = `t${t.tindex}`
    for (const p of postings) {
      const amounts = (p.pamount ?? []).filter((a) => a.acommodity !== MISSING).map((a) => normaliseAmount(a.acommodity, quantityOf(a.aquantity)))
      const nonZero = amounts.filter((a) => !a.quantity.isZero())
      if (nonZero.length === 0) reading.postings.push({ date: t.tdate, transaction, account: p.paccount, commodity: amounts[0]?.commodity ?? '', quantity: new Decimal(0) })
      for (const a of nonZero) reading.postings.push({ date: t.tdate, transaction, account: p.paccount, commodity: a.commodity, quantity: a.quantity })
    }
  }
}

/**
 * A one-line summary of hledger's error output: the `hledger:` line (where
 * and what) and the message lines after it, without the source excerpt.
 */
export function hledgerFirstError(stderr: string, stdout: string): string {
  const lines = stderr.split('\n').map((l) => l.trimEnd())
  const start = lines.findIndex((l) => /^hledger(?:\.exe)?:/.test(l))
  if (start < 0) return lines.find((l) => l.trim() !== '') ?? `(exited without a message) ${stdout.slice(0, 80)}`
  const parts = [(lines[start] ?? '').replace(/^hledger(?:\.exe)?:\s*/, '').replace(/^Error:\s*/, '')]
  const message: string[] = []
  for (const line of lines.slice(start + 1)) {
    const s = line.trim()
    if (s === '' || /^\d{4}[-/.]\d/.test(s)) break
    if (/^\d*\s*\|/.test(s)) continue
    message.push(s)
  }
  while (message.length > 0 && message.at(-1)?.endsWith(':')) message.pop()
  return [...parts, ...message].filter((p) => p !== '').join(' ')
}

/** How verify runs hledger. */
export const hledgerRecipe: ReadingRecipe = {
  strictArgs: (file) => ['-f', `journal:${file}`, 'print', '--auto', '-O', 'json'],
  lenientArgs: (file) => ['-f', `journal:${file}`, 'print', '--auto', '-O', 'json', '-I'],
  failed: (exitCode) => exitCode !== 0,
  firstError: hledgerFirstError,
  read: readJson,
}
