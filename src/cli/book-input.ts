/**
 * Loading the journal a report command reads: the chosen input with its
 * includes, resolved under `--semantics`; diagnostics go to standard error,
 * and a journal the tool would reject stops the command (exit 1).
 */
import type { Dialect } from '../ast.js'
import { Book } from '../api/book.js'
import { resolveSelection, SelectionError, type ResolvedSelection, type Selection } from '../api/select.js'
import { hasErrors } from '../diagnostic.js'
import { parseFile } from '../parse/files.js'
import { print } from '../print/index.js'
import type { QuerySyntax } from '../reports/query-filter.js'
import type { CommandContext } from './context.js'
import { readInput, takeJournalArgument, type InputArgs } from './input.js'
import { EXIT, UsageError } from './io.js'
import { renderDiagnostics, useColor } from './report.js'

/** Arguments every report command takes. */
export interface ReportArgs extends InputArgs {
  query?: string[] | undefined
  semantics?: Dialect | undefined
  auto?: boolean | undefined
  begin?: string | undefined
  end?: string | undefined
  period?: string | undefined
  real?: boolean | undefined
  querySyntax?: QuerySyntax | undefined
  today?: string | undefined
}

/** Read, parse and resolve the input; undefined (exit code set) when the journal has errors. */
export async function loadBook(args: ReportArgs, ctx: CommandContext): Promise<Book | undefined> {
  takeJournalArgument(args, ctx.io)
  const input = await readInput(args, ctx.io)
  const parsed = parseFile(input.path ?? input.name, { text: input.text, encoding: input.encoding, ...(args.from ? { dialect: args.from } : {}) })
  const book = new Book(parsed, {
    ...(args.semantics ? { dialect: args.semantics } : {}),
    ...(args.auto !== undefined ? { auto: args.auto } : {}),
    ...(args.today !== undefined ? { today: args.today } : {}),
  })
  const diagnostics = book.diagnostics
  if (diagnostics.length) {
    const sources = new Map<string, string>()
    for (const f of parsed.files) sources.set(f.journal.file ?? f.path, f === parsed.root ? input.text : print(f.journal))
    ctx.io.stderr.write(renderDiagnostics(diagnostics, sources, { color: useColor(ctx.io, 'stderr'), excerpt: true }))
  }
  if (hasErrors(diagnostics)) {
    ctx.exitCode = EXIT.data
    return undefined
  }
  return book
}

/** The selection the report arguments describe. */
export function selectionOf(args: ReportArgs): Selection {
  const s: Selection = {}
  if (args.query?.length) s.query = args.query.map(String)
  if (args.querySyntax) s.querySyntax = args.querySyntax
  if (args.begin !== undefined) s.begin = args.begin
  if (args.end !== undefined) s.end = args.end
  if (args.period !== undefined) s.period = args.period
  if (args.real) s.real = true
  return s
}

/** Check a selection before loading (bad queries and dates are usage errors, exit 2). */
export function checkSelection(args: ReportArgs, ctx: CommandContext, dialect: Dialect = 'hledger'): ResolvedSelection {
  takeJournalArgument(args, ctx.io)
  try {
    const s = resolveSelection(selectionOf(args), args.semantics ?? dialect)
    if (s.unsupported.length) ctx.io.stderr.write(`ptabridge: warning: not evaluated (matches nothing): ${s.unsupported.join(', ')}\n`)
    return s
  } catch (err) {
    if (err instanceof SelectionError) throw new UsageError(err.message)
    throw err
  }
}
