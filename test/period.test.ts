/**
 * Period expression words each tool reads.
 */
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { badPeriodWord, hledgerPeriodStartProblem } from '../src/period.js'

test('common period expressions read in both dialects', () => {
  for (const p of ['monthly', 'every 2 weeks from 2024-01-01', 'yearly to 2025', 'weekly until 2024/06/01', 'every month in 2024']) {
    assert.is(badPeriodWord(p, 'ledger'), undefined, p)
    assert.is(badPeriodWord(p, 'hledger'), undefined, p)
  }
})

test('a description after the period is a bad word', () => {
  assert.is(badPeriodWord('monthly  Rent', 'ledger'), 'Rent')
  assert.is(badPeriodWord('monthly Rent', 'hledger'), 'Rent')
})

test('ordinals and quarters are hledger\'s', () => {
  assert.is(badPeriodWord('every 31st day from 2024-07', 'hledger'), undefined)
  assert.is(badPeriodWord('every 31st day from 2024-07', 'ledger'), '31st')
})

test('ledger stops reading after a leading number, in or a month (observed)', () => {
  assert.is(badPeriodWord('15 forecast', 'ledger'), undefined)
  assert.is(badPeriodWord('jan x', 'ledger'), undefined)
})

test('since and annually are ledger\'s; hledger reads until only without from (observed)', () => {
  assert.is(badPeriodWord('weekly since 2024/01/01', 'ledger'), undefined)
  assert.is(badPeriodWord('weekly since 2024/01/01', 'hledger'), 'since')
  assert.is(badPeriodWord('annually', 'hledger'), 'annually')
  assert.is(badPeriodWord('monthly from 2024/01/01 until 2024/06/01', 'hledger'), 'until')
  assert.is(badPeriodWord('monthly from 2024/01/01 until 2024/06/01', 'ledger'), undefined)
})

test('hledger 1.25 wants a from date on the interval boundary (observed)', () => {
  assert.is(hledgerPeriodStartProblem('monthly from 2024-01-01'), undefined)
  assert.match(hledgerPeriodStartProblem('every 1 months from 2023-01-15') ?? '', 'is not a first day of the Month')
  assert.match(hledgerPeriodStartProblem('biweekly from 2010/02/23') ?? '', '2010-02-23 is not a first day of the Week')
  assert.is(hledgerPeriodStartProblem('every 2 weeks from 2010/02/22'), undefined)
  assert.is(hledgerPeriodStartProblem('every 2nd day of month from 2010/02/23'), undefined)
})

test.run()
