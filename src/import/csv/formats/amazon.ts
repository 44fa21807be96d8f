/**
 * Amazon's order-items report (ledger-autosync's `AmazonConverter`): Item
 * Total with `$` removed, `USD` → `$`; the imported account gets **+** the
 * total and `Expenses:Misc` the negation (ledger-autosync's sign, kept for
 * parity); payee = Title; id `amazon.<clean(Order ID)>` (items of one order
 * share it) plus the order's invoice `url`.
 */
import type { CsvContext, CsvFormat, CsvRow } from '../format.js'
import { cell, cleanId, csvTransaction, money, parseCsvAmount, parseCsvDate } from './common.js'

const INVOICE_URL = 'https://www.amazon.com/gp/css/summary/print.html/ref=od_aui_print_invoice?ie=UTF8&orderID='

/** The Amazon order-items CSV format. */
export const amazonFormat: CsvFormat = {
  name: 'amazon',
  fieldset: ['Currency', 'Title', 'Order Date', 'Order ID'],
  convert(row: CsvRow, context: CsvContext) {
    const currency = cell(row, 'Currency')
    const orderId = cell(row, 'Order ID')
    return csvTransaction({
      when: parseCsvDate(cell(row, 'Order Date'), '%m/%d/%y', 'Order Date', context),
      payee: cell(row, 'Title'),
      account: context.account,
      amount: money(parseCsvAmount(cell(row, 'Item Total').replaceAll('$', ''), 'Item Total', context), currency === 'USD' ? '$' : currency),
      counterAccount: 'Expenses:Misc',
      id: `amazon.${cleanId(orderId)}`,
      postingMetadata: [['url', `${INVOICE_URL}${orderId}`]],
      context,
    })
  },
}
