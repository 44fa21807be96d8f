/**
 * Lossless printing: print(parse(x)) === x for every corpus file, in each of
 * its dialects, and for its CRLF and byte-order-mark variants; and, when
 * ../shared is present, for every journal of the oracle corpus that a tool
 * accepts (parsed in that tool's dialect).
 */
import { readFileSync } from 'node:fs'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import type { Dialect } from '../src/ast.js'
import { parse } from '../src/parse/index.js'
import { print } from '../src/print/index.js'
import { corpusFiles, oracleCases } from './helpers/corpus.js'
import { HAS_ORACLE, skipNote } from './helpers/paths.js'

function roundTrips(text: string, dialect: Dialect): boolean {
  return print(parse(text, { dialect }).journal) === text
}

const files = [...corpusFiles('syntax'), ...corpusFiles('invalid')]
for (const file of files) {
  test(`round trip: ${file.name}`, () => {
    const text = readFileSync(file.path, 'utf8')
    for (const dialect of ['ledger', 'hledger'] as const) {
      assert.ok(roundTrips(text, dialect), `${dialect}: printed text differs`)
      assert.ok(roundTrips(text.replace(/\r?\n/g, '\r\n'), dialect), `${dialect}: CRLF variant differs`)
      assert.ok(roundTrips('\uFEFF' + text, dialect), `${dialect}: BOM variant differs`)
      assert.ok(roundTrips('\uFEFF' + text.replace(/\r?\n/g, '\r\n'), dialect), `${dialect}: BOM+CRLF variant differs`)
    }
  })
}

test('the CRLF variant keeps its structure: same entries as with LF', () => {
  const file = corpusFiles('syntax/common').find((f) => f.name.includes('hdr-')) as { path: string }
  const text = readFileSync(file.path, 'utf8')
  const lf = parse(text, { dialect: 'hledger' }).journal.children.map((e) => e.type)
  const crlf = parse(text.replace(/\r?\n/g, '\r\n'), { dialect: 'hledger' }).journal.children.map((e) => e.type)
  assert.equal(crlf, lf)
})

if (HAS_ORACLE) {
  test('round trip: every oracle journal a tool accepts, in its dialect', () => {
    let checked = 0
    const failures: string[] = []
    for (const c of oracleCases()) {
      const dialects: Dialect[] = [...(c.ledgerOk ? ['ledger' as const] : []), ...(c.hledgerOk ? ['hledger' as const] : [])]
      if (dialects.length === 0) continue
      const text = readFileSync(c.path, 'utf8')
      for (const dialect of dialects) {
        checked++
        if (!roundTrips(text, dialect)) failures.push(`${dialect} ${c.id}`)
      }
    }
    assert.ok(checked > 5000, `only ${checked} oracle cases found`)
    assert.equal(failures, [])
  })
} else {
  skipNote('the oracle round trip', '../shared/oracle is not present')
}

test.run()
