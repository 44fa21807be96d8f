/**
 * The semantics engine on small journals: what ledger 3.3 and hledger 1.25
 * compute for inference, costs and lots, virtual groups, precision,
 * assertions and assignments, automated transactions, aliases, years and
 * numbers. The expected values are what the tools print (the tools test
 * re-checks the corpus against the binaries).
 */
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import type { Dialect } from '../../src/ast.js'
import { parse } from '../../src/parse/index.js'
import type { ResolvedJournal } from '../../src/semantics/model.js'
import { resolveJournal } from '../../src/semantics/resolve.js'

function resolve(text: string, dialect: Dialect, options: { auto?: boolean } = {}): ResolvedJournal {
  return resolveJournal(parse(text, { dialect }), { dialect, today: '2026-11-22', ...options })
}

/** Per-account totals as `account commodity quantity` lines, sorted. */
function totals(j: ResolvedJournal): string[] {
  const sums = new Map<string, import('decimal.js').Decimal>()
  for (const t of j.transactions) {
    for (const p of t.postings) {
      for (const a of p.amount ?? []) {
        const key = `${p.account} ${a.commodity}`
        const prev = sums.get(key)
        sums.set(key, prev ? prev.plus(a.quantity) : a.quantity)
      }
    }
  }
  return [...sums].filter(([, q]) => !q.isZero()).map(([k, q]) => `${k} ${q.toFixed()}`).sort()
}

