/**
 * Paypal's other CSV export (ledger-autosync's `PaypalAlternateConverter`):
 * Amount with `$` removed, in the Currency column when there is one, else
 * `$`; same skipping and counter accounts as {@link paypalFormat}; payee
 * `{Name}: {Type}`; the id is the md5 of the whole row.
 */
import type { CsvContext, CsvFormat, CsvRow } from '../format.js'
import { cell, csvMd5Id, csvTransaction, formatPayee, money, parseCsvAmount, parseCsvDate } from './common.js'
import { paypalCounterAccount, paypalSkipReason } from './paypal.js'

/** The alternate Paypal CSV format. */
export const paypalAlternateFormat: CsvFormat = {
  name: 'paypal-alternate',
  fieldset: ['Date', 'Name', 'Type', 'Status', 'Amount'],
  convert(row: CsvRow, context: CsvContext) {
    const skip = paypalSkipReason(row)
    if (skip !== undefined) return { skip }
    const currency = Object.hasOwn(row, 'Currency') ? cell(row, 'Currency') : '$'
    return csvTransaction({
      when: parseCsvDate(cell(row, 'Date'), '%m/%d/%Y', 'Date', context),
      payee: formatPayee(context.payeeFormat ?? '{Name}: {Type}', row, context),
      account: context.account,
      amount: money(parseCsvAmount(cell(row, 'Amount').replaceAll('$', ''), 'Amount', context), currency),
      counterAccount: paypalCounterAccount(row),
      id: csvMd5Id(row),
      context,
    })
  },
}
