#!/usr/bin/env node
// Fuzz the parser: N random mutations (deleted, duplicated, swapped or
// inserted characters and lines) of the corpus journals, each parsed in a
// random dialect. Counts uncaught exceptions, round-trip failures and
// diagnostics without a valid position (all must be 0).
// Usage: node scripts/fuzz.mjs [--cases 10000] [--seed 1] [--oracle]
//   --oracle  also mutate journals from ../shared/oracle/corpus
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { checkFuzzCase } from '../dist/test/helpers/fuzz-check.js'
import { mutate, prng } from '../dist/test/helpers/mutate.js'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const args = process.argv.slice(2)
const opt = (name, dflt) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : dflt }
const cases = Number(opt('--cases', 10000))
const seed = Number(opt('--seed', 1))
const files = []
const walk = (dir) => {
  for (const name of readdirSync(dir)) {
    const full = join(dir, name)
    if (statSync(full).isDirectory()) walk(full)
    else if (/\.(journal|ledger|test|dat)$/.test(name)) files.push(full)
  }
}
walk(join(root, 'corpus'))
if (args.includes('--oracle') && existsSync(join(root, '../shared/oracle/corpus'))) walk(join(root, '../shared/oracle/corpus'))
const texts = files.map((f) => readFileSync(f, 'utf8'))
const random = prng(seed)
const tally = new Map()
let failed = 0
const t0 = Date.now()
for (let i = 0; i < cases; i++) {
  const k = Math.floor(random() * texts.length)
  const { text, kinds } = mutate(texts[k], random)
  const dialect = random() < 0.5 ? 'ledger' : 'hledger'
  for (const kind of kinds) tally.set(kind, (tally.get(kind) ?? 0) + 1)
  const problem = checkFuzzCase(text, dialect)
  if (problem) {
    failed++
    if (failed <= 10) console.log(`FAIL case ${i} (${dialect}, from ${files[k]}): ${problem}`)
  }
}
console.log(`${cases} mutated journals from ${files.length} files (seed ${seed}) in ${((Date.now() - t0) / 1000).toFixed(1)} s`)
console.log(`mutations applied: ${[...tally].map(([k, n]) => `${k} ${n}`).join(', ')}`)
console.log(`uncaught exceptions, round-trip failures, or diagnostics without a valid position: ${failed}`)
process.exit(failed ? 1 : 0)
