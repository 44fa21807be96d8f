/**
 * `ptabridge verify` and `convert --verify`: reading the tools' output
 * (ledger's register lines, hledger's JSON, their error messages), the
 * comparison, and, with the real ledger and hledger (CI installs both), every
 * conversion in the project's corpus, planted differences, rejections, a
 * missing tool, and the report forms.
 */
import { spawnSync } from 'node:child_process'
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { Decimal } from 'decimal.js'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { run } from '../src/cli/index.js'
import { compareReadings } from '../src/verify/compare.js'
import { hledgerFirstError, hledgerRecipe } from '../src/verify/hledger-recipe.js'
import { ledgerFirstError, ledgerRecipe } from '../src/verify/ledger-recipe.js'
import { normaliseAmount } from '../src/verify/normalise.js'
import type { PostingRow, ToolReading } from '../src/verify/reading.js'
import { fakeIo } from './helpers/fake-io.js'
import { scratchDir } from './helpers/scratch.js'
import { skipNote } from './helpers/paths.js'

const have = (tool: string): boolean => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0
const TOOLS = have('ledger') && have('hledger')
const ENV = { PATH: process.env.PATH ?? '' }

function reading(tool: 'ledger' | 'hledger', postings: PostingRow[] = [], assertionsPass: boolean | null = true): ToolReading {
  return { tool, version: 'x', file: 'f', accepted: assertionsPass !== null, assertionsPass, strictError: assertionsPass ? '' : 'assertion failed', error: '', postings, unparsed: 0, seconds: 0 }
}
const row = (date: string, transaction: string, account: string, commodity: string, quantity: string): PostingRow => ({ date, transaction, account, commodity, quantity: new Decimal(quantity) })

// ---- reading the tools' output -------------------------------------------

test('ledger register lines: quantities exact, decimal comma, calculated postings merged per account', () => {
  const r = reading('ledger')
  const mark = 'ptabridge-posting\t'
  ledgerRecipe.read([
    '2024-01-05\tf:3\tExpenses\tEUR\t12,5\tfalse\tfalse',
    '2024-01-05\tf:3\tAssets\t$\t-1000000.000000000001\tfalse\tfalse',
    '2024-01-05\tf:3\tEquity\t$\t1000000.000000000001\tfalse\ttrue',
    '2024-01-05\tf:3\tEquity\tEUR\t-12.5\tfalse\ttrue',
    '2024-01-06\tf:9\tWork\th\t1.5\tfalse\tfalse',
    '2024-01-06\tf:9\tTime\th\t-1.5\tfalse\ttrue',
    '2024-01-06\tf:9\tTime\tm\t0\tfalse\ttrue',
    'a broken posting line',
    '2024-01-06\tf:9\tTime\tm\tnot-a-number\tfalse\ttrue',
  ].map((l) => mark + l).concat(['Hello! (what `eval print` writes)', '']).join('\n'), r)
  assert.is(r.unparsed, 2)
  const shown = r.postings.map((p) => `${p.date} ${p.account} ${p.quantity.toFixed()} ${p.commodity}`)
  assert.equal(shown, [
    '2024-01-05 Expenses 12.5 EUR',
    '2024-01-05 Assets -1000000.0000000000 $',
    '2024-01-06 Work 5400 s',
    '2024-01-05 Equity 1000000.0000000000 $',
    '2024-01-05 Equity -12.5 EUR',
    '2024-01-06 Time -5400 s',
  ].map((s) => s.replace('-1000000.0000000000', '-1000000').replace(' 1000000.0000000000', ' 1000000')))
})

