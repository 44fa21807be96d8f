/**
 * Fuzzing: random mutations of the corpus never crash the parser, always
 * print back to the same bytes, and every diagnostic has a valid position.
 * (scripts/fuzz.mjs runs the full 10,000-case acceptance measurement.)
 */
import { readFileSync } from 'node:fs'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { corpusFiles } from './helpers/corpus.js'
import { checkFuzzCase } from './helpers/fuzz-check.js'
import { mutate, prng } from './helpers/mutate.js'

const CASES = Number(process.env.FUZZ_CASES ?? 1500)

test(`${CASES} mutations of corpus files keep every promise`, () => {
  const files = [...corpusFiles('syntax'), ...corpusFiles('invalid')].map((f) => readFileSync(f.path, 'utf8'))
  const random = prng(20261122)
  const failures: string[] = []
  for (let i = 0; i < CASES; i++) {
    const source = files[Math.floor(random() * files.length)] as string
    const { text } = mutate(source, random)
    const dialect = random() < 0.5 ? 'ledger' : 'hledger'
    const problem = checkFuzzCase(text, dialect)
    if (problem) failures.push(`case ${i} (${dialect}): ${problem}\n${JSON.stringify(text.slice(0, 300))}`)
  }
  assert.equal(failures.slice(0, 5), [])
})

test.run()
