/**
 * The fast lane builds exactly what the grammar builds: every corpus and
 * oracle journal, read in both dialects, and generated journals give the
 * same tree and the same diagnostics with and without it. (The fuzz test
 * checks the same on mutated journals.)
 */
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import type { Dialect } from '../src/ast.js'
import { parse } from '../src/parse/index.js'
import { corpusFiles, oracleCases } from './helpers/corpus.js'
import { HAS_ORACLE, SHARED, skipNote } from './helpers/paths.js'
import { firstDifference } from './helpers/same-tree.js'

function difference(text: string, dialect: Dialect): string | undefined {
  const fast = parse(text, { dialect })
  const grammar = parse(text, { dialect, fastLane: false })
  return firstDifference(grammar.journal, fast.journal) ?? firstDifference(grammar.diagnostics, fast.diagnostics, 'diagnostics')
}

function differences(texts: Array<{ name: string; text: string }>): string[] {
  const out: string[] = []
  for (const { name, text } of texts) {
    for (const dialect of ['ledger', 'hledger'] as const) {
      const d = difference(text, dialect)
      if (d) out.push(`${name} (${dialect}): ${d}`)
    }
  }
  return out
}

test('corpus journals: the same tree with and without the fast lane', () => {
  const files = [...corpusFiles('syntax'), ...corpusFiles('invalid')]
  assert.ok(files.length > 100)
  assert.equal(differences(files.map((f) => ({ name: f.name, text: readFileSync(f.path, 'utf8') }))), [])
})

test('oracle journals: the same tree with and without the fast lane', () => {
  if (!HAS_ORACLE) return skipNote('oracle journals', '../shared/oracle is not present')
  const cases = oracleCases()
  assert.equal(differences(cases.map((c) => ({ name: c.id, text: readFileSync(c.path, 'latin1') }))), [])
})

test('generated journals (plain and rich syntax): the same tree with and without the fast lane', () => {
  const generator = join(SHARED, 'bench/gen-journal.py')
  if (!existsSync(generator)) return skipNote('generated journals', '../shared/bench/gen-journal.py is not present')
  for (const flags of [[], ['--rich']]) {
    const text = execFileSync('python3', [generator, '3000', '7', ...flags], { encoding: 'utf8', maxBuffer: 1 << 28 })
    assert.equal(differences([{ name: `gen-journal 3000 7 ${flags.join(' ')}`, text }]), [])
  }
})

test('lines the lane leaves to the grammar still parse the same: lots, expressions, blocks, options', () => {
  const text = [
    '--decimal-comma', '', '2024-01-01 x', '    a  1,5 EUR', '    b', '',
    'comment', '2024-01-02 inside a block', 'end comment', '',
    'python', '', '  x = 1', '2024-01-03 after python', '    a  $1 {$2} @ $3', '    b', '',
    '2024-01-04 ok', '    a  (3 * $2)', '    b', '',
  ].join('\n')
  for (const dialect of ['ledger', 'hledger'] as const) assert.is(difference(text, dialect), undefined)
  const ledger = parse(text, { dialect: 'ledger' })
  const first = ledger.journal.children.find((e) => e.type === 'transaction')
  assert.is(first?.type === 'transaction' && first.children[0]?.type === 'posting' && first.children[0].amount?.type === 'amount' ? first.children[0].amount.quantity.toString() : '', '1.5')
})

test.run()
