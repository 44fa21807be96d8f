/**
 * The report commands, run in-process: bal, reg, accounts, payees,
 * commodities, stats and print --explicit, with queries, periods,
 * --semantics, output formats, and the exit codes for bad journals and
 * bad arguments.
 */
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { run } from '../src/cli/index.js'
import { fakeIo } from './helpers/fake-io.js'

const JOURNAL = `2024-01-05 Grocer
    expenses:food  $40.00
    assets:checking

2024-02-01 Landlord
    expenses:rent  $900
    assets:checking
`

async function cli(args: string[], stdin = JOURNAL): Promise<{ code: number; out: string; err: string }> {
  const io = fakeIo({ stdin })
  const code = await run(args, io)
  return { code, out: io.out(), err: io.err() }
}

test('bal: flat under hledger semantics, tree under ledger semantics', async () => {
  const h = await cli(['bal', '-', '--from', 'hledger'])
  assert.is(h.code, 0)
  const row = (amount: string, label: string): string => `${amount.padStart(20)}  ${label}`
  assert.is(h.out, [row('$-940.00', 'assets:checking'), row('$40.00', 'expenses:food'), row('$900.00', 'expenses:rent'), '-'.repeat(20), row('0', ''), ''].join('\n'))
  const l = await cli(['bal', '-', '--from', 'hledger', '--semantics', 'ledger'])
  assert.is(l.out, [row('$-940.00', 'assets:checking'), row('$940.00', 'expenses'), row('$40.00', '  food'), row('$900.00', '  rent'), '-'.repeat(20), '0'.padStart(20), ''].join('\n'))
})

test('bal with a query, a period, --depth, -O json and -O csv', async () => {
  const h = ['--from', 'hledger']
  assert.match((await cli(['bal', '-', 'expenses', '-p', '2024-02', ...h])).out, /^ +\$900\.00  expenses:rent\n/)
  assert.match((await cli(['bal', '-', '--depth', '1', ...h])).out, /\$940\.00  expenses\n/)
  const json = JSON.parse((await cli(['bal', '-', '-O', 'json', ...h])).out) as { rows: Array<{ account: string }> }
  assert.equal(json.rows.map((r) => r.account), ['assets:checking', 'expenses:food', 'expenses:rent'])
  assert.match((await cli(['bal', '-', '-O', 'csv', ...h])).out, /^account,commodity,quantity\nassets:checking,\$,-940\n/)
})

test('reg: running total; -M groups by month', async () => {
  const r = await cli(['reg', '-', '--from', 'hledger'])
  // hledger: DATE(10) DESCRIPTION(19) ACCOUNT(20) AMOUNT(12) TOTAL(12), two blanks between
  assert.is(r.out.split('\n')[0], `2024-01-05 ${'Grocer'.padEnd(19)}  ${'expenses:food'.padEnd(20)}  ${'$40.00'.padStart(12)}  ${'$40.00'.padStart(12)}`)
  const l = await cli(['reg', '-', '--semantics', 'ledger'])
  // ledger: YY-Mon-DD PAYEE(21) ACCOUNT(22) AMOUNT(12) TOTAL(12), one blank between
  assert.is(l.out.split('\n')[0], `24-Jan-05 ${'Grocer'.padEnd(21)} ${'expenses:food'.padEnd(22)} ${'$40.00'.padStart(12)} ${'$40.00'.padStart(12)}`)
  const monthly = await cli(['reg', '-', '-M', '--from', 'hledger'])
  assert.match(monthly.out, /^2024-01   assets:checking +\$-40\.00 +\$-40\.00\n/)
})

test('accounts, payees, commodities, stats', async () => {
  assert.is((await cli(['accounts', '-'])).out, 'assets:checking\nexpenses:food\nexpenses:rent\n')
  assert.is((await cli(['payees', '-'])).out, 'Grocer\nLandlord\n')
  assert.is((await cli(['commodities', '-'])).out, '$\n')
  const stats = JSON.parse((await cli(['stats', '-', '-O', 'json'])).out) as { transactions: number; postings: number }
  assert.equal([stats.transactions, stats.postings], [2, 4])
})

test('print --explicit writes out inferred amounts; print QUERY selects transactions as written', async () => {
  const x = await cli(['print', '-', '--explicit'])
  assert.match(x.out, /    assets:checking +-\$40\.00\n/)
  const q = await cli(['print', '-', 'rent'])
  assert.is(q.out, '2024-02-01 Landlord\n    expenses:rent  $900\n    assets:checking\n')
})

test('a journal that does not balance: the error with its position, exit 1, no report', async () => {
  const r = await cli(['bal', '-', '--from', 'hledger'], '2024-01-05 x\n    a  $1\n    b  $-2\n')
  assert.is(r.code, 1)
  assert.is(r.out, '')
  assert.match(r.err, /^<stdin>:1:1: error: could not balance this transaction/)
})

test('bad arguments are usage errors (exit 2) that say what to write', async () => {
  const r = await cli(['bal', '-', '-b', 'someday'])
  assert.is(r.code, 2)
  assert.match(r.err, /cannot read the date 'someday' given to -b\/--begin: write 2024, 2024-03 or 2024-03-05/)
  assert.is((await cli(['reg', '-', '-M', '-Y'])).code, 2)
})

test('the journal from -f or LEDGER_FILE leaves every word to the query', async () => {
  const io = fakeIo({ stdin: JOURNAL })
  assert.is(await run(['bal', '-f', '-', 'food'], io), 0)
  assert.match(io.out(), /^ +\$40\.00  expenses:food\n/)
})

test.run()
