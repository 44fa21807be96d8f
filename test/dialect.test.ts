/**
 * Choosing the dialect: --from, then the extension, then telltale content.
 */
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { detectDialect, dialectOfExtension } from '../src/dialect/index.js'

test('extensions', () => {
  for (const f of ['a.ledger', 'b.dat', 'c.ldg']) assert.is(dialectOfExtension(f), 'ledger')
  for (const f of ['a.journal', 'b.j', 'c.hledger']) assert.is(dialectOfExtension(f), 'hledger')
  assert.is(dialectOfExtension('notes.txt'), undefined)
})

test('an explicit choice wins over the extension', () => {
  assert.equal(detectDialect('', 'x.journal', 'ledger'), { dialect: 'ledger', reason: 'option' })
  assert.equal(detectDialect('', 'x.journal'), { dialect: 'hledger', reason: 'extension' })
})

test('content decides for unknown extensions', () => {
  assert.equal(detectDialect('test bal\nend test\n', 'x.test'), { dialect: 'ledger', reason: 'content' })
  assert.equal(detectDialect('2024-01-01 x\n  a  1 == 1\n  b\n', 'x.txt'), { dialect: 'hledger', reason: 'content' })
  assert.equal(detectDialect('decimal-mark ,\n', undefined), { dialect: 'hledger', reason: 'content' })
  assert.equal(detectDialect('2024/01/01 x\n  a  ($1 / 3)\n  b\n', undefined), { dialect: 'ledger', reason: 'content' })
  assert.equal(detectDialect('2024-01-01 x\n  a  1\n  b\n', undefined), { dialect: 'ledger', reason: 'default' })
})

test.run()
