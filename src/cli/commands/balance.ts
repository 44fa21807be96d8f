/**
 * `ptabridge bal [QUERY]`: each account's balance, as ledger or hledger
 * computes it. A tree by default under ledger semantics, flat under hledger's,
 * as the tools show it; `--flat`/`--tree` choose.
 */
import type { Argv, CommandModule } from 'yargs'
import { balanceCsv, balanceJson, balanceText, type OutputFormat } from '../../reports/render.js'
import { checkSelection, loadBook, selectionOf, type ReportArgs } from '../book-input.js'
import type { CommandContext } from '../context.js'
import { outputOption, reportOptions } from './report-options.js'

interface BalanceArgs extends ReportArgs {
  flat?: boolean
  tree?: boolean
  depth?: number
  empty?: boolean
  cost?: boolean
  total: boolean
  outputFormat: OutputFormat
}

/** The `balance` command module. */
export function balanceCommand(ctx: CommandContext): CommandModule<object, BalanceArgs> {
  return {
    command: 'balance [journal] [query..]',
    aliases: ['bal'],
    describe: 'Show account balances (flat or as a tree), as ledger or hledger computes them',
    builder: (y: Argv<object>) => outputOption(reportOptions(y))
      .option('flat', { alias: 'l', type: 'boolean', describe: 'One line per account, full names' })
      .option('tree', { alias: 't', type: 'boolean', describe: 'Accounts as a tree, parents including subaccounts' })
      .option('depth', { type: 'number', requiresArg: true, describe: 'Show accounts to this depth, summing deeper ones into them' })
      .option('empty', { alias: 'E', type: 'boolean', describe: 'Show accounts with a zero balance too' })
      .option('cost', { alias: 'B', type: 'boolean', describe: 'Count postings with a cost at their cost' })
      .option('total', { type: 'boolean', default: true, describe: 'Show the total line (--no-total hides it)' })
      .conflicts('flat', 'tree') as unknown as Argv<BalanceArgs>,
    handler: async (args) => {
      checkSelection(args, ctx)
      const book = await loadBook(args, ctx)
      if (!book) return
      const tree = args.tree ?? (args.flat === undefined ? book.dialect === 'ledger' : !args.flat)
      const report = book.balance({
        ...selectionOf(args), tree,
        ...(args.depth !== undefined ? { depth: args.depth } : {}),
        ...(args.empty ? { empty: true } : {}),
        ...(args.cost ? { cost: true } : {}),
      })
      const out = args.outputFormat === 'json' ? JSON.stringify(balanceJson(report), null, 2) + '\n'
        : args.outputFormat === 'csv' ? balanceCsv(report)
          : balanceText(report, book.formatter, { total: args.total, dialect: book.dialect })
      ctx.io.stdout.write(out)
    },
  }
}
