/**
 * Parity with ledger-autosync: run `ptabridge import` with the options of
 * each recorded ledger-autosync run in ../shared/oracle/autosync/expected
 * (STATUS.tsv) and compare the transactions both print: dates, payees,
 * accounts, amounts and ids. Layout is not compared (ptabridge writes the
 * same layout; blank lines for skipped CSV rows are not reproduced).
 *
 * Where ledger-autosync is wrong, the expected side is corrected before the
 * comparison, each correction named in the result:
 * - commission: ledger-autosync leaves it out of the cash leg, so the entry
 *   does not balance; ptabridge takes it out of the cash leg;
 * - prices: ledger-autosync writes `P` lines without a currency and at the
 *   UTC time; only date, commodity and number are compared;
 * - runs where ledger-autosync crashes (`--initial` without a journal, no
 *   FID) are not parity cases (the tests check ptabridge's output instead).
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Decimal } from 'decimal.js'
import { run } from '../../src/cli/index.js'
import { readDate } from '../../src/dates.js'
import { parse } from '../../src/parse/index.js'
import { postingComments } from '../../src/tags.js'
import { fakeIo } from './fake-io.js'

/** One recorded ledger-autosync run. */
export interface AutosyncRun {
  name: string
  exitCode: number
  /** ledger-autosync's arguments. */
  argv: string[]
}

/** A transaction reduced to what parity compares. */
export interface ComparableTransaction {
  date: string
  auxDate?: string
  payee: string
  postings: string[]
  ids: string[]
}

/** Read STATUS.tsv: the ledger-autosync runs, with their arguments split. */
export function autosyncRuns(autosyncDir: string): AutosyncRun[] {
  const lines = readFileSync(join(autosyncDir, 'expected/STATUS.tsv'), 'utf8').trim().split('\n').slice(1)
  const runs: AutosyncRun[] = []
  for (const line of lines) {
    const [name = '', rc = '', command = ''] = line.split('\t')
    if (!command.startsWith('ledger-autosync ')) continue
    runs.push({ name, exitCode: Number(rc), argv: splitCommand(command.slice('ledger-autosync '.length)) })
  }
  return runs
}

/** Split a recorded command line: `--payee-format` takes every word up to the next option or file. */
function splitCommand(command: string): string[] {
  const words = command.split(' ')
  const out: string[] = []
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as string
    if (w === '--payee-format') {
      const value: string[] = []
      while (i + 1 < words.length && !(words[i + 1] as string).startsWith('-') && !(words[i + 1] as string).startsWith('fixtures/')) value.push(words[++i] as string)
      out.push(w, value.join(' '))
    } else {
      out.push(w)
    }
  }
  return out
}

/** ptabridge's arguments for a ledger-autosync run (journals of the round-trip runs: the recorded outputs). */
export function ptabridgeArgs(runArgs: readonly string[], autosyncDir: string): string[] | undefined {
  const out: string[] = ['import']
  for (let i = 0; i < runArgs.length; i++) {
    const w = runArgs[i] as string
    if (w === '--which' || w === '-d' || w === '--debug') return undefined
    if (w === '--hledger') out.push('--target', 'hledger')
    else if (w === '-l') {
      const journal = runArgs[++i] as string
      const rt = /^\/tmp\/las-regen-rt\/(.+)\.journal$/.exec(journal)
      if (rt) out.push('-f', join(autosyncDir, 'expected', `${rt[1]}.ledger.L.out`))
      else if (journal.endsWith('/falsepos.lgr')) out.push('-f', join(autosyncDir, 'expected/falsepos.lgr.txt'))
      else out.push('-f', join(autosyncDir, journal))
    } else if (w.startsWith('fixtures/')) out.push(join(autosyncDir, w))
    else out.push(w)
  }
  // ledger-autosync's counter accounts come from exact payees only
  return [...out, '-q', '--no-predict']
}

const ID = /(?:^|\s)(ofxid|csvid):\s*(\S.*)$/

/** The transactions of a ledger-autosync-style output, reduced for comparison. */
export function comparable(text: string): { transactions: ComparableTransaction[]; prices: string[] } {
  const { journal } = parse(text, { dialect: 'ledger' })
  const transactions: ComparableTransaction[] = []
  const prices: string[] = []
  for (const e of journal.children) {
    if (e.type === 'directive' && e.name === 'P') {
      const [date = '', maybeTime = '', ...rest] = e.args.trim().split(/\s+/)
      const words = /^\d\d:\d\d/.test(maybeTime) ? rest : [maybeTime, ...rest]
      const [commodity = '', ...price] = words
      const number = price.join('').replace(/[^0-9.-]/g, '')
      prices.push(`${readDate(date, 'ledger').value} ${commodity.replaceAll('"', '')} ${new Decimal(number || '0').toFixed()}`)
      continue
    }
    if (e.type !== 'transaction') continue
    const comments = postingComments(e.children)
    const ids: string[] = []
    let postingDate: string | undefined
    for (const list of comments.values()) for (const c of list) {
      const m = ID.exec(c.text.trim())
      if (m) ids.push(`${m[1]}=${(m[2] ?? '').trim()}`)
      // ptabridge's hledger output dates the settling posting (`date:`) where ledger's has DATE=DATE2
      const d = /^\s*date:\s*(\S+)\s*$/.exec(c.text)
      if (d) postingDate = d[1]
    }
    const postings = e.children.flatMap((l) => {
      if (l.type !== 'posting') return []
      const a = l.amount && l.amount.type === 'amount' ? `${l.amount.quantity.toFixed()} ${l.amount.commodity}` : '-'
      // costs compared as the total paid, in cents: `N @ P` is N × P; `@@ T` is T
      let cost = ''
      if (l.cost && l.cost.amount.type === 'amount' && l.amount && l.amount.type === 'amount') {
        const total = l.cost.per === 'total' ? l.cost.amount.quantity : l.cost.amount.quantity.times(l.amount.quantity.abs())
        cost = ` @@ ${total.toDecimalPlaces(2, Decimal.ROUND_HALF_EVEN).toFixed()} ${l.cost.amount.commodity}`
      }
      const assertion = l.assertion && l.assertion.amount.type === 'amount' ? ` = ${l.assertion.amount.quantity.toFixed()} ${l.assertion.amount.commodity}` : ''
      return [`${l.account} ${a}${cost}${assertion}`]
    })
    transactions.push({
      date: readDate(e.date, 'ledger').value,
      ...(e.auxDate !== undefined ? { auxDate: readDate(e.auxDate, 'ledger').value } : postingDate !== undefined ? { auxDate: readDate(postingDate, 'ledger').value } : {}),
      payee: e.description,
      postings,
      ids: ids.sort(),
    })
  }
  return { transactions, prices }
}

