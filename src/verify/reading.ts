/**
 * What a real tool computed from one journal: its postings, whether it
 * accepted the journal and whether the balance assertions held.
 *
 * Each tool is run strictly first. When that fails it is run again leniently
 * (ledger `--permissive`, hledger `-I`): if the lenient run succeeds the
 * journal is accepted and only its assertions failed.
 */
import { dirname, resolve } from 'node:path'
import type { Decimal } from 'decimal.js'
import { execa } from 'execa'
import type { LocatedTool, ToolName } from './tools.js'

/** One posting as a tool reported it, already normalised (see normalise.ts). */
export interface PostingRow {
  /** The transaction's primary date, `YYYY-MM-DD`. */
  date: string
  /** Identifies the transaction within this reading. */
  transaction: string
  account: string
  commodity: string
  quantity: Decimal
}

/** One tool's reading of one journal. */
export interface ToolReading {
  tool: ToolName
  /** The tool's version (filled in by the caller once probed). */
  version: string
  file: string
  /** The tool read the journal (possibly only leniently). */
  accepted: boolean
  /** true: the strict run passed; false: only the lenient run did; null: rejected. */
  assertionsPass: boolean | null
  /** The first error line of the strict run, when it failed. */
  strictError: string
  /** Why the journal was rejected, when it was. */
  error: string
  postings: PostingRow[]
  /** Output lines that could not be read (should be 0). */
  unparsed: number
  /** Wall time of the tool runs, in seconds. */
  seconds: number
}

/** How to run one tool on one file: arguments and how to read the output. */
export interface ReadingRecipe {
  strictArgs(file: string): string[]
  lenientArgs(file: string): string[]
  /** Did the run fail? (ledger can print an error and still exit 0). */
  failed(exitCode: number, stderr: string): boolean
  /** A one-line summary of the error output. */
  firstError(stderr: string, stdout: string): string
  /** Fill `reading.postings` from the tool's standard output. */
  read(stdout: string, reading: ToolReading): void
}

/** Options for {@link readWithTool}. */
export interface ReadOptions {
  env: Record<string, string>
  /** Seconds per tool run. */
  timeout: number
}

interface RunOutcome {
  exitCode: number
  stdout: string
  stderr: string
  timedOut: boolean
}

async function runOnce(tool: LocatedTool, args: string[], cwd: string, options: ReadOptions): Promise<RunOutcome> {
  const result = await execa(tool.path, args, {
    cwd,
    env: options.env,
    extendEnv: false,
    stdin: 'ignore',
    reject: false,
    timeout: Math.round(options.timeout * 1000),
    maxBuffer: 2 ** 31 - 1,
    stripFinalNewline: false,
  })
  const stderr = String(result.stderr ?? '')
  return {
    exitCode: result.exitCode ?? (result.failed ? 1 : 0),
    stdout: String(result.stdout ?? ''),
    stderr: result.timedOut ? `timed out after ${options.timeout} s` : (stderr || (result.failed && result.exitCode === undefined ? (result.shortMessage ?? 'could not run') : '')),
    timedOut: result.timedOut,
  }
}

/** Run `tool` on `file` following `recipe`, strictly then, if needed, leniently. */
export async function readWithTool(tool: LocatedTool, file: string, recipe: ReadingRecipe, options: ReadOptions): Promise<ToolReading> {
  const absolute = resolve(file)
  const cwd = dirname(absolute)
  const started = performance.now()
  const reading: ToolReading = { tool: tool.name, version: '', file, accepted: false, assertionsPass: null, strictError: '', error: '', postings: [], unparsed: 0, seconds: 0 }
  const finish = (): ToolReading => {
    reading.seconds = (performance.now() - started) / 1000
    return reading
  }
  const strict = await runOnce(tool, recipe.strictArgs(absolute), cwd, options)
  if (!strict.timedOut && !recipe.failed(strict.exitCode, strict.stderr)) {
    reading.accepted = true
    reading.assertionsPass = true
    recipe.read(strict.stdout, reading)
    return finish()
  }
  reading.strictError = strict.timedOut ? strict.stderr : recipe.firstError(strict.stderr, strict.stdout)
  if (!strict.timedOut) {
    const lenient = await runOnce(tool, recipe.lenientArgs(absolute), cwd, options)
    if (!lenient.timedOut && !recipe.failed(lenient.exitCode, lenient.stderr)) {
      reading.accepted = true
      reading.assertionsPass = false
      recipe.read(lenient.stdout, reading)
      return finish()
    }
  }
  reading.error = reading.strictError
  return finish()
}
