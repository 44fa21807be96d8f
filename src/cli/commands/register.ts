/**
 * `ptabridge reg [QUERY]`: matching postings in date order with a running
 * total, or with `-D/-W/-M/-Q/-Y` one row per account per period.
 */
import type { Argv, CommandModule } from 'yargs'
import type { Interval } from '../../reports/period.js'
import { registerCsv, registerJson, registerText, type OutputFormat } from '../../reports/render.js'
import { checkSelection, loadBook, selectionOf, type ReportArgs } from '../book-input.js'
import type { CommandContext } from '../context.js'
import { UsageError } from '../io.js'
import { outputOption, reportOptions } from './report-options.js'

interface RegisterArgs extends ReportArgs {
  daily?: boolean
  weekly?: boolean
  monthly?: boolean
  quarterly?: boolean
  yearly?: boolean
  depth?: number
  cost?: boolean
  outputFormat: OutputFormat
}

const INTERVALS: ReadonlyArray<[keyof RegisterArgs & Interval, string]> = [
  ['daily', 'D'], ['weekly', 'W'], ['monthly', 'M'], ['quarterly', 'Q'], ['yearly', 'Y'],
]

/** The `register` command module. */
export function registerCommand(ctx: CommandContext): CommandModule<object, RegisterArgs> {
  return {
    command: 'register [journal] [query..]',
    aliases: ['reg'],
    describe: 'Show postings with a running total, or totals per period',
    builder: (y: Argv<object>) => {
      let b = outputOption(reportOptions(y))
        .option('depth', { type: 'number', requiresArg: true, describe: 'Clip account names to this depth' })
        .option('cost', { alias: 'B', type: 'boolean', describe: 'Count postings with a cost at their cost' })
      for (const [name, letter] of INTERVALS) b = b.option(name, { alias: letter, type: 'boolean', describe: `One row per account per ${name.replace(/ly$/, '').replace(/^dai$/, 'day')} period` })
      return b as unknown as Argv<RegisterArgs>
    },
    handler: async (args) => {
      const chosen = INTERVALS.filter(([name]) => args[name]).map(([name]) => name)
      if (chosen.length > 1) throw new UsageError(`choose one interval, not ${chosen.map((c) => `--${c}`).join(' and ')}`)
      checkSelection(args, ctx)
      const book = await loadBook(args, ctx)
      if (!book) return
      const rows = book.register({
        ...selectionOf(args),
        ...(chosen[0] ? { interval: chosen[0] } : {}),
        ...(args.depth !== undefined ? { depth: args.depth } : {}),
        ...(args.cost ? { cost: true } : {}),
      })
      const out = args.outputFormat === 'json' ? JSON.stringify(registerJson(rows), null, 2) + '\n'
        : args.outputFormat === 'csv' ? registerCsv(rows)
          : registerText(rows, book.formatter, { dialect: book.dialect })
      ctx.io.stdout.write(out)
    },
  }
}
