/**
 * Options shared by the report commands (bal, reg, accounts, payees,
 * commodities, stats, print --explicit): semantics, query, period, output.
 */
import type { Argv } from 'yargs'
import { inputOptions } from './shared.js'

/** Add the QUERY words and the selection and semantics options. */
export function reportOptions<T>(y: Argv<T>): Argv<T> {
  return inputOptions(y)
    .positional('query', { type: 'string', array: true, describe: 'Query terms: account patterns, acct: desc: payee: note: tag: date: amt: cur: status: real: depth: not:' })
    .option('semantics', { type: 'string', choices: ['ledger', 'hledger'], describe: "Compute as this tool does (default: the journal's dialect)" })
    .option('query-syntax', { type: 'string', choices: ['hledger', 'ledger'], default: 'hledger', describe: "Read QUERY as hledger terms, or as ledger's expression (and/or/not, @payee, %tag)" })
    .option('begin', { alias: 'b', type: 'string', requiresArg: true, describe: 'Include postings on or after this date' })
    .option('end', { alias: 'e', type: 'string', requiresArg: true, describe: 'Include postings before this date' })
    .option('period', { alias: 'p', type: 'string', requiresArg: true, describe: "A period: 2024, 2024q1, 2024-03, 'from 2024-01 to 2024-04', 'monthly in 2024'" })
    .option('real', { alias: 'R', type: 'boolean', describe: 'Real postings only' })
    .option('auto', { type: 'boolean', describe: 'hledger semantics: apply automated transactions (ledger always does)' })
    .option('today', { type: 'string', requiresArg: true, describe: 'Today, YYYY-MM-DD (for dates written without a year)', hidden: true }) as Argv<T>
}

/** Add `-O/--output-format`. */
export function outputOption<T>(y: Argv<T>, formats: readonly string[] = ['text', 'csv', 'json']): Argv<T> {
  return y.option('output-format', { alias: 'O', type: 'string', choices: formats, default: 'text', describe: 'Output format' }) as Argv<T>
}