test('hledger JSON: mantissas read exactly (no floats), placeholder amounts and empty transactions skipped', () => {
  const r = reading('hledger')
  const q = (m: string, p: number): string => `{"decimalMantissa": ${m}, "decimalPlaces": ${p}, "floatingPoint": 1}`
  hledgerRecipe.read(`[
    {"tindex": 1, "tdate": "2024-01-05", "tpostings": [
      {"paccount": "a", "pamount": [{"acommodity": "\\"AAPL 2\\"", "aquantity": ${q('12345678901234567890123', 4)}}], "pbalanceassertion": null},
      {"paccount": "b", "pamount": [{"acommodity": "AAPL 2", "aquantity": ${q('-12345678901234567890123', 4)}}, {"acommodity": "$", "aquantity": ${q('0', 0)}}], "pbalanceassertion": null}]},
    {"tindex": 2, "tdate": "2024-01-06", "tpostings": [
      {"paccount": "x", "pamount": [{"acommodity": "AUTO", "aquantity": ${q('0', 0)}}], "pbalanceassertion": null}]},
    {"tindex": 3, "tdate": "2024-01-07", "tpostings": [
      {"paccount": "y", "pamount": [], "pbalanceassertion": {"baamount": {}}}]}
  ]`, r)
  assert.equal(r.postings.map((p) => `${p.transaction} ${p.account} ${p.quantity.toFixed()} ${p.commodity}`.trimEnd()), [
    't1 a 1234567890123456789.0123 AAPL 2',
    't1 b -1234567890123456789.0123 AAPL 2',
    't3 y 0',
  ])
})

test('error summaries keep where and what, without the source excerpt', () => {
  assert.is(ledgerFirstError('While parsing file "/j/a.ledger", line 3:\nWhile balancing transaction from "/j/a.ledger", lines 1-3:\n> 2020-01-01 x\nError: Transaction does not balance\n', ''),
    '/j/a.ledger:3: Error: Transaction does not balance')
  assert.is(hledgerFirstError('hledger: /j/a.journal:4:1:\n  |\n4 | foo bar\n  | ^\nunexpected \'f\'\nexpecting date\n', ''),
    "/j/a.journal:4:1: unexpected 'f' expecting date")
  assert.is(hledgerFirstError('hledger: balance assertion: "/j/a.journal" (line 2, column 13)\ntransaction:\n2020-01-01 x\n    a  1 EUR = 5 EUR\n', ''),
    'balance assertion: "/j/a.journal" (line 2, column 13)')
})

test('normalisation: quotes, time units in seconds, 10 decimal places', () => {
  assert.equal(normaliseAmount('"AAPL 2"', new Decimal(1)), { commodity: 'AAPL 2', quantity: new Decimal(1) })
  assert.is(normaliseAmount('h', new Decimal('0.5')).quantity.toFixed(), '1800')
  assert.is(normaliseAmount('m', new Decimal('2')).commodity, 's')
  assert.is(normaliseAmount('$', new Decimal('0.123456789012345')).quantity.toFixed(), '0.123456789')
  assert.is(normaliseAmount('$', new Decimal('0.00000000005')).quantity.toFixed(), '0')
})

// ---- the comparison -----------------------------------------------------

test('compareReadings: totals, counts per date, assertions; register lines only with deep', () => {
  const a = reading('ledger', [row('2024-01-01', 'f:1', 'A', '$', '10'), row('2024-01-01', 'f:1', 'B', '$', '-10'), row('2024-01-02', 'f:5', 'A', '$', '5'), row('2024-01-02', 'f:5', 'B', '$', '-5')])
  const same = reading('hledger', [row('2024-01-01', 't1', 'B', '$', '-10.00'), row('2024-01-01', 't1', 'A', '$', '10'), row('2024-01-02', 't2', 'A', '$', '5'), row('2024-01-02', 't2', 'B', '$', '-5')])
  assert.equal(compareReadings(a, same, { deep: true }), [])
  // the same totals, with the second transaction a day later: counts and register differ, totals do not
  const moved = reading('hledger', [row('2024-01-01', 't1', 'A', '$', '10'), row('2024-01-01', 't1', 'B', '$', '-10'), row('2024-01-03', 't2', 'A', '$', '5'), row('2024-01-03', 't2', 'B', '$', '-5')])
  assert.equal(compareReadings(a, moved).map((d) => d.kind), ['count', 'count'])
  assert.equal(compareReadings(a, moved, { deep: true }).map((d) => d.kind), ['count', 'count', 'register', 'register', 'register', 'register'])
  // a changed amount; a total that nets to zero on one side only
  const changed = reading('hledger', [row('2024-01-01', 't1', 'A', '$', '10'), row('2024-01-01', 't1', 'B', '$', '-10'), row('2024-01-02', 't2', 'A', '€', '5'), row('2024-01-02', 't2', 'B', '€', '-5')], false)
  const diffs = compareReadings(a, changed)
  assert.equal(diffs[0], { kind: 'total', account: 'A', commodity: '$', original: '15', converted: '10' })
  assert.ok(diffs.some((d) => d.kind === 'total' && d.commodity === '€' && d.original === null && d.converted === '5'))
  assert.equal(diffs.at(-1), { kind: 'assertions', original: 'pass', converted: 'fail', detail: 'assertion failed' })
})

