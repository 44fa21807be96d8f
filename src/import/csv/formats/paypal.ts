/**
 * The Paypal activity export (ledger-autosync's `PaypalConverter`): Gross
 * (Net for bank/debit-card funding), commas removed, in the Currency column
 * as written (`USD` stays `USD`, as ledger-autosync prints it); funding rows
 * go to `Transfer:Paypal`, others to `Expenses:Misc`; rows whose Status is
 * not Completed/Refunded/Reversed, and "Shopping Cart Item" rows, are
 * skipped. The id is `paypal.<clean(Transaction ID)>`.
 */
import type { CsvContext, CsvFormat, CsvRow } from '../format.js'
import { cell, cleanId, csvTransaction, formatPayee, money, parseCsvAmount, parseCsvDate } from './common.js'

/** The Paypal Type values that move money in from a bank or card (booked against `Transfer:Paypal`). */
export const PAYPAL_FUNDING_TYPES: readonly string[] = ['Add Funds from a Bank Account', 'Charge From Debit Card']

/** Why ledger-autosync skips a Paypal row, or undefined when it converts it. */
export function paypalSkipReason(row: CsvRow): string | undefined {
  const status = cell(row, 'Status')
  if (!['Completed', 'Refunded', 'Reversed'].includes(status)) return `Paypal status "${status}" (only Completed, Refunded and Reversed rows are booked)`
  if (cell(row, 'Type') === 'Shopping Cart Item') return 'Paypal "Shopping Cart Item" row (the payment row carries the money)'
  return undefined
}

/** The Paypal counter account for a row's Type. */
export function paypalCounterAccount(row: CsvRow): string {
  return PAYPAL_FUNDING_TYPES.includes(cell(row, 'Type')) ? 'Transfer:Paypal' : 'Expenses:Misc'
}

const DEFAULT_PAYEE = '{Name} {To Email Address} {Item Title} ID: {Transaction ID}, {Type}'

/** The Paypal activity CSV format. */
export const paypalFormat: CsvFormat = {
  name: 'paypal',
  fieldset: ['Currency', 'Date', 'Gross', 'Item Title', 'Name', 'Net', 'Status', 'To Email Address', 'Transaction ID', 'Type'],
  convert(row: CsvRow, context: CsvContext) {
    const skip = paypalSkipReason(row)
    if (skip !== undefined) return { skip }
    const funding = PAYPAL_FUNDING_TYPES.includes(cell(row, 'Type'))
    const column = funding ? 'Net' : 'Gross'
    return csvTransaction({
      when: parseCsvDate(cell(row, 'Date'), '%m/%d/%Y', 'Date', context),
      payee: formatPayee(context.payeeFormat ?? DEFAULT_PAYEE, row, context),
      account: context.account,
      amount: money(parseCsvAmount(cell(row, column), column, context), cell(row, 'Currency')),
      counterAccount: paypalCounterAccount(row),
      id: `paypal.${cleanId(cell(row, 'Transaction ID'))}`,
      context,
    })
  },
}
