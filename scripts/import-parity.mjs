#!/usr/bin/env node
// Parity of `ptabridge import` with ledger-autosync (issue 8): every run
// recorded in ../shared/oracle/autosync/expected/STATUS.tsv that succeeded is
// repeated with ptabridge (same options) and the transactions compared
// (dates, payees, accounts, amounts, ids), after the documented corrections
// of ledger-autosync's bugs (test/helpers/autosync-parity.ts). Prints the
// tally and every difference.
//
// Usage: node scripts/import-parity.mjs
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { autosyncRuns, parityOf } from '../dist/test/helpers/autosync-parity.js'

const dir = join(fileURLToPath(new URL('..', import.meta.url)), '../shared/oracle/autosync')
if (!existsSync(join(dir, 'expected/STATUS.tsv'))) {
  console.log('skipped: ../shared/oracle/autosync is not present')
  process.exit(0)
}
const runs = autosyncRuns(dir)
const results = []
let notComparable = 0
for (const r of runs) {
  const result = await parityOf(r, dir)
  if (result) results.push(result)
  else notComparable++
}
const same = results.filter((r) => r.same)
const corrections = {}
for (const r of results) for (const c of r.corrections) {
  const key = c.replace(/ \(\d+\)$/, '')
  corrections[key] = (corrections[key] ?? 0) + 1
}
console.log(`ledger-autosync runs recorded: ${runs.length}; compared: ${results.length} (not comparable: ${notComparable}: failed runs or --which)`)
console.log(`same transactions and ids: ${same.length}/${results.length}`)
for (const [c, n] of Object.entries(corrections)) console.log(`  runs with correction "${c}": ${n}`)
for (const r of results.filter((x) => !x.same)) console.log(`DIFFERENT ${r.name}:\n${r.detail}`)