// ---- with the real tools ------------------------------------------------

async function verify(argv: string[], cwd = process.cwd()): Promise<{ code: number; out: string; err: string }> {
  const io = fakeIo({ env: ENV, cwd })
  const code = await run(['verify', ...argv], io)
  return { code, out: io.out(), err: io.err() }
}

function scratch(files: Record<string, string>): string {
  const dir = scratchDir('ptabridge-verify-test-')
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text)
  return dir
}

const LEDGER = '; a ledger journal\n2024-01-05 Market\n    Expenses:Food    12.50 EUR\n    Assets:Cash\n\n2024-01-06 Rent\n    Expenses:Rent    900 EUR\n    Assets:Bank\n'

if (!TOOLS) {
  skipNote('verify against the real tools', 'ledger or hledger is not installed (CI installs both)')
} else {
  // every conversion in corpus/convert is verified EQUIVALENT (with --deep) in convert.test.ts

  test('a changed amount is DIFFERENT, with the account in the table and in --diff', async () => {
    const dir = scratch({ 'a.ledger': LEDGER, 'b.journal': LEDGER.replace('900 EUR', '90 EUR') })
    const r = await verify(['a.ledger', 'b.journal', '--diff'], dir)
    assert.is(r.code, 1)
    assert.match(r.out, /^original  a\.ledger: ledger \d[^ ]* read 2 transactions, 4 postings$/m)
    assert.match(r.out, /^converted b\.journal: hledger \d[^ ]* read 2 transactions, 4 postings$/m)
    assert.match(r.out, /^DIFFERENT: 2 account totals differ$/m)
    assert.match(r.out, /^ {2}Assets:Bank\s+EUR\s+-900\s+-90\s+\+810$/m)
    assert.match(r.out, /^-Expenses:Rent\s+900 EUR$/m)
    assert.match(r.out, /^\+Expenses:Rent\s+90 EUR$/m)
  })

  test('--deep finds a transaction moved to another day; --json says so too', async () => {
    const dir = scratch({ 'a.ledger': LEDGER, 'b.journal': LEDGER.replace('2024-01-06', '2024-01-07') })
    const shallow = await verify(['a.ledger', 'b.journal'], dir)
    assert.is(shallow.code, 1)
    assert.match(shallow.out, /counts differ on 2 dates/)
    const deep = await verify(['a.ledger', 'b.journal', '--deep', '--json'], dir)
    const json = JSON.parse(deep.out) as { verdict: string; exitCode: number; differences: Array<{ kind: string; account?: string; date?: string }>; original: { tool: string; transactions: number } }
    assert.is(json.verdict, 'DIFFERENT')
    assert.is(json.exitCode, 1)
    assert.is(json.original.tool, 'ledger')
    assert.is(json.original.transactions, 2)
    assert.ok(json.differences.some((d) => d.kind === 'register' && d.account === 'Expenses:Rent' && d.date === '2024-01-07'))
  })

  test('assertion outcomes are compared', async () => {
    const withAssertion = LEDGER.replace('    Assets:Bank\n', '    Assets:Bank  -900 EUR = -900 EUR\n')
    const dir = scratch({ 'a.ledger': withAssertion, 'b.journal': withAssertion.replace('= -900 EUR', '= -901 EUR') })
    const r = await verify(['a.ledger', 'b.journal'], dir)
    assert.is(r.code, 1)
    assert.match(r.out, /balance assertions: original pass, converted fail/)
  })

  test('a journal a tool rejects: exit 3 and the tool\'s message with its position', async () => {
    const dir = scratch({ 'a.ledger': LEDGER, 'b.journal': LEDGER.replace('    Assets:Bank\n', '    Assets:Bank  1 EUR\n') })
    const r = await verify(['a.ledger', 'b.journal'], dir)
    assert.is(r.code, 3)
    assert.match(r.out, /^CONVERTED_REJECTED: hledger rejects b\.journal: .*b\.journal.* \(lines 6-8\)/m)
    const back = await verify(['b.journal', 'a.ledger', '--from', 'ledger', '--to', 'ledger'], dir)
    assert.is(back.code, 3)
    assert.match(back.out, /^ORIGINAL_REJECTED: ledger rejects b\.journal: .*b\.journal:8: Error: Transaction does not balance$/m)
  })

  test('a missing tool: exit 2 and how to install it; usage errors exit 2', async () => {
    const dir = scratch({ 'a.ledger': LEDGER, 'b.journal': LEDGER })
    const missing = await verify(['a.ledger', 'b.journal', '--hledger-bin', join(dir, 'no-hledger')], dir)
    assert.is(missing.code, 2)
    assert.match(missing.err, /hledger binary .*no-hledger was not found or is not executable; install it \(Debian\/Ubuntu: `sudo apt-get install hledger`/)
    const io = fakeIo({ env: { PATH: dir }, cwd: dir })
    assert.is(await run(['verify', 'a.ledger', 'b.journal'], io), 2)
    assert.match(io.err(), /ledger was not found on PATH; install it/)
    assert.is((await verify(['a.ledger', 'nope.journal'], dir)).code, 2)
    assert.is((await verify(['a.ledger', 'b.journal', '--timeout', '0'], dir)).code, 2)
  })

  test('dialects: from the extension, else the content; a converted file that says nothing is the other dialect', async () => {
    const dir = scratch({ 'a.txt': LEDGER, 'b.txt': LEDGER })
    const r = await verify(['a.txt', 'b.txt'], dir)
    assert.is(r.code, 0)
    assert.match(r.out, /^original {2}a\.txt: ledger /m)
    assert.match(r.out, /^converted b\.txt: hledger /m)
  })

  test('convert --verify: output to stdout verified from a temporary copy that is removed; -o verified in place', async () => {
    const dir = scratch({ 'main.ledger': '--decimal-comma\n2024-01-05 Market\n    Expenses:Food    12,50 EUR\n    Assets:Cash\n' })
    const io = fakeIo({ env: ENV, cwd: dir })
    assert.is(await run(['convert', '--to', 'hledger', 'main.ledger', '--verify', '-q'], io), 0)
    assert.match(io.out(), /12,50 EUR/)
    assert.match(io.err(), /^converted <stdout>: hledger .* read 1 transaction, 2 postings$/m)
    assert.match(io.err(), /^EQUIVALENT: 2 account totals/m)
    assert.equal(readdirSync(dir), ['main.ledger'])
    const io2 = fakeIo({ env: ENV, cwd: dir })
    assert.is(await run(['convert', '--to', 'hledger', 'main.ledger', '-o', 'main.journal', '--verify', '-q'], io2), 0)
    assert.match(io2.out(), /^converted main\.journal: hledger .*\nEQUIVALENT: /m)
    // a tool that cannot be run makes convert --verify exit 2; the output already written stays
    copyFileSync(join(dir, 'main.journal'), join(dir, 'kept.journal'))
    const io3 = fakeIo({ env: ENV, cwd: dir })
    assert.is(await run(['convert', '--to', 'hledger', 'main.ledger', '--verify', '--hledger-bin', join(dir, 'missing')], io3), 2)
    assert.is(readFileSync(join(dir, 'kept.journal'), 'utf8'), readFileSync(join(dir, 'main.journal'), 'utf8'))
  })
}

test.run()