/**
 * ledger-autosync's commission bug corrected: the cash leg (the posting after
 * the security leg) loses the commission. Returns how many entries changed.
 */
export function correctCommission(transactions: ComparableTransaction[]): number {
  let changed = 0
  for (const t of transactions) {
    const commission = t.postings.find((p) => p.startsWith('Expenses:Commission '))
    if (!commission || t.postings.length < 3) continue
    const [, quantity = '0', commodity = ''] = /^Expenses:Commission (\S+) ?(.*)$/.exec(commission) ?? []
    const cash = t.postings[1] as string
    const m = /^(.*) (\S+) (\S*)$/.exec(cash)
    if (!m) continue
    t.postings[1] = `${m[1]} ${new Decimal(m[2] as string).minus(quantity).toFixed()} ${commodity}`.trimEnd()
    changed++
  }
  return changed
}

/** The outcome of one parity run. */
export interface ParityResult {
  name: string
  same: boolean
  corrections: string[]
  detail: string
}

/** Run ptabridge for one recorded run and compare with ledger-autosync's output. */
export async function parityOf(runRecord: AutosyncRun, autosyncDir: string): Promise<ParityResult | undefined> {
  if (runRecord.exitCode !== 0) return undefined
  const argv = ptabridgeArgs(runRecord.argv, autosyncDir)
  if (!argv) return undefined
  const io = fakeIo({ cwd: autosyncDir, env: {} })
  const code = await run(argv, io)
  const corrections: string[] = []
  let expectedName = runRecord.name
  // ledger-autosync's hledger backend has no AutosyncPayee (it logs an error and keeps the raw payee); its ledger backend does, as ptabridge does for both
  const ledgerTwin = runRecord.name.replace('.hledger.', '.ledger.')
  if (ledgerTwin !== runRecord.name && readFileSync(join(autosyncDir, 'expected', `${ledgerTwin}.out`), 'utf8') !== readFileSync(join(autosyncDir, 'expected', `${runRecord.name}.out`), 'utf8')) {
    expectedName = ledgerTwin
    corrections.push('AutosyncPayee applied (the ledger backend\'s output)')
  }
  let expectedText = readFileSync(join(autosyncDir, 'expected', `${expectedName}.out`), 'utf8')
  // ledger-autosync's regex lookup drops transactions whose ids merely contain a known id: the file's transactions are all new
  if (runRecord.name.endsWith('.falsepos')) {
    const fixture = runRecord.name.slice(0, runRecord.name.indexOf('.ofx.') + 4)
    expectedText = readFileSync(join(autosyncDir, 'expected', `${fixture}.ledger.L.out`), 'utf8').replaceAll('Assets:Checking', 'Assets:401k')
    corrections.push('false-positive dedup undone (every transaction of the file)')
  }
  const expected = comparable(expectedText)
  const ours = comparable(io.out())
  // a zero-amount "comment" transaction comes back on every re-import with ledger-autosync; ptabridge wrote it as a comment of its transaction
  if (runRecord.name.endsWith('.roundtrip')) {
    const before = expected.transactions.length
    expected.transactions = expected.transactions.filter((t) => !t.postings.every((p) => / 0 \S*$/.test(p)))
    if (expected.transactions.length !== before) corrections.push('zero-amount comment transaction not re-imported')
  }
  const fixed = correctCommission(expected.transactions)
  if (fixed) corrections.push(`commission taken out of the cash leg (${fixed})`)
  const problems: string[] = []
  if (code !== 0) problems.push(`exit ${code}: ${io.err().trim()}`)
  const a = JSON.stringify(expected.transactions, null, 1)
  const b = JSON.stringify(ours.transactions, null, 1)
  if (a !== b) problems.push(`transactions differ:\n--- ledger-autosync\n${a}\n+++ ptabridge\n${b}`)
  if (expected.prices.join('\n') !== ours.prices.join('\n')) {
    // a journal that already has ptabridge's price lines gets none again; ledger-autosync repeats them
    if (!(ours.prices.length === 0 && argv.includes('-f'))) problems.push(`prices differ: ${expected.prices.join('; ')} | ${ours.prices.join('; ')}`)
  }
  return { name: runRecord.name, same: problems.length === 0, corrections, detail: problems.join('\n') }
}
