/**
 * `ptabridge predict "DESCRIPTION" [--amount X] [-a SOURCE] [-f JOURNAL]`:
 * the likely counter accounts of a new transaction, learned from the
 * journal (includes included), with their scores; `--explain` shows the
 * payee matches, tokens and amount band behind each. Exit 0 with an answer,
 * 1 when the answer is Unknown (below the confidence threshold), 2 usage.
 */
import type { Argv, CommandModule } from 'yargs'
import { Decimal } from 'decimal.js'
import '../../decimal-config.js'
import { parseFile } from '../../parse/files.js'
import { DEFAULT_THRESHOLD, modelFromJournal } from '../../predict/index.js'
import type { CommandContext } from '../context.js'
import { chooseInput } from '../input.js'
import { EXIT, resolvePath, UsageError } from '../io.js'

interface PredictArgs {
  description: string
  amount?: string
  account?: string
  file?: string
  top: number
  explain?: boolean
  json?: boolean
  confidence?: number
}

/** The `predict` command module. */
export function predictCommand(ctx: CommandContext): CommandModule<object, PredictArgs> {
  return {
    command: 'predict <description>',
    describe: "Predict a transaction's counter account from the journal's history",
    builder: (y: Argv<object>) => y
      .positional('description', { type: 'string', describe: 'The bank description (payee) of the transaction' })
      .option('amount', { type: 'string', requiresArg: true, describe: 'The amount on the bank side (negative for money out)' })
      .option('account', { alias: 'a', type: 'string', requiresArg: true, describe: 'The bank account (source) it was imported from' })
      .option('file', { alias: 'f', type: 'string', requiresArg: true, describe: 'The journal (default $LEDGER_FILE)' })
      .option('top', { type: 'number', default: 5, describe: 'How many candidates to show' })
      .option('explain', { type: 'boolean', describe: 'Show the evidence behind each candidate' })
      .option('json', { type: 'boolean', describe: 'Print the prediction as JSON' })
      .option('confidence', { type: 'number', requiresArg: true, describe: `Minimum confidence to answer, 0-1 (default ${DEFAULT_THRESHOLD})` })
      .epilog('Exit status: 0 a prediction, 1 Unknown (not confident enough), 2 usage error.') as unknown as Argv<PredictArgs>,
    handler: (args) => {
      const journal = chooseInput({ file: args.file }, ctx.io)
      if (journal === '-') throw new UsageError('predict reads the journal from a file (-f FILE or LEDGER_FILE)')
      let amount: Decimal | undefined
      if (args.amount !== undefined) {
        try {
          amount = new Decimal(args.amount.replace(/[^\d.,-]/g, '').replace(',', '.'))
        } catch {
          throw new UsageError(`--amount ${args.amount}: not a number`)
        }
      }
      if (args.confidence !== undefined && !(args.confidence >= 0 && args.confidence <= 1)) throw new UsageError('--confidence takes a number from 0 to 1')
      const parsed = parseFile(resolvePath(journal, ctx.io))
      const model = modelFromJournal(parsed, args.confidence !== undefined ? { threshold: args.confidence } : {})
      const p = model.predict({ description: String(args.description), ...(args.account !== undefined ? { source: args.account } : {}), ...(amount !== undefined ? { amount } : {}) })
      const shown = p.candidates.slice(0, Math.max(1, args.top))
      if (args.json) {
        ctx.io.stdout.write(JSON.stringify({ description: args.description, answer: p.account ?? null, learnedFrom: model.size, candidates: shown }, null, 2) + '\n')
      } else {
        ctx.io.stdout.write(`${p.account ?? 'Unknown'}${p.account ? '' : ' (no candidate is confident enough)'}\n`)
        for (const c of shown) {
          ctx.io.stdout.write(`  ${c.score.toFixed(3)}  ${c.account}\n`)
          if (args.explain) for (const e of c.evidence) ctx.io.stdout.write(`         ${e}\n`)
        }
      }
      if (p.account === undefined) ctx.exitCode = EXIT.data
    },
  }
}
