/**
 * `ptabridge sync`: download recent transactions from every configured
 * account over OFX direct connect (ledger-autosync's download mode) and print
 * the new ones for the target dialect, or append them with `--append`.
 * Accounts come from sync.json and ofxclient.ini; `--add` sets up an
 * institution. If any account fails, nothing is printed or written and the
 * exit status is 1; the messages never contain a password.
 */
import { createInterface } from 'node:readline'
import type { Argv, CommandModule } from 'yargs'
import type { Dialect } from '../../ast.js'
import { dialectOfExtension } from '../../dialect/index.js'
import { appendToJournal, JournalLockedError } from '../../import/append.js'
import { indexJournalFile, type JournalIndex } from '../../import/journal-index.js'
import { modelFromJournal } from '../../predict/index.js'
import type { PredictionQuery } from '../../predict/predictor.js'
import { addInstitution } from '../../sync/add.js'
import { OfxClientError } from '../../sync/client.js'
import { defaultConfigFiles, loadSyncAccounts, SyncConfigError, type Institution } from '../../sync/config.js'
import { redact, resolveSecret, SecretError } from '../../sync/secrets.js'
import { syncAccount } from '../../sync/sync.js'
import type { CommandContext } from '../context.js'
import { EXIT, resolvePath, UsageError, type Io } from '../io.js'

interface SyncArgs {
  account?: string
  journal?: string
  noJournal?: boolean
  target?: Dialect
  max: number
  resync?: boolean
  assertions?: boolean
  config?: string
  ofxclient?: string
  timeout: number
  retries: number
  append?: boolean
  dryRun?: boolean
  add?: boolean
  predict: boolean
  quiet?: boolean
  today?: string
}

/** Line-by-line answers: from the terminal, or from piped standard input. */
function asker(io: Io): (q: string) => Promise<string | undefined> {
  let lines: string[] | undefined
  return async (question) => {
    io.stderr.write(question)
    if (lines === undefined) lines = new TextDecoder().decode(await io.readStdin()).split(/\r?\n/)
    const line = lines.shift()
    return line
  }
}

/** A password prompt without echo, only when standard input is a terminal. */
function passwordPrompt(io: Io): ((q: string) => Promise<string | undefined>) | undefined {
  if (!process.stdin.isTTY || io.stderr !== process.stderr) return undefined
  return (question) => new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true })
    const write = (rl as unknown as { _writeToOutput: (s: string) => void })
    write._writeToOutput = (s: string) => {
      if (s.includes(question)) process.stderr.write(question)
    }
    rl.question(question, (answer) => {
      rl.close()
      process.stderr.write('\n')
      resolve(answer)
    })
  })
}

