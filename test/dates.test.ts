/**
 * Date reading and formatting in both dialects.
 */
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { formatDate, readDate } from '../src/dates.js'

test('both dialects read Y/M/D with any separator', () => {
  for (const d of ['ledger', 'hledger'] as const) {
    assert.equal(readDate('2024/1/5', d), { value: '2024-01-05' })
    assert.equal(readDate('2024-01-05', d), { value: '2024-01-05' })
    assert.equal(readDate('2024.01.05', d), { value: '2024-01-05' })
    assert.equal(readDate('1/5', d), { value: '01-05' })
  }
})

test('invalid calendar dates are errors', () => {
  assert.ok(readDate('2024-13-01', 'ledger').error)
  assert.ok(readDate('2023-02-29', 'hledger').error)
  assert.not.ok(readDate('2024-02-29', 'hledger').error)
  assert.ok(readDate('2024-01-32', 'ledger').error)
})

test('ledger takes years 1400..9999 and reads YYYY/MM as the first of the month', () => {
  assert.ok(readDate('24/01/05', 'ledger').error)
  assert.ok(readDate('0024/01/05', 'ledger').error)
  assert.is(readDate('2024/1', 'ledger').value, '2024-01-01')
})

test('hledger wants a four-digit year', () => {
  assert.ok(readDate('24-01-05', 'hledger').error)
  assert.is(readDate('12024-01-05', 'hledger').value, '12024-01-05')
})

test('hledger wants one separator throughout', () => {
  assert.ok(readDate('2024/01-05', 'hledger').error)
  assert.not.ok(readDate('2024/01-05', 'ledger').error)
})

test('formatDate renders the house style', () => {
  assert.is(formatDate('2024-01-05', { separator: '/', pad: true }), '2024/01/05')
  assert.is(formatDate('2024-01-05', { separator: '-', pad: false }), '2024-1-5')
  assert.is(formatDate('01-05', { separator: '/', pad: true }), '01/05')
})

test.run()
