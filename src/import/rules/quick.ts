/**
 * Quick column flags for a one-off CSV file (banks2ledger's way): which
 * column holds the date, the amount, the description (or a `%3 %4`
 * template) and the bank's reference, the date format, header and footer
 * rows to skip, the account and currency. They become an ordinary rules set,
 * so the same reader, printer and dedup apply.
 */
import type { Assignment, CsvRules } from './parse.js'

/** The quick column options (columns are 1-based, like `%N` in rules files). */
export interface QuickColumns {
  dateColumn: number
  amountColumn: number
  /** A template such as `%3 %4`; default the description column, else empty. */
  description?: string
  descriptionColumn?: number
  referenceColumn?: number
  /** strptime pattern of the dates (default YYYY-MM-DD and the other hledger forms). */
  dateFormat?: string
  decimalMark?: '.' | ','
  currency?: string
  skipHeader?: number
  /** The journal account of the imported account. */
  account: string
  /** Counter account (default: chosen by the importer). */
  counterAccount?: string
}

/** The rules equivalent to quick column flags (the footer is dropped by the caller). */
export function quickRules(q: QuickColumns, file: string): CsvRules {
  const where = { file, line: 0 }
  const assign = (field: string, value: string): Assignment => ({ kind: 'assign', field, value, position: where })
  const statements: Assignment[] = [
    assign('date', `%${q.dateColumn}`),
    assign('amount1', `%${q.amountColumn}`),
    assign('account1', q.account),
    assign('account2', q.counterAccount ?? 'expenses:unknown'),
  ]
  const description = q.description ?? (q.descriptionColumn !== undefined ? `%${q.descriptionColumn}` : undefined)
  if (description !== undefined) statements.push(assign('description', description))
  if (q.referenceColumn !== undefined) statements.push(assign('code', `%${q.referenceColumn}`))
  if (q.currency !== undefined) statements.push(assign('currency', q.currency))
  return {
    file,
    ...(q.skipHeader !== undefined ? { skip: q.skipHeader } : {}),
    ...(q.dateFormat !== undefined ? { dateFormat: q.dateFormat } : {}),
    ...(q.decimalMark !== undefined ? { decimalMark: q.decimalMark } : {}),
    newestFirst: false,
    intraDayReversed: false,
    balanceType: '=',
    statements,
  }
}
