/**
 * Simple.com's export (ledger-autosync's `SimpleConverter`), in `$`: a
 * negative Amount is money out (`Expenses:<Category>` gets it), otherwise in
 * (`Income:<Category>`); payee = Description; id `simple.<md5 of the row>`
 * with `raw_description`, `activity_type` and (when set) `memo` metadata.
 */
import type { CsvContext, CsvFormat, CsvRow } from '../format.js'
import { cell, csvMd5Id, csvTransaction, money, parseCsvAmount, parseCsvDate } from './common.js'

/** The Simple.com CSV format. */
export const simpleFormat: CsvFormat = {
  name: 'simple',
  fieldset: ['Date', 'Recorded at', 'Scheduled for', 'Amount', 'Activity', 'Pending', 'Raw description', 'Description',
    'Category folder', 'Category', 'Street address', 'City', 'State', 'Zip', 'Latitude', 'Longitude', 'Memo'],
  convert(row: CsvRow, context: CsvContext) {
    const text = cell(row, 'Amount')
    const amount = parseCsvAmount(text, 'Amount', context).abs()
    const out = text.startsWith('-')
    const metadata: Array<[string, string]> = [['raw_description', cell(row, 'Raw description')], ['activity_type', cell(row, 'Activity')]]
    if (cell(row, 'Memo') !== '') metadata.push(['memo', cell(row, 'Memo')])
    return csvTransaction({
      when: parseCsvDate(cell(row, 'Date'), '%Y/%m/%d', 'Date', context),
      payee: cell(row, 'Description'),
      account: context.account,
      amount: money(out ? amount.negated() : amount, '$'),
      counterAccount: `${out ? 'Expenses' : 'Income'}:${cell(row, 'Category')}`,
      id: `simple.${csvMd5Id(row)}`,
      postingMetadata: metadata,
      context,
    })
  },
}
