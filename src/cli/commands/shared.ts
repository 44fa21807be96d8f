/**
 * Options shared by the commands that read a journal.
 */
import type { Argv } from 'yargs'

/** Add JOURNAL, -f/--file and --from to a command. */
export function inputOptions<T>(y: Argv<T>): Argv<T> {
  return y
    .positional('journal', { type: 'string', describe: "Journal file ('-' for standard input; default $LEDGER_FILE)" })
    .option('file', { alias: 'f', type: 'string', requiresArg: true, describe: "Journal file, as ledger and hledger take it ('-' for standard input)" })
    .option('from', { type: 'string', choices: ['ledger', 'hledger'], describe: 'Dialect of the journal (default: from the file extension, else the content)' }) as Argv<T>
}
