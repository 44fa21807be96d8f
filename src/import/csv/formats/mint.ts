/**
 * Mint's transaction export (ledger-autosync's `MintConverter`), in `$`:
 * a debit row gives the imported account **+** Amount and
 * `Expenses:<Category>` the negation; a credit row gives it −Amount and
 * `<Category>` (no prefix) +Amount — ledger-autosync's signs, kept for
 * parity. Payee = Description; id `mint.<md5 of the row>`. Without an
 * account the row's Account Name is used.
 */
import type { CsvContext, CsvFormat, CsvRow } from '../format.js'
import { cell, csvMd5Id, csvTransaction, money, parseCsvAmount, parseCsvDate } from './common.js'

/** The Mint CSV format. */
export const mintFormat: CsvFormat = {
  name: 'mint',
  fieldset: ['Date', 'Amount', 'Description', 'Account Name', 'Category', 'Transaction Type'],
  convert(row: CsvRow, context: CsvContext) {
    const amount = parseCsvAmount(cell(row, 'Amount'), 'Amount', context)
    const credit = cell(row, 'Transaction Type') === 'credit'
    const category = cell(row, 'Category')
    return csvTransaction({
      when: parseCsvDate(cell(row, 'Date'), '%m/%d/%Y', 'Date', context),
      payee: cell(row, 'Description'),
      account: context.account !== '' ? context.account : cell(row, 'Account Name'),
      amount: money(credit ? amount.negated() : amount, '$'),
      counterAccount: credit ? category : `Expenses:${category}`,
      id: `mint.${csvMd5Id(row)}`,
      context,
    })
  },
}
