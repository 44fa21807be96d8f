/**
 * Reports on resolved journals: balance (flat, tree, depth, declared order),
 * register (running total, intervals), lists, periods, query filters and
 * rendering.
 */
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import type { Dialect } from '../../src/ast.js'
import { parse } from '../../src/parse/index.js'
import { balanceReport } from '../../src/reports/balance.js'
import { AmountFormatter } from '../../src/reports/format.js'
import { accountsReport, commoditiesReport, payeesReport, statsReport } from '../../src/reports/lists.js'
import { dateSpan, intervalEnd, intervalStart, parsePeriod } from '../../src/reports/period.js'
import { readReportQuery } from '../../src/reports/query-filter.js'
import { registerReport } from '../../src/reports/register.js'
import { balanceCsv, balanceJson, balanceText, registerCsv, registerText } from '../../src/reports/render.js'
import { resolveJournal } from '../../src/semantics/resolve.js'

const JOURNAL = `account expenses:rent
account assets

2024-01-05 Grocer | weekly shop
    expenses:food  $40.00  ; kind: groceries
    assets:checking

2024-01-20 Landlord
    expenses:rent  $900
    assets:checking

2024-02-03 Grocer
    expenses:food  $35.50
    assets:cash
`

function resolved(dialect: Dialect = 'hledger') {
  return resolveJournal(parse(JOURNAL, { dialect }), { dialect, today: '2026-11-22' })
}

test('balance, flat: declared accounts first (hledger), exclusive totals, the grand total', () => {
  const r = balanceReport(resolved(), { declared: ['expenses:rent', 'assets'] })
  // (as hledger 1.25 orders them: declared accounts first at each level, so assets, then expenses:rent)
  assert.equal(r.rows.map((x) => x.account), ['assets:cash', 'assets:checking', 'expenses:rent', 'expenses:food'])
  assert.equal(r.total, [])
})

test('balance, tree: parents with subaccount totals, alphabetical (ledger), folded single children', () => {
  const r = balanceReport(resolved('ledger'), { tree: true })
  assert.equal(r.rows.map((x) => `${'  '.repeat(x.indent)}${x.label} ${x.amounts.map((a) => a.quantity.toFixed()).join(',')}`), [
    'assets -975.5', '  cash -35.5', '  checking -940', 'expenses 975.5', '  food 75.5', '  rent 900',
  ])
})

test('balance, depth: deeper accounts summed into their ancestor', () => {
  const r = balanceReport(resolved(), { depth: 1 })
  assert.equal(r.rows.map((x) => `${x.account} ${x.amounts[0]?.quantity.toFixed()}`), ['assets -975.5', 'expenses 975.5'])
})

test('balance text is laid out as the tools lay it out', () => {
  const j = resolved('ledger')
  const text = balanceText(balanceReport(j, { tree: true }), new AmountFormatter(j), { dialect: 'ledger' })
  assert.is(text, [
    '            $-975.50  assets', '             $-35.50    cash', '            $-940.00    checking',
    '             $975.50  expenses', '              $75.50    food', '             $900.00    rent',
    '--------------------', '                   0', '',
  ].join('\n'))
})

test('balance CSV and JSON carry exact quantities', () => {
  const r = balanceReport(resolved(), {})
  assert.match(balanceCsv(r), /^account,commodity,quantity\nassets:cash,\$,-35\.5\n/)
  const json = balanceJson(r) as { rows: Array<{ account: string; amounts: Array<{ quantity: string }> }> }
  assert.is(json.rows[0]?.amounts[0]?.quantity, '-35.5')
})

