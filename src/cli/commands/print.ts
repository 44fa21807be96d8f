/**
 * `ptabridge print [FILE]`: print a journal back, byte for byte.
 *
 * The round trip through the syntax tree is lossless, so the output equals the
 * input; if the journal has errors, they are reported with their positions
 * and nothing is printed (exit 1). Warnings go to standard error.
 */
import type { Argv, CommandModule } from 'yargs'
import type { Dialect } from '../../ast.js'
import { hasErrors } from '../../diagnostic.js'
import { parse } from '../../parse/index.js'
import { encodeJournal } from '../../parse/files.js'
import { printTo } from '../../print/index.js'
import type { CommandContext } from '../context.js'
import { readInput } from '../input.js'
import { EXIT } from '../io.js'
import { renderDiagnostics, useColor } from '../report.js'
import { inputOptions } from './shared.js'

interface PrintArgs {
  journal?: string
  file?: string | string[]
  from?: Dialect
  excerpt: boolean
}

/** The `print` command module. */
export function printCommand(ctx: CommandContext): CommandModule<object, PrintArgs> {
  return {
    command: 'print [journal]',
    describe: 'Print a journal back unchanged (a lossless round trip), or report where it cannot be read',
    builder: (y: Argv<object>) => inputOptions(y)
      .option('excerpt', { type: 'boolean', default: true, describe: 'Show the source line under each diagnostic' }) as unknown as Argv<PrintArgs>,
    handler: async (args) => {
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
