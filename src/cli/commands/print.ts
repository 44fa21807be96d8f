/**
 * `ptabridge print [FILE]`: print a journal back, byte for byte.
 *
 * The round trip through the syntax tree is lossless, so the output equals the
 * input; if the journal has errors, they are reported with their positions
 * and nothing is printed (exit 1). Warnings go to standard error.
 *
 * With a query, a period or `--explicit`, print works as a report: the
 * journal and its includes are resolved, and the matching transactions are
 * printed, as written or (`--explicit`) with every amount written out.
 */
import type { Argv, CommandModule } from 'yargs'
import type { Dialect, Journal, Transaction } from '../../ast.js'
import { hasErrors } from '../../diagnostic.js'
import { parse } from '../../parse/index.js'
import { encodeJournal } from '../../parse/files.js'
import { printTo } from '../../print/index.js'
import { explicitTransaction } from '../../reports/explicit.js'
import { checkSelection, loadBook, selectionOf, type ReportArgs } from '../book-input.js'
import type { CommandContext } from '../context.js'
import { readInput, takeJournalArgument } from '../input.js'
import { EXIT } from '../io.js'
import { renderDiagnostics, useColor } from '../report.js'
import { reportOptions } from './report-options.js'

interface PrintArgs extends ReportArgs {
  excerpt: boolean
  explicit?: boolean
}

function isReport(args: PrintArgs): boolean {
  return Boolean(args.explicit || args.query?.length || args.begin !== undefined || args.end !== undefined || args.period !== undefined || args.real || args.semantics || args.auto)
}

/** The `print` command module. */
export function printCommand(ctx: CommandContext): CommandModule<object, PrintArgs> {
  return {
    command: 'print [journal] [query..]',
    describe: 'Print a journal back unchanged (a lossless round trip); with a query or --explicit, print matching transactions',
    builder: (y: Argv<object>) => reportOptions(y)
      .option('explicit', { alias: 'x', type: 'boolean', describe: 'Write out every amount, as the semantics resolve it' })
      .option('excerpt', { type: 'boolean', default: true, describe: 'Show the source line under each diagnostic' }) as unknown as Argv<PrintArgs>,
    handler: async (args) => {
      takeJournalArgument(args, ctx.io)
      if (isReport(args)) {
        await printReport(args, ctx)
        return
      }
      const input = await readInput(args, ctx.io)
      const result = parse(input.text, { ...(args.from ? { dialect: args.from } : {}), file: input.name })
      const report = renderDiagnostics(result.diagnostics, new Map([[input.name, input.text]]), {
        color: useColor(ctx.io, 'stderr'), excerpt: args.excerpt,
      })
      if (report) ctx.io.stderr.write(report)
      if (hasErrors(result.diagnostics)) {
        ctx.exitCode = EXIT.data
        return
      }
      printTo(result.journal, (chunk) => ctx.io.stdout.write(encodeJournal(chunk, input.encoding)))
    },
  }
}

async function printReport(args: PrintArgs, ctx: CommandContext): Promise<void> {
  checkSelection(args, ctx)
  const book = await loadBook(args, ctx)
  if (!book) return
  const dialect: Dialect = book.dialect
  const children: Journal['children'] = []
  for (const t of book.transactions(selectionOf(args))) {
    const node: Transaction | undefined = args.explicit ? explicitTransaction(t, dialect) : t.node
    if (!node) continue
    if (children.length) children.push({ type: 'blank', raws: { text: '', eol: '\n' } })
    const eol = node.children.length ? node.children[node.children.length - 1]?.raws.eol : node.raws.eol
    children.push(node)
    if (!eol) children.push({ type: 'blank', raws: { text: '', eol: '\n' } })
  }
  printTo({ type: 'journal', dialect, children, raws: {} }, (chunk) => ctx.io.stdout.write(chunk))
}
