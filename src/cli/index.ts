/**
 * The ptabridge command line: `run(argv, io)` wires the commands into yargs
 * and returns the exit code, so tests call it in-process.
 *
 * Exit codes: 0 success; 1 problems in the data (errors in a journal;
 * verify: DIFFERENT); 2 usage errors (bad flags, missing files, a missing
 * ledger or hledger); 3 verify: a tool rejected a journal.
 */
import { readFileSync } from 'node:fs'
import yargs from 'yargs'
import { SelectionError } from '../api/select.js'
import { balanceCommand } from './commands/balance.js'
import { convertCommand } from './commands/convert.js'
import { lintCommand } from './commands/lint.js'
import { accountsCommand, commoditiesCommand, payeesCommand, statsCommand } from './commands/lists.js'
import { parseCommand } from './commands/parse.js'
import { printCommand } from './commands/print.js'
import { registerCommand } from './commands/register.js'
import { verifyCommand } from './commands/verify.js'
import { importCommand } from './commands/import.js'
import { predictCommand } from './commands/predict.js'
import { syncCommand } from './commands/sync.js'
import type { CommandContext } from './context.js'
import { STDIN_MARKER } from './input.js'
import { EXIT, processIo, UsageError, type Io } from './io.js'

/** The package version, from package.json. */
export function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string }
  return pkg.version
}

/** Run the CLI with `argv` (without `node` and the script) and return the exit code. */
export async function run(argv: readonly string[], io: Io = processIo()): Promise<number> {
  const ctx: CommandContext = { io, exitCode: EXIT.ok }
  const args = argv.map((a) => (a === '-' ? STDIN_MARKER : a))
  const parser = yargs(args)
    .scriptName('ptabridge')
    .usage('$0 <command> [options]\n\nMake Ledger and hledger journals work together.')
    .command(printCommand(ctx))
    .command(parseCommand(ctx))
    .command(convertCommand(ctx))
    .command(lintCommand(ctx))
    .command(verifyCommand(ctx))
    .command(importCommand(ctx))
    .command(predictCommand(ctx))
    .command(syncCommand(ctx))
    .command(balanceCommand(ctx))
    .command(registerCommand(ctx))
    .command(accountsCommand(ctx))
    .command(payeesCommand(ctx))
    .command(commoditiesCommand(ctx))
    .command(statsCommand(ctx))
    .demandCommand(1, 'give a command, for example: ptabridge print FILE')
    .recommendCommands()
    .strict()
    .help()
    .alias('help', 'h')
    .version(packageVersion())
    .alias('version', 'V')
    .epilog('Exit status: 0 ok, 1 problems in the journal (verify: DIFFERENT), 2 usage error or missing tool, 3 verify: a tool rejected a journal.')
    .wrap(Math.min(100, process.stdout.columns ?? 80))
    .exitProcess(false)
    .fail((message, error) => {
      throw error ?? new UsageError(message)
    })
  try {
    let output = ''
    await parser.parseAsync(args, {}, (_err: unknown, _args: unknown, text: string) => {
      output = text
    })
    if (output) io.stdout.write(output.endsWith('\n') ? output : output + '\n')
    return ctx.exitCode
  } catch (err) {
    if (err instanceof UsageError || err instanceof SelectionError || (err instanceof Error && err.name === 'YError')) {
      io.stderr.write(`ptabridge: ${err.message}\nRun 'ptabridge --help' for usage.\n`)
      return EXIT.usage
    }
    const detail = io.env.PTABRIDGE_DEBUG && err instanceof Error ? `\n${err.stack ?? ''}` : ''
    io.stderr.write(`ptabridge: internal error: ${err instanceof Error ? err.message : String(err)}${detail}\nPlease report this with the input that caused it (set PTABRIDGE_DEBUG=1 for details).\n`)
    return EXIT.data
  }
}
