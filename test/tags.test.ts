/**
 * Tags derived from comment text, as each tool reads them (dialects.md §2.C).
 */
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { bracketDatesOf, tagsOf } from '../src/tags.js'

test(':a:b: is two valueless tags in ledger, one odd tag in hledger', () => {
  assert.equal(tagsOf(' :alpha:beta:', 'ledger'), [{ name: 'alpha', value: '' }, { name: 'beta', value: '' }])
  assert.equal(tagsOf(' :alpha:beta:', 'hledger'), [{ name: 'alpha', value: 'beta:' }])
})

test('comma-separated tags: one value in ledger, two tags in hledger', () => {
  assert.equal(tagsOf(' k1: v1, k2: v2', 'ledger'), [{ name: 'k1', value: 'v1, k2: v2' }])
  assert.equal(tagsOf(' k1: v1, k2: v2', 'hledger'), [{ name: 'k1', value: 'v1' }, { name: 'k2', value: 'v2' }])
})

test('a tag that is not the first word is a tag only for hledger', () => {
  assert.equal(tagsOf(' some text k3: v3', 'ledger'), [])
  assert.equal(tagsOf(' some text k3: v3', 'hledger'), [{ name: 'k3', value: 'v3' }])
  assert.equal(tagsOf(' k4:value', 'ledger'), [])
  assert.equal(tagsOf(' k4:value', 'hledger'), [{ name: 'k4', value: 'value' }])
})

test('typed metadata k:: v is ledger\'s', () => {
  assert.equal(tagsOf(' k5:: 42', 'ledger'), [{ name: 'k5', value: '42', typed: true }])
  assert.equal(tagsOf(' k5:: 42', 'hledger'), [{ name: 'k5', value: ': 42' }])
})

test('the portable form reads the same in both', () => {
  for (const d of ['ledger', 'hledger'] as const) assert.equal(tagsOf(' project: alpha', d), [{ name: 'project', value: 'alpha' }])
})

test('bracketed dates: ledger ignores them on a line with a colon', () => {
  assert.equal(bracketDatesOf(' [2001-01-05]', 'ledger').map((d) => d.date), ['2001-01-05'])
  assert.equal(bracketDatesOf(' [=2001-01-06]', 'hledger').map((d) => d.auxDate), ['2001-01-06'])
  assert.equal(bracketDatesOf(' [2001-01-09] note: with colon', 'ledger'), [])
  assert.equal(bracketDatesOf(' [2001-01-09] note: with colon', 'hledger').map((d) => d.date), ['2001-01-09'])
  assert.equal(bracketDatesOf(' [2001-01-07=2001-01-08]', 'ledger').map((d) => [d.date, d.auxDate]), [['2001-01-07', '2001-01-08']])
})

test.run()