test('register: date order, running total; monthly groups per account', () => {
  const rows = registerReport(resolved(), {})
  assert.is(rows.length, 6)
  assert.equal(rows.map((r) => r.total.map((a) => a.quantity.toFixed()).join(',')), ['40', '', '900', '', '35.5', ''])
  const monthly = registerReport(resolved(), { interval: 'monthly' })
  assert.equal(monthly.map((r) => `${r.date} ${r.account} ${r.amounts[0]?.quantity.toFixed()}`), [
    '2024-01-01 assets:checking -940', '2024-01-01 expenses:food 40', '2024-01-01 expenses:rent 900',
    '2024-02-01 assets:cash -35.5', '2024-02-01 expenses:food 35.5',
  ])
  const j = resolved()
  assert.match(registerText(rows, new AmountFormatter(j)), /^2024-01-05 Grocer \| weekly s\.\.  expenses:food +\$40\.00 +\$40\.00\n/)
  assert.match(registerCsv(rows), /^date,description,account,commodity,quantity\n2024-01-05,Grocer \| weekly shop,expenses:food,\$,40\n/)
})

test('queries: hledger terms and ledger expressions, with each dialect’s payee and note', () => {
  const j = resolved()
  const count = (words: string[], syntax: 'hledger' | 'ledger' = 'hledger'): number => {
    const q = readReportQuery(words, syntax, j.dialect)
    return j.transactions.flatMap((t) => t.postings.filter((p) => q.filter(p, t))).length
  }
  assert.is(count(['food']), 2)
  assert.is(count(['payee:grocer']), 4)
  assert.is(count(['note:weekly']), 2)
  assert.is(count(['tag:kind=groceries']), 1)
  assert.is(count(['amt:>100']), 2) // without a sign, hledger compares magnitudes
  assert.is(count(['amt:>+100']), 1)
  assert.is(count(['date:2024-02']), 2)
  assert.is(count(['not:expenses']), 3)
  assert.is(count(['expenses', 'and', 'not', '@Landlord'], 'ledger'), 2)
  assert.is(readReportQuery(['depth:1'], 'hledger', 'hledger').depth, 1)
  assert.equal(readReportQuery(['date:2024'], 'hledger', 'hledger').range, { begin: '2024-01-01', end: '2025-01-01' })
})

test('periods: -b/-e dates, -p expressions with intervals', () => {
  assert.equal(dateSpan('2024-03'), { begin: '2024-03-01', end: '2024-04-01' })
  assert.equal(parsePeriod('monthly in 2024'), { range: { begin: '2024-01-01', end: '2025-01-01' }, interval: 'monthly' })
  assert.equal(parsePeriod('2024q2'), { range: { begin: '2024-04-01', end: '2024-07-01' } })
  assert.ok('error' in parsePeriod('next tuesday'))
  assert.is(intervalStart('2024-05-17', 'quarterly'), '2024-04-01')
  assert.is(intervalStart('2024-05-17', 'weekly'), '2024-05-13')
  assert.is(intervalEnd('2024-12-01', 'monthly'), '2025-01-01')
})

test('lists and stats', () => {
  const j = resolved()
  assert.equal(accountsReport(j), ['assets', 'assets:cash', 'assets:checking', 'expenses:food', 'expenses:rent'])
  assert.equal(payeesReport(j), ['Grocer', 'Landlord'])
  assert.equal(commoditiesReport(j), ['$'])
  const stats = statsReport(j)
  assert.equal([stats.transactions, stats.postings, stats.firstDate, stats.lastDate], [3, 6, '2024-01-05', '2024-02-03'])
})

test('amount formatting: the style first written, the sign after a left symbol, ledger units shown in the largest', () => {
  const j = resolveJournal(parse('C 1.00 KB = 1024 B\n2024-01-01 x\n    a  2048 B\n    b\n', { dialect: 'ledger' }), { dialect: 'ledger' })
  assert.is(new AmountFormatter(j).format({ commodity: 'B', quantity: j.transactions[0]?.postings[0]?.amount?.[0]?.quantity as never }), '2.00 KB')
  const h = resolved()
  assert.is(new AmountFormatter(h).format({ commodity: '$', quantity: h.transactions[1]?.postings[1]?.amount?.[0]?.quantity as never }), '$-900.00')
})

test.run()
