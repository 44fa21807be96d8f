/**
 * `ptabridge verify ORIGINAL CONVERTED`: prove a conversion with the real
 * tools. ORIGINAL is read by the tool of its dialect, CONVERTED by the tool of
 * its own; both runs happen at once. Prints which tool and version read what,
 * a verdict line, and the differences (a table of totals, dates whose counts
 * differ, assertion outcomes; `--deep` adds register lines, `--diff` a
 * unified diff of the two normalised `bal` reports); `--json` prints one JSON
 * object instead.
 *
 * Exit status: 0 EQUIVALENT, 1 DIFFERENT, 2 usage error or a tool missing,
 * 3 a tool rejected one of the journals.
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs'
import type { Argv, CommandModule } from 'yargs'
import type { Dialect } from '../../ast.js'
import { detectDialect, type DialectChoice } from '../../dialect/index.js'
import { renderBalanceDiff, renderVerifyText, verifyJson } from '../../verify/report.js'
import { ToolMissingError } from '../../verify/tools.js'
import { verifyConversion, type VerifyResult } from '../../verify/verify.js'
import type { CommandContext } from '../context.js'
import { STDIN_MARKER } from '../input.js'
import { EXIT, resolvePath, UsageError, type Io } from '../io.js'

/** Exit status when a tool is missing (the same as a usage error). */
export const EXIT_TOOL_MISSING = EXIT.usage

/** Options shared by `verify` and `convert --verify`. */
export interface ToolArgs {
  ledgerBin?: string
  hledgerBin?: string
  timeout: number
  deep?: boolean
  diff?: boolean
}

interface VerifyArgs extends ToolArgs {
  original: string
  converted: string
  from?: Dialect
  to?: Dialect
  json?: boolean
}

/** Add the options that say how to run the real tools. */
export function toolOptions<T>(y: Argv<T>): Argv<T> {
  return y
    .option('ledger-bin', { type: 'string', requiresArg: true, describe: 'The ledger binary (path, or name on PATH; default ledger)' })
    .option('hledger-bin', { type: 'string', requiresArg: true, describe: 'The hledger binary (default hledger)' })
    .option('timeout', { type: 'number', default: 600, describe: 'Seconds allowed per tool run' })
    .option('deep', { type: 'boolean', describe: "Also compare each account's postings date by date" })
    .option('diff', { type: 'boolean', describe: 'Show a unified diff of the two normalised balance reports' }) as Argv<T>
}

const SNIFF_BYTES = 1 << 20

/** The dialect of a journal file: its extension, else what its first megabyte looks like. */
function sniffDialect(path: string): DialectChoice {
  const buffer = Buffer.alloc(SNIFF_BYTES)
  const fd = openSync(path, 'r')
  try {
    const n = readSync(fd, buffer, 0, SNIFF_BYTES, 0)
    return detectDialect(buffer.subarray(0, n).toString('utf8'), path)
  } finally {
    closeSync(fd)
  }
}

function journalPath(given: string, io: Io): string {
  if (given === STDIN_MARKER || given === '-') throw new UsageError('verify reads files, not standard input: the tools resolve includes relative to each file')
  return resolvePath(given, io)
}

/**
 * Run the verification and print its report to `stream`. Returns the exit
 * status; a missing tool is reported with its install hint and gives 2.
 */
export async function runVerification(
  ctx: CommandContext, stream: Io['stdout'], files: { original: string; converted: string; shownOriginal: string; shownConverted: string },
  dialects: { from: Dialect; to: Dialect }, args: ToolArgs & { json?: boolean },
): Promise<number> {
  let result: VerifyResult
  try {
    result = await verifyConversion(files.original, files.converted, {
      from: dialects.from,
      to: dialects.to,
      ...(args.ledgerBin !== undefined ? { ledgerBin: args.ledgerBin } : {}),
      ...(args.hledgerBin !== undefined ? { hledgerBin: args.hledgerBin } : {}),
      deep: args.deep ?? false,
      timeout: args.timeout,
      env: ctx.io.env,
      cwd: ctx.io.cwd,
    })
  } catch (err) {
    if (err instanceof ToolMissingError) {
      ctx.io.stderr.write(`ptabridge: ${err.message}\n`)
      return EXIT_TOOL_MISSING
    }
    throw err
  }
  result.original.file = files.shownOriginal
  result.converted.file = files.shownConverted
  if (args.json) {
    const json = verifyJson(result)
    if (args.diff) json.balanceDiff = renderBalanceDiff(result)
    stream.write(JSON.stringify(json, null, 2) + '\n')
  } else {
    stream.write(renderVerifyText(result))
    if (args.diff) {
      const patch = renderBalanceDiff(result)
      stream.write(patch ? `\n${patch}` : '\nthe normalised balance reports are identical\n')
    }
  }
  return result.exitCode
}

/** The `verify` command module. */
export function verifyCommand(ctx: CommandContext): CommandModule<object, VerifyArgs> {
  return {
    command: 'verify <original> <converted>',
    describe: 'Run the real ledger and hledger on a journal and its conversion and compare what they compute',
    builder: (y: Argv<object>) => toolOptions(y
      .positional('original', { type: 'string', describe: 'The journal before conversion' })
      .positional('converted', { type: 'string', describe: 'The converted journal' })
      .option('from', { type: 'string', choices: ['ledger', 'hledger'], describe: 'Tool that reads ORIGINAL (default: from its extension, else its content)' })
      .option('to', { type: 'string', choices: ['ledger', 'hledger'], describe: 'Tool that reads CONVERTED (default: from its extension, else the other tool)' })
      .option('json', { type: 'boolean', describe: 'Print the result as one JSON object' }))
      .epilog('Exit status: 0 EQUIVALENT, 1 DIFFERENT, 2 usage error or a tool missing, 3 a tool rejected a journal.') as unknown as Argv<VerifyArgs>,
    handler: async (args) => {
      const original = journalPath(String(args.original), ctx.io)
      const converted = journalPath(String(args.converted), ctx.io)
      for (const [given, path] of [[args.original, original], [args.converted, converted]] as const) {
        let isFile = false
        try {
          isFile = statSync(path).isFile()
        } catch {
          throw new UsageError(`${String(given)}: no such file`)
        }
        if (!isFile) throw new UsageError(`${String(given)}: not a journal file`)
      }
      if (!Number.isFinite(args.timeout) || args.timeout <= 0) throw new UsageError('--timeout takes a positive number of seconds')
      const from = args.from ?? sniffDialect(original).dialect
      const to = args.to ?? (() => {
        const guess = sniffDialect(converted)
        // a converted file that says nothing either way is taken to be in the other dialect
        return guess.reason === 'default' ? (from === 'ledger' ? 'hledger' : 'ledger') : guess.dialect
      })()
      ctx.exitCode = await runVerification(ctx, ctx.io.stdout, { original, converted, shownOriginal: String(args.original), shownConverted: String(args.converted) }, { from, to }, args)
    },
  }
}
