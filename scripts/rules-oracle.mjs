#!/usr/bin/env node
// hledger 1.25 as the oracle for CSV rules (issue 9): for every case in
// corpus/import/rules, run `hledger -f input.csv --rules-file input.csv.rules
// print` and `ptabridge import -L --target hledger input.csv` (which finds
// input.csv.rules), and judge the two journals with ../shared/oracle/equiv.py.
// Cases hledger rejects must be rejected by ptabridge too, with a positioned
// error; the known exceptions (where ptabridge follows current hledger) are
// listed.
//
// Usage: node scripts/rules-oracle.mjs
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const cases = join(root, 'corpus/import/rules')
const equiv = join(root, '../shared/oracle/equiv.py')
if (!existsSync(equiv)) {
  console.log('skipped: ../shared/oracle/equiv.py is not present')
  process.exit(0)
}
const FOLLOWS_CURRENT = { 'intra-day-reversed': 'hledger 1.25 has no intra-day-reversed rule', 'err-encoding-latin1': 'hledger 1.25 cannot decode latin1; ptabridge falls back to windows-1252' }
const tmp = mkdtempSync(join(tmpdir(), 'ptabridge-rules-oracle-'))
const tally = { equivalent: 0, different: 0, bothReject: 0, exceptions: 0, mismatch: 0 }
const rows = []
for (const c of readdirSync(cases, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()) {
  const dir = join(cases, c)
  const h = spawnSync('hledger', ['-f', 'input.csv', '--rules-file', 'input.csv.rules', 'print'], { cwd: dir, encoding: 'utf8', env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' } })
  const p = spawnSync(process.execPath, [join(root, 'dist/src/cli/bin.js'), 'import', '-L', '--target', 'hledger', 'input.csv', '-q'], { cwd: dir, encoding: 'utf8' })
  let verdict
  if (h.status !== 0) {
    if (c in FOLLOWS_CURRENT) { verdict = `hledger rejects, ptabridge ${p.status === 0 ? 'reads it' : 'rejects'} (${FOLLOWS_CURRENT[c]})`; tally.exceptions++ }
    else if (p.status !== 0 && /:\d+:\d+: error: /.test(p.stderr)) { verdict = 'both reject'; tally.bothReject++ }
    else { verdict = `MISMATCH: hledger rejects, ptabridge exit ${p.status}`; tally.mismatch++ }
  } else if (p.status !== 0) {
    verdict = `MISMATCH: ptabridge rejects: ${p.stderr.trim().split('\n')[0]}`; tally.mismatch++
  } else {
    const a = join(tmp, `${c}.hledger.journal`)
    const b = join(tmp, `${c}.ptabridge.journal`)
    writeFileSync(a, h.stdout)
    writeFileSync(b, p.stdout)
    const e = spawnSync('python3', [equiv, '--from', 'hledger', '--to', 'hledger', a, b], { encoding: 'utf8' })
    verdict = e.stdout.trim().split('\n')[0] ?? ''
    if (verdict === 'EQUIVALENT') tally.equivalent++
    else tally.different++
  }
  rows.push(`${c}: ${verdict}`)
}
for (const r of rows) console.log(`  ${r}`)
console.log(`cases: ${rows.length}; EQUIVALENT under equiv.py ${tally.equivalent}, DIFFERENT ${tally.different}; both reject ${tally.bothReject}; ptabridge follows current hledger ${tally.exceptions}; mismatches ${tally.mismatch}`)
