#!/usr/bin/env node
// Measure `ptabridge convert` over ../shared/oracle (issues 4 and 5):
// 1. runs ../shared/oracle/run-converter.sh (the target tool's acceptance and
//    equiv.py's verdict for every file the source tool accepts);
// 2. counts silent differences: converted files that are not EQUIVALENT (or
//    that the target rejects) for which ptabridge reported no warning or error;
// 3. checks idempotence: converting each output again (read in the source
//    dialect) gives the same text.
// Usage: node scripts/convert-oracle.mjs l2h|h2l [--jobs 2] [--only SUBSTR] [--outdir DIR] [--reuse DIR]
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { convert, parse } from '../dist/src/index.js'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const oracle = join(root, '../shared/oracle')
if (!existsSync(join(oracle, 'run-converter.sh'))) {
  console.log('skipped: ../shared/oracle/run-converter.sh is not present')
  process.exit(0)
}
const args = process.argv.slice(2)
const direction = args[0]
if (direction !== 'l2h' && direction !== 'h2l') {
  console.error('usage: node scripts/convert-oracle.mjs l2h|h2l [--jobs N] [--only SUBSTR] [--outdir DIR] [--reuse DIR]')
  process.exit(2)
}
const opt = (name, dflt) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : dflt }
const [from, to] = direction === 'l2h' ? ['ledger', 'hledger'] : ['hledger', 'ledger']
const TODAY = '2026-11-22'
const bin = join(root, 'dist/src/cli/bin.js')
const template = `${bin} convert --from ${from} --to {to} --today ${TODAY} {in}`
let outdir = opt('--reuse')
if (!outdir) {
  outdir = opt('--outdir', `/tmp/oracle-runs/ptabridge-${direction}`)
  const runArgs = ['-o', outdir, '-j', opt('--jobs', '2'), ...(opt('--only') ? ['--only', opt('--only')] : []), template, direction]
  execFileSync('bash', [join(oracle, 'run-converter.sh'), ...runArgs], { stdio: ['ignore', 'inherit', 'inherit'] })
} else {
  console.log(readFileSync(join(outdir, 'summary.txt'), 'utf8'))
}

// results.tsv
const lines = readFileSync(join(outdir, 'results.tsv'), 'utf8').trim().split('\n')
const header = lines[0].split('\t')
const rows = lines.slice(1).map((l) => Object.fromEntries(l.split('\t').map((v, i) => [header[i], v])))
const ext = to === 'hledger' ? 'journal' : 'ledger'

// 2. silent differences
const silent = []
for (const r of rows) {
  if (r.outcome === 'equivalent' || r.outcome === 'source_rejects') continue
  const input = join(oracle, 'corpus', r.id)
  const p = spawnSync(process.execPath, [bin, 'convert', '--from', from, '--to', to, '--today', TODAY, '--report', 'json', input], { encoding: 'utf8', maxBuffer: 1 << 28 })
  let diagnostics = []
  try {
    diagnostics = JSON.parse(p.stderr.slice(p.stderr.indexOf('{'))).diagnostics
  } catch {
    diagnostics = []
  }
  if (!diagnostics.some((d) => d.severity === 'warning' || d.severity === 'error')) silent.push(`${r.id}: ${r.outcome} ${r.verdict} ${r.detail}`.slice(0, 240))
}

// 3. idempotence
let checked = 0
const changed = []
for (const r of rows) {
  const out = join(outdir, 'files', `${r.id}.conv.${ext}`)
  if (!existsSync(out)) continue
  const text = readFileSync(out, 'utf8')
  const parsed = parse(text, { dialect: from, file: out })
  const source = { path: out, dialect: from, encoding: 'utf8', journal: parsed.journal, diagnostics: parsed.diagnostics, includes: [] }
  const again = convert({ ok: true, root: source, files: [source], diagnostics: parsed.diagnostics }, { to, today: TODAY, selfCheck: false })
  checked++
  if (again.files[0]?.text !== text) changed.push(r.id)
}

const report = {
  direction,
  cases: rows.length,
  outcomes: rows.reduce((m, r) => ({ ...m, [r.outcome]: (m[r.outcome] ?? 0) + 1 }), {}),
  silentDifferences: silent.length,
  idempotence: { checked, changed: changed.length },
}
console.log(`silent differences (not EQUIVALENT or rejected, and no warning or error reported): ${silent.length}`)
for (const s of silent.slice(0, 20)) console.log(`  ${s}`)
console.log(`idempotence: converting ${checked} outputs again changed ${changed.length}`)
for (const c of changed.slice(0, 10)) console.log(`  ${c}`)
writeFileSync(join(outdir, 'ptabridge-report.json'), JSON.stringify({ ...report, silent, changed }, null, 2))
