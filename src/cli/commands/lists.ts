/**
 * `ptabridge accounts|payees|commodities [QUERY]` and `ptabridge stats`:
 * what a journal holds, one name per line (or JSON).
 */
import type { Argv, CommandModule } from 'yargs'
import type { Book } from '../../api/book.js'
import { checkSelection, loadBook, selectionOf, type ReportArgs } from '../book-input.js'
import type { CommandContext } from '../context.js'
import { outputOption, reportOptions } from './report-options.js'

interface ListArgs extends ReportArgs {
  outputFormat: 'text' | 'json'
}

function listCommand(ctx: CommandContext, name: string, describe: string, list: (book: Book, args: ListArgs) => string[]): CommandModule<object, ListArgs> {
  return {
    command: `${name} [journal] [query..]`,
    describe,
    builder: (y: Argv<object>) => outputOption(reportOptions(y), ['text', 'json']) as unknown as Argv<ListArgs>,
    handler: async (args) => {
      checkSelection(args, ctx)
      const book = await loadBook(args, ctx)
      if (!book) return
      const names = list(book, args)
      ctx.io.stdout.write(args.outputFormat === 'json' ? JSON.stringify(names, null, 2) + '\n' : names.map((n) => n + '\n').join(''))
    },
  }
}

/** The `accounts` command module. */
export function accountsCommand(ctx: CommandContext): CommandModule<object, ListArgs> {
  return listCommand(ctx, 'accounts', 'List account names (used by matching postings, or all, declared ones included)', (book, args) => book.accounts(selectionOf(args)))
}

/** The `payees` command module. */
export function payeesCommand(ctx: CommandContext): CommandModule<object, ListArgs> {
  return listCommand(ctx, 'payees', 'List payees (of matching postings, or all, declared ones included)', (book, args) => book.payees(selectionOf(args)))
}

/** The `commodities` command module. */
export function commoditiesCommand(ctx: CommandContext): CommandModule<object, ListArgs> {
  return listCommand(ctx, 'commodities', 'List commodities used or declared', (book) => book.commodities())
}

/** The `stats` command module. */
export function statsCommand(ctx: CommandContext): CommandModule<object, ListArgs> {
  return {
    command: 'stats [journal] [query..]',
    describe: 'Count transactions, postings, accounts, payees, commodities and prices',
    builder: (y: Argv<object>) => outputOption(reportOptions(y), ['text', 'json']) as unknown as Argv<ListArgs>,
    handler: async (args) => {
      const book = await loadBook(args, ctx)
      if (!book) return
      const stats = book.stats(selectionOf(args))
      if (args.outputFormat === 'json') {
        ctx.io.stdout.write(JSON.stringify({ dialect: book.dialect, files: book.parsed.files.length, ...stats }, null, 2) + '\n')
        return
      }
      const rows: Array<[string, string | number]> = [
        ['Semantics', book.dialect],
        ['Files', book.parsed.files.length],
        ['Date range', stats.firstDate ? `${stats.firstDate} to ${stats.lastDate ?? stats.firstDate}` : '(none)'],
        ['Transactions', stats.transactions],
        ['Postings', stats.postings],
        ['Accounts', stats.accounts],
        ['Payees', stats.payees],
        ['Commodities', stats.commodities],
        ['Market prices', stats.prices],
        ['Warnings', stats.warnings],
      ]
      const width = Math.max(...rows.map(([k]) => k.length))
      ctx.io.stdout.write(rows.map(([k, v]) => `${k.padEnd(width)}  ${v}\n`).join(''))
    },
  }
}
