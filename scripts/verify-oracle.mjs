#!/usr/bin/env node
// Compare `ptabridge verify` with ../shared/oracle/equiv.py (issue 7).
// For every pair in one or more run-converter.sh output directories (the
// original corpus file and its conversion, with equiv.py's verdict recorded in
// results.tsv) run verifyConversion() with the same per-tool timeout (5 s)
// and count the pairs where the verdicts agree. Disagreements are listed with
// both verdicts so each can be explained.
//
// Usage: node scripts/verify-oracle.mjs [--jobs 2] [--timeout 5] [--only SUBSTR] RUN_DIR...
//   RUN_DIR: made by `bash ../shared/oracle/run-converter.sh -o RUN_DIR CMD l2h|h2l`
//   (scripts/convert-oracle.mjs leaves one in /tmp/oracle-runs/ptabridge-<dir>).
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { verifyConversion } from '../dist/src/index.js'

const args = process.argv.slice(2)
const opt = (name, dflt) => { const i = args.indexOf(name); return i >= 0 ? args.splice(i, 2)[1] : dflt }
const jobs = Number(opt('--jobs', '2'))
const timeout = Number(opt('--timeout', '5'))
const only = opt('--only', '')
const dirs = args
if (dirs.length === 0) {
  console.error('usage: node scripts/verify-oracle.mjs [--jobs 2] [--timeout 5] [--only SUBSTR] RUN_DIR...')
  process.exit(2)
}
const corpus = new URL('../../shared/oracle/corpus/', import.meta.url).pathname
if (!existsSync(corpus)) {
  console.log('skipped: ../shared/oracle/corpus is not present')
  process.exit(0)
}
const EQUIV_TO_OURS = { EQUIVALENT: 'EQUIVALENT', DIFFERENT: 'DIFFERENT', A_REJECTS: 'ORIGINAL_REJECTED', B_REJECTS: 'CONVERTED_REJECTED' }
const EXT = { ledger: 'ledger', hledger: 'journal' }

const pairs = []
for (const dir of dirs) {
  const run = JSON.parse(readFileSync(join(dir, 'run.json'), 'utf8'))
  const [from, to] = run.direction.startsWith('l') ? ['ledger', 'hledger'] : ['hledger', 'ledger']
  const lines = readFileSync(join(dir, 'results.tsv'), 'utf8').trim().split('\n')
  const header = lines[0].split('\t')
  for (const line of lines.slice(1)) {
    const r = Object.fromEntries(line.split('\t').map((v, i) => [header[i], v]))
    const expected = EQUIV_TO_OURS[String(r.verdict).split(' ')[0]]
    if (!expected || !r.id.includes(only)) continue
    pairs.push({ dir, id: r.id, from, to, expected, equiv: r.verdict, original: join(corpus, r.id), converted: join(dir, 'files', `${r.id}.conv.${EXT[to]}`) })
  }
}

const disagreements = []
const tally = {}
let next = 0
let done = 0
const started = performance.now()
async function worker() {
  while (next < pairs.length) {
    const p = pairs[next++]
    const result = await verifyConversion(p.original, p.converted, { from: p.from, to: p.to, timeout })
    const key = `${p.expected} -> ${result.verdict}`
    tally[key] = (tally[key] ?? 0) + 1
    if (result.verdict !== p.expected) {
      const first = result.differences[0]
      disagreements.push({ run: p.dir, id: p.id, equiv: p.equiv.slice(0, 160), ptabridge: result.verdict, first: first ? JSON.stringify(first).slice(0, 200) : (result.original.error || result.converted.error || result.converted.strictError).slice(0, 200) })
    }
    if (++done % 500 === 0) console.error(`${done}/${pairs.length} …`)
  }
}
await Promise.all(Array.from({ length: jobs }, worker))
const agree = pairs.length - disagreements.length
console.log(`pairs: ${pairs.length} from ${dirs.join(', ')}`)
for (const [k, v] of Object.entries(tally).sort()) console.log(`  equiv.py ${k}: ${v}`)
console.log(`same verdict as equiv.py: ${agree}/${pairs.length} (${(100 * agree / pairs.length).toFixed(2)}%) in ${((performance.now() - started) / 1000).toFixed(0)} s`)
for (const d of disagreements) console.log(`  ${d.id} [${d.run}]: equiv.py ${d.equiv} | ptabridge ${d.ptabridge} ${d.first}`)
writeFileSync('/tmp/verify-oracle.json', JSON.stringify({ pairs: pairs.length, agree, tally, disagreements }, null, 2))