/** The `sync` command module. */
export function syncCommand(ctx: CommandContext): CommandModule<object, SyncArgs> {
  return {
    command: 'sync',
    describe: 'Download new transactions from the bank over OFX direct connect and print (or append) the new ones',
    builder: (y: Argv<object>) => y
      .option('account', { alias: 'a', type: 'string', requiresArg: true, describe: 'Sync only the account with this journal account name' })
      .option('journal', { alias: ['f', 'l', 'ledger'], type: 'string', requiresArg: true, describe: 'Journal to deduplicate against (default $LEDGER_FILE)' })
      .option('no-journal', { alias: 'L', type: 'boolean', describe: 'Use no journal: everything downloaded is new' })
      .option('target', { alias: 't', type: 'string', choices: ['ledger', 'hledger'], describe: "Dialect to write (default: the journal's, else ledger)" })
      .option('max', { alias: 'm', type: 'number', default: 90, describe: 'Largest look-back window, in days' })
      .option('resync', { alias: 'r', type: 'boolean', describe: 'Download the whole --max window at once instead of walking back from 7 days' })
      .option('assertions', { type: 'boolean', describe: "Add a balance assertion with each statement's ledger balance" })
      .option('config', { type: 'string', requiresArg: true, describe: 'ptabridge sync config (default $XDG_CONFIG_HOME/ptabridge/sync.json)' })
      .option('ofxclient', { alias: 'o', type: 'string', requiresArg: true, describe: 'ofxclient.ini (default ~/.config/ofxclient.ini, else ~/ofxclient.ini)' })
      .option('timeout', { type: 'number', default: 30, describe: 'Seconds to wait for each answer' })
      .option('retries', { type: 'number', default: 2, describe: 'Retries after a network failure, timeout or server error' })
      .option('append', { type: 'boolean', describe: 'Append the new transactions to the journal (locked, backed up, atomic)' })
      .option('dry-run', { alias: 'n', type: 'boolean', describe: 'With --append: print instead of writing' })
      .option('add', { type: 'boolean', describe: 'Set up an institution interactively (added to sync.json)' })
      .option('predict', { type: 'boolean', default: true, describe: 'Predict counter accounts from the journal (--no-predict: exact payees)' })
      .option('quiet', { alias: 'q', type: 'boolean', describe: 'No summary on standard error' })
      .option('today', { type: 'string', requiresArg: true, hidden: true })
      .conflicts('no-journal', 'journal')
      .epilog('Exit status: 0 done, 1 a download failed (nothing printed or written), 2 usage or configuration errors.') as unknown as Argv<SyncArgs>,
    handler: async (args) => {
      if (args.add) {
        const file = args.config !== undefined ? resolvePath(args.config, ctx.io) : defaultConfigFiles(ctx.io.env).syncJson
        try {
          ctx.io.stderr.write(`ptabridge: ${await addInstitution(file, asker(ctx.io), (t) => ctx.io.stderr.write(t))}\n`)
        } catch (err) {
          throw new UsageError((err as Error).message)
        }
        return
      }
      if (!(args.max > 0)) throw new UsageError('--max takes a positive number of days')
      let accounts
      try {
        accounts = loadSyncAccounts({ env: ctx.io.env, ...(args.config !== undefined ? { config: resolvePath(args.config, ctx.io) } : {}), ...(args.ofxclient !== undefined ? { ofxclient: resolvePath(args.ofxclient, ctx.io) } : {}) })
      } catch (err) {
        if (err instanceof SyncConfigError) throw new UsageError(err.message)
        throw err
      }
      if (args.account !== undefined) accounts = accounts.filter((a) => a.journalAccount === args.account)
      if (accounts.length === 0) throw new UsageError(args.account !== undefined ? `no configured account is ${args.account}` : 'no accounts configured: run ptabridge sync --add, or give --ofxclient FILE')
      const journalPath = args.noJournal ? undefined : (args.journal ?? ctx.io.env.LEDGER_FILE)
      if (args.append && journalPath === undefined) throw new UsageError('--append needs a journal: -f JOURNAL or LEDGER_FILE')
      let index: JournalIndex | undefined
      let predict: ((q: PredictionQuery) => string | undefined) | undefined
      if (journalPath !== undefined) {
        const read = indexJournalFile(resolvePath(journalPath, ctx.io))
        index = read.index
        if (args.predict) {
          const model = modelFromJournal(read.parsed)
          predict = (q) => model.predict(q).account
        }
      }
      const target: Dialect = args.target ?? (journalPath !== undefined ? dialectOfExtension(journalPath) : undefined) ?? 'ledger'
      const now = args.today !== undefined ? new Date(`${args.today}T12:00:00Z`) : new Date()
      const passwords = new Map<Institution, string>()
      const secrets: string[] = []
      const texts: string[] = []
      let failed = 0
      for (const account of accounts) {
        try {
          let password = passwords.get(account.institution)
          if (password === undefined) {
            const prompt = passwordPrompt(ctx.io)
            password = await resolveSecret(account.institution.password, `${account.institution.name} (${account.institution.username})`, ctx.io.env, prompt)
            passwords.set(account.institution, password)
            secrets.push(password)
          }
          const r = await syncAccount(account, {
            target, password, maxDays: args.max, timeout: args.timeout, retries: args.retries, now,
            ...(args.resync ? { resync: true } : {}), ...(args.assertions ? { assertions: true } : {}),
            ...(index ? { index } : {}), ...(predict ? { predict } : {}),
          })
          if (r.result) texts.push(r.result.text)
          if (!args.quiet) {
            const c = r.result?.counts
            ctx.io.stderr.write(`ptabridge: ${account.journalAccount}: ${c ? `${c.read} downloaded, ${c.new} new, ${c.known} already in the journal` : 'no statement'} (windows: ${r.windows.join(', ')} days)\n`)
          }
        } catch (err) {
          if (err instanceof OfxClientError || err instanceof SecretError) {
            failed++
            ctx.io.stderr.write(`ptabridge: ${account.journalAccount}: ${redact(err.message, secrets)}\n`)
            continue
          }
          throw err
        }
      }
      if (failed > 0) {
        ctx.io.stderr.write(`ptabridge: ${failed} of ${accounts.length} account${accounts.length === 1 ? '' : 's'} failed; nothing was ${args.append && !args.dryRun ? 'written' : 'printed'} (sync the others with -a ACCOUNT)\n`)
        ctx.exitCode = EXIT.data
        return
      }
      const text = texts.join('')
      if (args.append && !args.dryRun) {
        if (text === '') return
        try {
          const { backup } = appendToJournal(resolvePath(journalPath as string, ctx.io), text)
          if (!args.quiet) ctx.io.stderr.write(`ptabridge: appended to ${journalPath} (previous version: ${backup})\n`)
        } catch (err) {
          if (err instanceof JournalLockedError) throw new UsageError(err.message)
          throw err
        }
        return
      }
      ctx.io.stdout.write(text)
    },
  }
}
