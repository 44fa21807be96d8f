/**
 * Venmo's statement export (ledger-autosync's `VenmoConverter`), in `$`.
 *
 * Transaction rows (with an ID): `+ $73.01` / `- $12.01` in "Amount
 * (total)"; money in goes against `income`, money out against `expenses`
 * (or `--unknown-account`); the payee is the other party (Payment: To when
 * outgoing, From when incoming; Charge: the reverse); the Note becomes
 * `desc` transaction metadata; id `venmo.<clean(ID)>`.
 *
 * Statement rows (no ID): the "Ending Balance" row becomes a cleared
 * `--Autosync Balance Assertion` entry dated with the latest transaction
 * date seen so far, without an id (so it is never mistaken for an imported
 * transaction); other statement rows are skipped.
 *
 * The latest date is per-file state: it restarts when a different file, or
 * the same file again from an earlier line, is converted.
 */
import { Decimal } from 'decimal.js'
import '../../../decimal-config.js'
import type { ImportEntry } from '../../model.js'
import type { CsvContext, CsvFormat, CsvRow } from '../format.js'
import { CsvError } from '../read.js'
import { cell, cleanId, csvTransaction, money, parseCsvAmount, parseCsvDate, type CsvDate } from './common.js'

/** The payee of Venmo's balance assertion entries (ledger-autosync's). */
export const VENMO_ASSERTION_PAYEE = '--Autosync Balance Assertion'

/** A Venmo CSV format with its own per-file state (the latest transaction date). */
export function createVenmoFormat(): CsvFormat {
  let state: { file: string; lastLine: number; latest?: CsvDate } | undefined

  const assertion = (row: CsvRow, context: CsvContext, latest: CsvDate): ImportEntry => {
    const balance = parseCsvAmount(cell(row, 'Ending Balance').replaceAll('$', ''), 'Ending Balance', context)
    return {
      kind: 'transaction',
      date: latest.date,
      cleared: true,
      payee: VENMO_ASSERTION_PAYEE,
      metadata: [],
      postings: [{ account: context.account, amount: money(new Decimal(0), '$'), assertion: money(balance, '$'), metadata: [] }],
      instant: latest.instant,
      source: { file: context.file, line: context.line },
    }
  }

  return {
    name: 'venmo',
    fieldset: ['Username', 'ID', 'Datetime', 'Type', 'Status', 'Note', 'From', 'To', 'Amount (total)', 'Amount (fee)',
      'Funding Source', 'Destination', 'Beginning Balance', 'Ending Balance', 'Statement Period Venmo Fees',
      'Year to Date Venmo Fees', 'Disclaimer'],
    convert(row: CsvRow, context: CsvContext) {
      if (state === undefined || state.file !== context.file || context.line <= state.lastLine) state = { file: context.file, lastLine: context.line }
      state.lastLine = context.line
      if (cell(row, 'ID') === '') {
        if (cell(row, 'Ending Balance') === '') return { skip: 'Venmo statement row (no transaction ID)' }
        if (state.latest === undefined) return { skip: 'Venmo ending balance before any transaction: no date for the balance assertion' }
        return assertion(row, context, state.latest)
      }
      const total = cell(row, 'Amount (total)')
      const m = /^([+-]) \$([0-9,.]+)/.exec(total)
      if (!m) throw new CsvError(context.file, context.line, 1, `column "Amount (total)" is not a Venmo amount: ${JSON.stringify(total)}`, 'Venmo amounts are written "+ $12.34" or "- $12.34"')
      const quantity = parseCsvAmount(m[2] as string, 'Amount (total)', context)
      const out = m[1] === '-'
      const payment = cell(row, 'Type') === 'Payment'
      const when = parseCsvDate(cell(row, 'Datetime'), '%Y-%m-%dT%H:%M:%S', 'Datetime', context)
      if (state.latest === undefined || when.instant > state.latest.instant) state.latest = when
      return csvTransaction({
        when,
        payee: cell(row, payment === out ? 'To' : 'From'),
        account: context.account,
        amount: money(out ? quantity.negated() : quantity, '$'),
        counterAccount: context.unknownAccount || (out ? 'expenses' : 'income'),
        id: `venmo.${cleanId(cell(row, 'ID'))}`,
        metadata: [['desc', cell(row, 'Note')]],
        context,
      })
    },
  }
}

/** The built-in Venmo CSV format. */
export const venmoFormat: CsvFormat = createVenmoFormat()
