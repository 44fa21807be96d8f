/**
 * The corpus against the parser: every syntax file parses with no error in
 * the dialects its folder names and matches its golden tree
 * (`<file>.ast.json`); every invalid file gets an error on the line its
 * `; expect:` header names, and matches its golden diagnostics (`.diag.txt`).
 */
import { readFileSync } from 'node:fs'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import type { Dialect } from '../src/ast.js'
import { formatDiagnostic } from '../src/diagnostic.js'
import { parse } from '../src/parse/index.js'
import { corpusFiles } from './helpers/corpus.js'
import { golden } from './helpers/golden.js'

const syntax = [...corpusFiles('syntax/common'), ...corpusFiles('syntax/ledger'), ...corpusFiles('syntax/hledger')]

test('the corpus has files for every folder', () => {
  for (const folder of ['syntax/common', 'syntax/ledger', 'syntax/hledger', 'invalid']) {
    assert.ok(corpusFiles(folder).length >= 10, `${folder} has too few files`)
  }
})

for (const file of syntax) {
  const dialects: Dialect[] = file.name.startsWith('syntax/common/') ? ['ledger', 'hledger'] : [file.dialect]
  test(`syntax: ${file.name}`, () => {
    const text = readFileSync(file.path, 'utf8')
    for (const dialect of dialects) {
      const { diagnostics } = parse(text, { dialect, file: file.name })
      const problems = diagnostics.filter((d) => d.severity !== 'info')
      assert.equal(problems.map((d) => formatDiagnostic(d)), [], `${dialect} reported problems`)
    }
    const { journal } = parse(text, { dialect: file.dialect, file: file.name })
    golden(`${file.path}.ast.json`, JSON.stringify(journal, null, 2) + '\n')
  })
}

for (const file of corpusFiles('invalid')) {
  test(`invalid: ${file.name}`, () => {
    const text = readFileSync(file.path, 'utf8')
    const expectLine = /^; expect: .*\(line (\d+)\)/.exec(text)
    assert.ok(expectLine, 'the first line must be "; expect: … (line N)"')
    const { ok, diagnostics } = parse(text, { dialect: file.dialect, file: file.name })
    assert.is(ok, false, 'expected an error')
    const errors = diagnostics.filter((d) => d.severity === 'error')
    assert.ok(errors.some((d) => d.line === Number(expectLine[1])), `no error on line ${expectLine[1]}: ${errors.map((d) => formatDiagnostic(d)).join('; ')}`)
    for (const d of diagnostics) {
      assert.ok(d.line !== undefined && d.column !== undefined && d.line >= 1 && d.column >= 1, 'every diagnostic has a position')
    }
    golden(`${file.path}.diag.txt`, diagnostics.map((d) => formatDiagnostic(d)).join('\n') + '\n')
  })
}

test.run()
