/**
 * The library API: loading journals (text and files with includes),
 * iterating transactions and postings, balances and registers selected by
 * queries, dates and plain predicates, and posting rules.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { loadJournal, loadJournalText, SelectionError } from '../../src/index.js'

const TEXT = `2024-01-05 Grocer
    expenses:food  $40.00
    assets:checking

2024-02-01 Landlord
    expenses:rent  $900
    assets:checking
`

test('load text, iterate transactions and postings', () => {
  const book = loadJournalText(TEXT, { from: 'hledger' })
  assert.is(book.ok, true)
  assert.is(book.dialect, 'hledger')
  assert.equal([...book.transactions()].map((t) => t.payee), ['Grocer', 'Landlord'])
  const inferred = [...book.postings({ query: 'checking' })].map(({ posting }) => posting.amount?.[0]?.quantity.toFixed())
  assert.equal(inferred, ['-40', '-900'])
})

test('balance with a query, a period, depth and a predicate', () => {
  const book = loadJournalText(TEXT, { from: 'hledger' })
  const byQuery = book.balance({ query: ['expenses'] })
  assert.equal(byQuery.rows.map((r) => r.account), ['expenses:food', 'expenses:rent'])
  assert.equal(book.balance({ period: '2024-02' }).rows.map((r) => r.account), ['assets:checking', 'expenses:rent'])
  assert.equal(book.balance({ depth: 1 }).rows.map((r) => r.account), ['assets', 'expenses'])
  const big = book.balance({ filter: (p) => (p.amount?.[0]?.quantity.abs().greaterThan(100) ?? false) })
  assert.equal(big.rows.map((r) => r.account), ['assets:checking', 'expenses:rent'])
})

test('register with an interval, and ledger semantics on the same text', () => {
  const book = loadJournalText(TEXT, { from: 'hledger' })
  assert.is(book.register({ interval: 'monthly' }).length, 4)
  const ledger = loadJournalText(TEXT, { from: 'hledger', dialect: 'ledger' })
  assert.is(ledger.dialect, 'ledger')
  assert.is(ledger.register().length, 4)
})

test('posting rules add generated postings, and warn when they do not balance', () => {
  const book = loadJournalText(TEXT, {
    from: 'hledger',
    rules: [(t) => (t.postings.some((p) => p.account === 'expenses:food') ? [{ account: 'budget:food', amount: { commodity: '$', quantity: t.postings[0]!.amount![0]!.quantity.negated() }, kind: 'virtual' }] : undefined)],
  })
  const food = book.balance({ query: 'budget' })
  assert.is(food.rows[0]?.amounts[0]?.quantity.toFixed(), '-40')
  assert.is([...book.postings({ query: 'budget' })][0]?.posting.generated, 'rule')
  assert.equal(book.diagnostics, [])
  const unbalanced = loadJournalText(TEXT, { from: 'hledger', rules: [() => [{ account: 'x', amount: { commodity: '$', quantity: loadJournalText(TEXT).transactions().next().value!.postings[0]!.amount![0]!.quantity } }]] })
  assert.is(unbalanced.diagnostics[0]?.code, 'rule/unbalanced')
})

test('a bad query or date is a SelectionError that says what to write', () => {
  const book = loadJournalText(TEXT, { from: 'hledger' })
  assert.throws(() => book.balance({ begin: 'soon' }), (e: unknown) => e instanceof SelectionError && /write 2024/.test(e.message))
})

test('load a file with its includes; errors are diagnostics with positions', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ptabridge-book-'))
  try {
    writeFileSync(join(dir, 'main.journal'), 'include sub.journal\n\n2024-01-01 x\n    a  $1\n    b  $-2\n')
    writeFileSync(join(dir, 'sub.journal'), '2024-01-01 y\n    c  $5\n    d\n')
    const book = loadJournal(join(dir, 'main.journal'))
    assert.is(book.parsed.files.length, 2)
    assert.is(book.ok, false)
    assert.is(book.diagnostics[0]?.code, 'balance/unbalanced')
    assert.is(book.diagnostics[0]?.line, 3)
    assert.ok(book.accounts().includes('c'))
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})

test.run()
