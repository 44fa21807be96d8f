/**
 * Number reading: each dialect's context-free rules (dialects.md §2.F and the
 * facts observed with ledger 3.3 and hledger 1.25).
 */
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { readLedgerQuantity, readNumber } from '../src/numbers.js'

const ledger = (text: string): string => {
  const r = readNumber(text, 'ledger')
  return r.error ? `error: ${r.error}` : r.value.toString()
}
const hledger = (text: string): string => {
  const r = readNumber(text, 'hledger')
  return r.error ? `error: ${r.error}` : r.value.toString()
}

test('ledger reads commas by their distance from the right', () => {
  assert.is(ledger('1,000'), '1000')
  assert.is(ledger('1,5'), '1.5')
  assert.is(ledger('1,50'), '1.5')
  assert.is(ledger('10,00'), '10')
  assert.is(ledger('1,0000'), '1')
  assert.is(ledger('1,000.5'), '1000.5')
  assert.is(ledger('1.000,5'), '1000.5')
  assert.is(ledger('1,000,000'), '1000000')
  assert.is(ledger('1.000.000,00'), '1000000')
  assert.is(ledger('.5'), '0.5')
})

test('ledger rejects what 3.3 rejects', () => {
  assert.is(ledger('1.000.000'), 'error: Too many periods in amount')
  assert.is(ledger('1,00,000.00'), 'error: Incorrect use of thousand-mark comma')
})

test('ledger decimal comma style makes periods group thousands', () => {
  const r = readLedgerQuantity('1.500', true)
  assert.is(r.value.toString(), '1500')
  assert.is(r.groupMark, '.')
  const first = readLedgerQuantity('1,5', false)
  assert.ok(first.setsDecimalComma)
  assert.is(readLedgerQuantity('1.500', false).value.toString(), '1.5')
})

test('ledger precision is the digits after the decimal mark', () => {
  assert.is(readNumber('1,234.50', 'ledger').precision, 2)
  assert.is(readNumber('12', 'ledger').precision, 0)
})

test('hledger: one mark once is a decimal mark, repeated marks group digits', () => {
  assert.is(hledger('1,000'), '1')
  assert.is(hledger('1.000'), '1')
  assert.ok(readNumber('1,000', 'hledger').ambiguous)
  assert.is(hledger('1,000.50'), '1000.5')
  assert.is(hledger('1.000,50'), '1000.5')
  assert.is(hledger('1.000.000'), '1000000')
  assert.is(hledger('1,00,000.00'), '100000')
  assert.is(hledger('1 000'), '1000')
  assert.is(hledger('1 000,50'), '1000.5')
  assert.is(hledger('.5'), '0.5')
  assert.is(hledger('1.'), '1')
  assert.is(hledger('1,000.'), '1000')
})

test('hledger exponents', () => {
  assert.is(hledger('1E3'), '1000')
  assert.is(hledger('1.5E-2'), '0.015')
  assert.is(hledger('1E+2'), '100')
  assert.is(readNumber('1.5E-2', 'hledger').precision, 3)
})

test('hledger rejects mixed separators used twice', () => {
  assert.match(hledger('1.000,000.5'), /^error/)
})

test('plain numbers take the fast path in both dialects', () => {
  for (const d of ['ledger', 'hledger'] as const) {
    assert.is(readNumber('1234.56', d).value.toString(), '1234.56')
    assert.is(readNumber('1234.56', d).precision, 2)
    assert.is(readNumber('0', d).value.toString(), '0')
  }
})

test.run()
