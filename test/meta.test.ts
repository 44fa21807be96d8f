/**
 * Checks on the code base itself: every source file opens with a header
 * comment, every export has a TSDoc comment, the dialect tables have the same
 * keys, and the printer knows every node type.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { Decimal } from 'decimal.js'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import type { Entry, Journal } from '../src/ast.js'
import { hledgerFacts, ledgerFacts } from '../src/dialect/index.js'
import { print } from '../src/print/index.js'
import { ROOT } from './helpers/paths.js'

function sources(dir: string, ext: RegExp): string[] {
  const out: string[] = []
  for (const name of readdirSync(dir)) {
    const full = join(dir, name)
    if (name === 'generated') continue
    if (statSync(full).isDirectory()) out.push(...sources(full, ext))
    else if (ext.test(name)) out.push(full)
  }
  return out
}

test('every source file starts with a header comment', () => {
  const missing = [...sources(join(ROOT, 'src'), /\.ts$/), ...sources(join(ROOT, 'test'), /\.ts$/)]
    .filter((f) => !/^(#!.*\n)?\/\*\*/.test(readFileSync(f, 'utf8')))
    .map((f) => relative(ROOT, f))
  assert.equal(missing, [])
  const grammar = sources(join(ROOT, 'grammar'), /\.peggy$/).filter((f) => !readFileSync(f, 'utf8').startsWith('//'))
  assert.equal(grammar, [])
})

test('every exported declaration in src/ has a TSDoc comment', () => {
  const missing: string[] = []
  for (const file of sources(join(ROOT, 'src'), /\.ts$/)) {
    const lines = readFileSync(file, 'utf8').split('\n')
    lines.forEach((line, i) => {
      if (!/^export (async )?(function|class|interface|const|let) |^export type [A-Za-z]/.test(line)) return
      let j = i - 1
      while (j >= 0 && /^\s*(\/\/|@)/.test(lines[j] ?? '')) j--
      if (!/\*\/\s*$/.test(lines[j] ?? '')) missing.push(`${relative(ROOT, file)}:${i + 1}: ${line.slice(0, 60)}`)
    })
  }
  assert.equal(missing, [])
})

test('the two dialect tables describe the same directives', () => {
  assert.equal(Object.keys(ledgerFacts.directives).sort(), Object.keys(hledgerFacts.directives).sort())
})

test('the printer prints every node type', () => {
  const amount = { type: 'amount' as const, quantity: new Decimal(1), commodity: '$', side: 'left' as const, quoted: false, raws: {} }
  const entries: Entry[] = [
    { type: 'transaction', date: '2024-01-01', status: '*', description: 'x', children: [
      { type: 'posting', status: '', account: 'a', kind: 'real', amount, raws: {},
        lot: [
          { type: 'lotPrice', per: 'unit', fixated: false, amount, raws: {} },
          { type: 'lotDate', date: '2024-01-01', raws: {} },
          { type: 'lotNote', note: 'n', raws: {} },
          { type: 'lotValueExpr', expr: '1', raws: {} },
        ],
        cost: { type: 'cost', per: 'unit', virtual: false, fixated: false, amount: { type: 'valueExpr', text: '($1)' }, raws: {} },
        assertion: { type: 'assertion', op: '=', amount, raws: {} } },
      { type: 'comment', marker: ';', text: ' c', raws: {} },
      { type: 'opaque', reason: 'check-line', raws: { text: '    check 1' } },
    ], raws: {} },
    { type: 'autoTransaction', query: 'a', children: [], raws: {} },
    { type: 'periodicTransaction', period: 'monthly', children: [], raws: {} },
    { type: 'directive', name: 'account', prefix: '', keyword: 'account', args: 'a', children: [
      { type: 'subdirective', keyword: 'note', args: 'x', raws: {} },
    ], raws: {} },
    { type: 'blockComment', keyword: 'comment', prefix: '', lines: [{ text: 'x', eol: '\n' }], end: { text: 'end comment', eol: '\n' }, raws: { rest: '', eol: '\n' } },
    { type: 'comment', marker: '#', text: ' x', raws: {} },
    { type: 'blank', raws: { text: '' } },
    { type: 'timeclock', code: 'i', datetime: '2024/01/01 09:00:00', account: 'a', raws: {} },
    { type: 'opaque', reason: 'unknown-directive', raws: { text: 'foo bar' } },
  ]
  const journal: Journal = { type: 'journal', dialect: 'ledger', children: entries, raws: {} }
  const text = print(journal)
  for (const part of ['2024/01/01 * x', '$1 {$1} [2024/01/01] (n) ((1)) @ ($1) = $1', '    ; c', '    check 1', '= a', '~ monthly', 'account a', '    note x', 'end comment', '# x', 'i 2024/01/01 09:00:00 a', 'foo bar']) {
    assert.ok(text.includes(part), `missing ${part} in:\n${text}`)
  }
})

test.run()
