/**
 * Printing edited and generated nodes: an edit changes only the edited text,
 * and new nodes follow the journal's house style (date format, indentation,
 * amount alignment, each commodity's number style, line endings).
 */
import { Decimal } from 'decimal.js'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import type { Amount, Posting, Transaction } from '../src/ast.js'
import { amount, blank, comment, posting, transaction } from '../src/build.js'
import { parse } from '../src/parse/index.js'
import { print, printerFor } from '../src/print/index.js'

const JOURNAL = `; house style: slashes, 4-space indent, amounts ending at column 40
2024/01/05 * Grocer
    Expenses:Food              $1,234.50
    Assets:Checking

2024/01/06 Cafe  ; note
    Expenses:Coffee                $3.20
    Assets:Cash
`

test('an unedited tree prints byte for byte', () => {
  const { journal } = parse(JOURNAL, { dialect: 'ledger' })
  assert.is(print(journal), JOURNAL)
})

test('editing a date reprints only the date, in the house style', () => {
  const { journal } = parse(JOURNAL, { dialect: 'ledger' })
  const t = journal.children.find((e): e is Transaction => e.type === 'transaction') as Transaction
  t.date = '2024-02-29'
  assert.is(print(journal), JOURNAL.replace('2024/01/05 * Grocer', '2024/02/29 * Grocer'))
})

test('editing an amount renders it in the commodity style and keeps the gap before it', () => {
  const { journal } = parse(JOURNAL, { dialect: 'ledger' })
  const t = journal.children.find((e): e is Transaction => e.type === 'transaction') as Transaction
  const p = t.children[0] as Posting
  ;(p.amount as Amount).quantity = new Decimal('98765.4')
  assert.is(print(journal), JOURNAL.replace('$1,234.50', '$98,765.40'))
})

test('an equal value keeps the text as written', () => {
  const { journal } = parse(JOURNAL, { dialect: 'ledger' })
  const t = journal.children.find((e): e is Transaction => e.type === 'transaction') as Transaction
  const a = (t.children[0] as Posting).amount as Amount
  a.quantity = new Decimal('1234.5')
  assert.is(print(journal), JOURNAL)
})

test('a generated posting is indented and aligned like the others', () => {
  const { journal } = parse(JOURNAL, { dialect: 'ledger' })
  const t = journal.children.filter((e): e is Transaction => e.type === 'transaction')[1] as Transaction
  t.children.splice(1, 0, posting('Expenses:Tips', amount('0.5', '$')))
  const lines = print(journal).split('\n')
  assert.is(lines[7], '    Expenses:Tips                  $0.50')
  assert.is(lines[7]?.length, lines[6]?.length)
})

test('a generated transaction follows the date style, with blank line and comment', () => {
  const { journal } = parse(JOURNAL, { dialect: 'ledger' })
  journal.children.push(blank(), transaction({
    date: '2024-01-07', description: 'Bakery', status: '*', comment: comment('tags: x'),
    postings: [posting('Expenses:Food', amount('12', '$')), posting('Assets:Cash')],
  }))
  assert.is(print(journal), JOURNAL + `
2024/01/07 * Bakery  ; tags: x
    Expenses:Food                 $12.00
    Assets:Cash
`)
})

test('generated lines use the journal line ending', () => {
  const crlf = JOURNAL.replace(/\n/g, '\r\n')
  const { journal } = parse(crlf, { dialect: 'hledger' })
  journal.children.push(blank())
  assert.is(print(journal), crlf + '\r\n')
})

test('new commodities get a sensible default style', () => {
  const { journal } = parse('2024-01-01 x\n  a  1 EUR\n  b\n', { dialect: 'hledger' })
  const t = journal.children[0] as Transaction
  t.children.push(posting('c', amount('-2.5', 'EUR')), posting('d', amount('7', 'VT 500')))
  const out = print(journal)
  assert.match(out, /\n {2}c {2,}-2\.5 EUR\n/)
  assert.match(out, /\n {2}d {2,}7 "VT 500"\n/)
})

test('renaming an account keeps the amount in its column', () => {
  const { journal } = parse(JOURNAL, { dialect: 'ledger' })
  const t = journal.children.find((e): e is Transaction => e.type === 'transaction') as Transaction
  ;(t.children[0] as Posting).account = 'Expenses:Groceries'
  ;(t.children[1] as Posting).account = 'Assets:Bank:Checking'
  assert.is(print(journal), JOURNAL
    .replace('    Expenses:Food              $1,234.50', '    Expenses:Groceries         $1,234.50')
    .replace('    Assets:Checking\n', '    Assets:Bank:Checking\n'))
})

test('printing in small chunks gives the same text', () => {
  const { journal } = parse(JOURNAL.repeat(50), { dialect: 'ledger' })
  const chunks: string[] = []
  printerFor('ledger').printTo(journal, (c) => chunks.push(c), 100)
  assert.ok(chunks.length > 10)
  assert.is(chunks.join(''), JOURNAL.repeat(50))
})

test.run()
