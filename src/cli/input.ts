/**
 * Choosing and reading the input journal, the way ledger and hledger do:
 * a FILE argument or `-f FILE`, `-` for standard input, else `LEDGER_FILE`.
 */
import type { Dialect } from '../ast.js'
import { statSync } from 'node:fs'
import { decodeJournal, type FileEncoding } from '../parse/files.js'
import { readInputBytes, resolvePath, UsageError, type Io } from './io.js'

/** Options every command that reads a journal accepts. */
export interface InputArgs {
  /** The positional JOURNAL argument. */
  journal?: string | undefined
  /** `-f`/`--file` (the last one wins when repeated). */
  file?: string | string[] | undefined
  from?: Dialect | undefined
}

/** A journal read from a file or standard input. */
export interface Input {
  /** The name used in messages: the path as given, or `<stdin>`. */
  name: string
  /** Absolute path, when the input is a file. */
  path?: string
  text: string
  encoding: FileEncoding
}

/**
 * yargs reads a lone `-` argument as an empty string, so `run()` swaps it for
 * this marker before parsing and the input logic swaps it back.
 */
export const STDIN_MARKER = '\u0000stdin'

/** Which input the arguments name: a FILE argument, `-f`, or `LEDGER_FILE`. */
export function chooseInput(args: InputArgs, io: Io): string {
  const flag = Array.isArray(args.file) ? args.file[args.file.length - 1] : args.file
  if (args.journal !== undefined && flag !== undefined && args.journal !== flag) {
    throw new UsageError('give the journal either as an argument or with -f, not both')
  }
  let chosen = args.journal ?? flag ?? io.env.LEDGER_FILE
  if (chosen === STDIN_MARKER) chosen = '-'
  if (chosen === undefined || chosen === '') {
    throw new UsageError('no journal given: pass FILE, -f FILE, - for standard input, or set LEDGER_FILE')
  }
  return chosen
}

/**
 * Commands that take query words (`bal [JOURNAL] [QUERY..]`): the first word
 * is the journal unless `-f` names it, or `LEDGER_FILE` does and the word is
 * not a file; then every word is a query term, as in ledger and hledger.
 */
export function takeJournalArgument(args: InputArgs & { query?: string[] | undefined }, io: Io): void {
  if (args.journal === undefined) return
  const word = String(args.journal)
  let isQuery = args.file !== undefined
  if (!isQuery && io.env.LEDGER_FILE && word !== STDIN_MARKER) {
    try {
      isQuery = !statSync(resolvePath(word, io)).isFile()
    } catch {
      isQuery = true
    }
  }
  if (isQuery) {
    args.query = [word, ...(args.query ?? []).map(String)]
    args.journal = undefined
  }
}

/** Read the chosen input. */
export async function readInput(args: InputArgs, io: Io): Promise<Input> {
  const chosen = chooseInput(args, io)
  const bytes = await readInputBytes(chosen, io)
  const { text, encoding } = decodeJournal(bytes)
  if (chosen === '-') return { name: '<stdin>', text, encoding }
  return { name: chosen, path: resolvePath(chosen, io), text, encoding }
}
