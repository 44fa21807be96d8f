/**
 * The 147 journals of ../shared/docs/dialect-examples, each recorded with the
 * verdict of ledger 3.3 and hledger 1.25 (`; expect: SAME|DIFF|LEDGER-ONLY|
 * HLEDGER-ONLY|BOTH-FAIL`): a dialect whose tool accepts the journal must
 * parse it with no error, and every journal must round-trip in both dialects.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { formatDiagnostic } from '../src/diagnostic.js'
import { parse } from '../src/parse/index.js'
import { print } from '../src/print/index.js'
import { SHARED, skipNote } from './helpers/paths.js'

const DIR = join(SHARED, 'docs/dialect-examples')

if (existsSync(DIR)) {
  test('dialect examples: accepted by a tool means no error in its dialect; all round-trip', () => {
    const problems: string[] = []
    const files = readdirSync(DIR).filter((f) => f.endsWith('.journal')).sort()
    assert.ok(files.length > 100)
    for (const f of files) {
      const text = readFileSync(join(DIR, f), 'utf8')
      const verdict = /^; expect: (\S+)/m.exec(text)?.[1] ?? ''
      const accepts = {
        ledger: ['SAME', 'DIFF', 'LEDGER-ONLY'].includes(verdict),
        hledger: ['SAME', 'DIFF', 'HLEDGER-ONLY'].includes(verdict),
      }
      for (const dialect of ['ledger', 'hledger'] as const) {
        const r = parse(text, { dialect, file: f })
        if (print(r.journal) !== text) problems.push(`${dialect} ${f}: printed text differs`)
        const error = r.diagnostics.find((d) => d.severity === 'error')
        if (accepts[dialect] && error) problems.push(`${dialect} ${f} (${verdict}): ${formatDiagnostic(error, { hint: false })}`)
      }
    }
    assert.equal(problems, [])
  })
} else {
  skipNote('the dialect examples', `${DIR} is not present`)
}

test.run()
