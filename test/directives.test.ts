/**
 * Typed views of directive arguments.
 */
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import type { Directive } from '../src/ast.js'
import { aliasArgs, priceArgs, readAmountArg, yearArg } from '../src/directives.js'
import { parse } from '../src/parse/index.js'

function directive(text: string, dialect: 'ledger' | 'hledger'): Directive {
  return parse(text, { dialect }).journal.children[0] as Directive
}

test('P directives: date, optional time, symbol, price', () => {
  const p = priceArgs(directive('P 2024/01/05 12:00:00 EUR $1.10\n', 'ledger'), 'ledger')
  assert.is(p.date, '2024-01-05')
  assert.is(p.time, '12:00:00')
  assert.is(p.commodity, 'EUR')
  assert.is(p.price?.quantity.toString(), '1.1')
  assert.is(p.price?.commodity, '$')
  assert.ok(priceArgs(directive('P 2024-01-05 "VT 500" 10 USD\n', 'hledger'), 'hledger').commodity === 'VT 500')
  assert.ok(priceArgs(directive('P 2024/01/05 EUR\n', 'ledger'), 'ledger').error)
})

test('ledger wants HH:MM:SS in P', () => {
  assert.match(priceArgs(directive('P 2024/01/05 12:00 EUR $1\n', 'ledger'), 'ledger').error ?? '', /HH:MM:SS/)
})

test('amount arguments read in the dialect, with the rest kept', () => {
  const a = readAmountArg('1.000,00 EUR  ; note', 'hledger')
  assert.is(a.amount?.quantity.toString(), '1000')
  assert.is(a.rest, '  ; note')
  assert.ok(readAmountArg('foo', 'ledger').error)
})

test('years per dialect', () => {
  assert.equal(yearArg(directive('Y 2024\n', 'ledger'), 'ledger'), { year: 2024 })
  assert.ok(yearArg(directive('Y 99\n', 'ledger'), 'ledger').error)
  assert.ok(yearArg(directive('Y 999\n', 'hledger'), 'hledger').error)
  assert.equal(yearArg(directive('apply year 2020\n', 'ledger'), 'ledger'), { year: 2020 })
})

test('alias sides, plain and regex', () => {
  assert.equal(aliasArgs(directive('alias food = expenses:food\n', 'ledger')), { from: 'food', to: 'expenses:food', regex: false })
  assert.equal(aliasArgs(directive('alias /^f(.*)/ = expenses:f\\1\n', 'hledger')), { from: '/^f(.*)/', to: 'expenses:f\\1', regex: true })
})

test.run()
