/**
 * `ptabridge parse [FILE] --json`: print the syntax tree as JSON.
 *
 * With `--includes`, every included file is read and printed too, as a list
 * of `{ file, dialect, diagnostics, journal }` objects in reading order.
 * Amounts are printed as decimal strings.
 */
import type { Argv, CommandModule } from 'yargs'
import type { Dialect } from '../../ast.js'
import { hasErrors } from '../../diagnostic.js'
import { parseFile } from '../../parse/files.js'
import { parse } from '../../parse/index.js'
import type { CommandContext } from '../context.js'
import { chooseInput, readInput } from '../input.js'
import { EXIT, resolvePath, UsageError } from '../io.js'
import { inputOptions } from './shared.js'

interface ParseArgs {
  journal?: string
  file?: string | string[]
  from?: Dialect
  json: boolean
  includes: boolean
}

/** The `parse` command module. */
export function parseCommand(ctx: CommandContext): CommandModule<object, ParseArgs> {
  return {
    command: 'parse [journal]',
    describe: 'Print the syntax tree of a journal as JSON',
    builder: (y: Argv<object>) => inputOptions(y)
      .option('json', { type: 'boolean', default: true, describe: 'Output JSON (the only format)' })
      .option('includes', { type: 'boolean', default: false, describe: 'Also read the included files' }) as unknown as Argv<ParseArgs>,
    handler: async (args) => {
      if (!args.json) throw new UsageError('parse only writes JSON; drop --no-json')
      if (args.includes) {
        const chosen = chooseInput(args, ctx.io)
        if (chosen === '-') throw new UsageError('--includes needs a file, not standard input')
        const result = parseFile(resolvePath(chosen, ctx.io), args.from ? { dialect: args.from } : {})
        const files = result.files.map((f) => ({ file: f.path, dialect: f.dialect, diagnostics: f.diagnostics, journal: f.journal }))
        ctx.io.stdout.write(JSON.stringify({ files }, null, 2) + '\n')
        if (!result.ok) ctx.exitCode = EXIT.data
        return
      }
      const input = await readInput(args, ctx.io)
      const result = parse(input.text, { ...(args.from ? { dialect: args.from } : {}), file: input.name })
      ctx.io.stdout.write(JSON.stringify({ file: input.name, dialect: result.journal.dialect, diagnostics: result.diagnostics, journal: result.journal }, null, 2) + '\n')
      if (hasErrors(result.diagnostics)) ctx.exitCode = EXIT.data
    },
  }
}