function errors(j: ResolvedJournal): string[] {
  return j.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code}: ${d.message}`)
}

test('an elided amount is inferred exactly; several commodities give one amount per commodity', () => {
  for (const dialect of ['ledger', 'hledger'] as const) {
    const j = resolve('2024-01-01 x\n    a  $1.005\n    b  2 EUR\n    c\n', dialect)
    assert.equal(totals(j), ['a $ 1.005', 'b EUR 2', 'c $ -1.005', 'c EUR -2'], dialect)
    assert.equal(errors(j), [])
  }
})

test('an unbalanced entry is an error that says how far off it is', () => {
  const ledger = resolve('2024-01-01 x\n    a  $1.00\n    b  $-0.90\n', 'ledger')
  assert.match(errors(ledger)[0] ?? '', /^balance\/unbalanced: Transaction does not balance.*\$0\.1/)
  assert.is(ledger.diagnostics[0]?.line, 1)
  const hledger = resolve('2024-01-01 x\n    a  $1.00\n    b  $-0.90\n', 'hledger')
  assert.match(errors(hledger)[0] ?? '', /real postings' sum should be 0 but is: \$0\.1/)
})

test('costs: ledger weighs a lot sold at a cost at the lot price; hledger 1.25 at the @ cost', () => {
  const text = '2024-01-01 buy\n    assets  10 AAPL {$100} @ $120\n    cash  $-1000\n'
  assert.equal(errors(resolve(text, 'ledger')), [])
  assert.equal(errors(resolve(text, 'hledger')).length, 1)
  const atCost = '2024-01-01 buy\n    assets  10 AAPL {$100} @ $120\n    cash  $-1200\n'
  assert.equal(errors(resolve(atCost, 'hledger')), [])
  assert.equal(errors(resolve(atCost, 'ledger')).length, 1)
})

test('@ and @@ weigh the same; a total cost takes the sign of the quantity', () => {
  for (const dialect of ['ledger', 'hledger'] as const) {
    const j = resolve('2024-01-01 x\n    a  -2 EUR @@ $3\n    b\n', dialect)
    assert.equal(totals(j), ['a EUR -2', 'b $ 3'], dialect)
  }
})

test('virtual postings: (x) never balances; [x] balances on its own in hledger, with the real ones in ledger', () => {
  const text = '2024-01-01 x\n    a  $10\n    b  $-10\n    (budget)  $-10\n    [c]  $5\n    [d]  $-5\n'
  assert.equal(errors(resolve(text, 'ledger')), [])
  assert.equal(errors(resolve(text, 'hledger')), [])
  const mixed = '2024-01-01 x\n    a  $10\n    [c]  $-10\n'
  assert.equal(errors(resolve(mixed, 'ledger')), [])
  assert.equal(errors(resolve(mixed, 'hledger')).length, 1)
})

test('precision: ledger tolerates what rounds to zero at the entry’s own decimals; hledger uses the journal’s', () => {
  const text = '2024-01-01 x\n    a  $1.001\n    b  $-1.00\n\n2024-01-02 y\n    a  $1\n    b  $-1\n'
  // the remainder $0.001 is zero at neither tool's precision (3 decimals were written)
  assert.equal(errors(resolve(text, 'ledger')).length, 1)
  assert.equal(errors(resolve(text, 'hledger')).length, 1)
})

test('assertions: ledger in file order, hledger in date order', () => {
  const text = '2024-01-02 later\n    a  $1 = $1\n    b\n\n2024-01-01 earlier\n    a  $2\n    b\n'
  assert.equal(errors(resolve(text, 'ledger')), [])
  const h = errors(resolve(text, 'hledger'))
  assert.is(h.length, 1)
  assert.match(h[0] ?? '', /asserted \$1, actual \$3/)
})

test('assertions: ledger leaves virtual postings out of a real posting’s balance; hledger counts them', () => {
  const text = '2024-01-01 x\n    (a)  $5\n\n2024-01-02 y\n    a  $1 = $1\n    b\n'
  assert.equal(errors(resolve(text, 'ledger')), [])
  assert.is(errors(resolve(text, 'hledger')).length, 1)
})

test('= compares one commodity; == wants no other; =* includes subaccounts (hledger)', () => {
  const base = '2024-01-01 x\n    a  $1\n    a  1 EUR\n    a:sub  $2\n    b\n\n'
  assert.equal(errors(resolve(base + '2024-01-02 y\n    a  $0 = $1\n', 'hledger')), [])
  assert.is(errors(resolve(base + '2024-01-02 y\n    a  $0 == $1\n', 'hledger')).length, 1)
  assert.equal(errors(resolve(base + '2024-01-02 y\n    a  $0 =* $3\n', 'hledger')), [])
})

test('ledger: = 0 without a commodity asks every commodity to be zero', () => {
  const text = '2024-01-01 x\n    a  $1\n    a  1 EUR\n    b\n\n2024-01-02 y\n    a  $-1 = 0\n    b\n'
  const e = errors(resolve(text, 'ledger'))
  assert.is(e.length, 1)
  assert.match(e[0] ?? '', /Balance assertion off by/)
})

test('assignments: the amount makes the balance what is asserted (both tools)', () => {
  for (const dialect of ['ledger', 'hledger'] as const) {
    const j = resolve('2024-01-01 x\n    a  $10\n    b\n\n2024-01-02 y\n    a  = $25\n    b\n', dialect)
    assert.equal(totals(j), ['a $ 25', 'b $ -25'], dialect)
  }
})

test('a failed assertion names the position, the expected and the actual balance', () => {
  const j = resolve('2024-01-01 x\n    a  $10 = $11\n    b\n', 'hledger')
  const d = j.diagnostics[0]
  assert.is(d?.code, 'assertion/failed')
  assert.is(d?.line, 2)
  assert.match(d?.message ?? '', /asserted \$11, actual \$10, difference 1/)
})

test('automated transactions: ledger applies a rule to later entries only; hledger to all, with --auto', () => {
  const text = '2024-01-01 before\n    expenses:food  $10\n    cash\n\n= expenses:food\n    (budget)  -1\n\n2024-01-02 after\n    expenses:food  $20\n    cash\n'
  assert.ok(totals(resolve(text, 'ledger')).includes('budget $ -20'))
  // hledger uses a plain amount as written, once per matched posting (no `*`: no multiplying)
  assert.ok(totals(resolve(text, 'hledger', { auto: true })).includes('budget  -2'))
  assert.not.ok(totals(resolve(text, 'hledger')).some((l) => l.startsWith('budget')))
})

test('automated transactions: hledger *N multiplies, ledger multiplies commodity-less amounts and fills $account', () => {
  const h = resolve('= food\n    (tax)  *0.1\n\n2024-01-01 x\n    food  $20\n    cash\n', 'hledger', { auto: true })
  assert.ok(totals(h).includes('tax $ 2'))
  const l = resolve('= food\n    (budget:$account)  0.5\n\n2024-01-01 x\n    food  $20\n    cash\n', 'ledger')
  assert.ok(totals(l).includes('budget:food $ 10'))
})

test('automated transactions: ledger queries (and, not, @payee) and expression amounts', () => {
  const l = resolve('= expenses and not @Landlord\n    (budget)  (amount * -1)\n\n2024-01-01 Shop\n    expenses:food  $20\n    cash\n\n2024-01-02 Landlord\n    expenses:rent  $500\n    cash\n', 'ledger')
  assert.ok(totals(l).includes('budget $ -20'))
})

test('aliases, apply account, year and bucket', () => {
  const ledger = resolve('alias chk=assets:checking\nyear 2023\napply account personal\n01/05 x\n    food  $5\n    chk\nend apply account\nbucket cash\n2024-02-01 y\n    food  $1\n', 'ledger')
  assert.equal(totals(ledger), ['assets:checking $ -5', 'cash $ -1', 'food $ 1', 'personal:food $ 5'])
  assert.is(ledger.transactions[0]?.date, '2023-01-05')
  const hledger = resolve('alias /^chk/=assets:checking\n2024-01-05 x\n    food  $5\n    chk:joint\n', 'hledger')
  assert.ok(totals(hledger).includes('assets:checking:joint $ -5'))
})

test('numbers: ledger’s sticky decimal comma, hledger’s decimal-mark directive, and the ambiguous 1,000', () => {
  const ledger = resolve('2024-01-01 x\n    a  1,50 EUR\n    b\n\n2024-01-02 y\n    a  1.000 EUR\n    b\n', 'ledger')
  assert.ok(totals(ledger).includes('a EUR 1001.5'))
  const hledger = resolve('decimal-mark ,\n2024-01-01 x\n    a  1.000,5 EUR\n    b\n', 'hledger')
  assert.ok(totals(hledger).includes('a EUR 1000.5'))
  // hledger 1.25 reads a lone 1,000 as 1 with a decimal comma (ledger as 1000)
  const ambiguous = '2024-01-01 x\n    a  $1,000\n    b\n'
  assert.ok(totals(resolve(ambiguous, 'hledger')).includes('a $ 1'))
  assert.ok(totals(resolve(ambiguous, 'ledger')).includes('a $ 1000'))
})

test('D: ledger styles only; hledger gives commodity-less amounts the commodity', () => {
  const text = 'D $1,000.00\n\n2024-01-01 x\n    a  5\n    b\n'
  assert.ok(totals(resolve(text, 'hledger')).includes('a $ 5'))
  assert.ok(totals(resolve(text, 'ledger')).includes('a  5'))
})

test('ledger: define, value expressions and assert/check lines', () => {
  const j = resolve('define rate = 0.2\n2024-01-01 x\n    tax  ($100 * rate)\n    cash\n    assert amount == $-20\n', 'ledger')
  assert.ok(totals(j).includes('tax $ 20'))
  assert.equal(errors(j), [])
  const failing = resolve('2024-01-01 x\n    a  $1\n    assert 1 == 0\n    b\n', 'ledger')
  assert.match(errors(failing)[0] ?? '', /Transaction assertion failed: 1 == 0/)
})

test('hledger: P prices set the balancing precision, costs only the display precision', () => {
  // hledger 1.25, observed: `P … USD 7.1472000 CNY` makes a 0.0028 CNY remainder unbalanced;
  // a cost of 7.147224669603524229074889868 CNY does not
  const prices = resolve('P 2024-01-01 EUR $1.0910\n\n2024-01-02 x\n    a  $1.5\n    c\n', 'hledger')
  assert.is(prices.commodities.get('$')?.precision, 4)
  const costs = resolve('2024-01-02 x\n    a  1 EUR @ $1.12345\n    b  $-1.12\n', 'hledger')
  assert.is(costs.commodities.get('$')?.precision, 2)
  assert.is(costs.commodities.get('$')?.displayPrecision, 5)
  assert.equal(costs.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message), [], 'balanced at the posting precision')
})

test.run()
