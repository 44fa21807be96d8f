#!/usr/bin/env node
// Round trip over ../shared/oracle (issue 5): every corpus file ledger
// accepts is converted ledger → hledger → ledger (in-process, includes
// followed, one output), and ../shared/oracle/equiv.py judges the result
// against the original, both read by ledger 3.3.
// Usage: node scripts/roundtrip-oracle.mjs [--jobs 2] [--only SUBSTR] [--limit N] [--outdir DIR]
// Prints the verdict counts per subset and writes DIR/results.tsv.
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { convert, parse, parseFile } from '../dist/src/index.js'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const oracle = join(root, '../shared/oracle')
if (!existsSync(join(oracle, 'equiv.py'))) {
  console.log('skipped: ../shared/oracle/equiv.py is not present')
  process.exit(0)
}
const args = process.argv.slice(2)
const opt = (name, dflt) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : dflt }
const jobs = Number(opt('--jobs', '2'))
const only = opt('--only', '')
const limit = Number(opt('--limit', '0'))
const outdir = opt('--outdir', '/tmp/oracle-runs/ptabridge-roundtrip')
const TODAY = '2026-11-22'
mkdirSync(join(outdir, 'files'), { recursive: true })

const [head, ...body] = readFileSync(join(oracle, 'manifest.tsv'), 'utf8').trim().split('\n')
const cols = head.split('\t')
let rows = body.map((l) => Object.fromEntries(l.split('\t').map((v, i) => [cols[i], v]))).filter((r) => r.ledger_ok === '1' && r.id.includes(only))
if (limit) rows = rows.slice(0, limit)

/** ledger → hledger → ledger, in process; undefined when a step throws. */
function roundTrip(path) {
  const there = convert(parseFile(path, { dialect: 'ledger' }), { to: 'hledger', today: TODAY })
  const middle = there.files[0]?.text ?? ''
  const parsed = parse(middle, { dialect: 'hledger', file: 'middle.journal' })
  const back = convert({ ok: parsed.ok, root: { path, dialect: 'hledger', encoding: 'utf8', journal: parsed.journal, diagnostics: parsed.diagnostics, includes: [] }, files: [], diagnostics: parsed.diagnostics }, { to: 'ledger', today: TODAY })
  return { middle, text: back.files[0]?.text ?? '', warned: [...there.diagnostics, ...back.diagnostics].some((d) => d.severity !== 'info') }
}

function equiv(original, converted) {
  return new Promise((resolve) => {
    const p = spawn('python3', [join(oracle, 'equiv.py'), '--from', 'ledger', '--to', 'ledger', original, converted], { stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    p.stdout.on('data', (c) => (out += c))
    p.on('close', () => resolve(out.trim().split('\n')[0] ?? ''))
  })
}

const results = []
let next = 0
const started = Date.now()
async function worker() {
  while (next < rows.length) {
    const r = rows[next++]
    const input = join(oracle, 'corpus', r.id)
    // the output sits beside the input's name so relative includes are not needed (one output)
    const outPath = join(outdir, 'files', r.id.replace(/\//g, '__') + '.rt.ledger')
    let verdict
    let warned = false
    try {
      const rt = roundTrip(input)
      // the one-output file no longer includes anything: write it anywhere
      writeFileSync(outPath, rt.text)
      warned = rt.warned
      verdict = await equiv(input, outPath)
    } catch (e) {
      verdict = `CRASH ${String(e?.message ?? e).split('\n')[0]}`
    }
    results.push({ id: r.id, subset: r.subset, verdict, warned })
    if (results.length % 200 === 0) console.log(`  ${results.length}/${rows.length} cases, ${Math.round((Date.now() - started) / 1000)}s`)
  }
}
// files are read and converted in this process; equiv.py runs in parallel
await Promise.all(Array.from({ length: jobs }, worker))

const kinds = (v) => v.split(' ')[0]
const subsets = [...new Set(results.map((r) => r.subset))].sort()
const lines = ['subset             tried   equiv    diff  rejects  crashed  src_rej  equiv%']
const row = (name, rs) => {
  const n = (k) => rs.filter((r) => kinds(r.verdict) === k).length
  const tried = rs.length - n('A_REJECTS')
  lines.push(`${name.padEnd(18)} ${String(rs.length).padStart(5)} ${String(n('EQUIVALENT')).padStart(7)} ${String(n('DIFFERENT')).padStart(7)} ${String(n('B_REJECTS')).padStart(8)} ${String(n('CRASH')).padStart(8)} ${String(n('A_REJECTS')).padStart(8)} ${(tried ? (100 * n('EQUIVALENT')) / tried : 0).toFixed(1).padStart(7)}`)
}
for (const s of subsets) row(s, results.filter((r) => r.subset === s))
row('TOTAL', results)
const silent = results.filter((r) => !['EQUIVALENT', 'A_REJECTS'].includes(kinds(r.verdict)) && !r.warned)
lines.push(`not EQUIVALENT with no warning or error on either leg: ${silent.length}`)
for (const r of silent.slice(0, 30)) lines.push(`  ${r.id}: ${r.verdict.slice(0, 200)}`)
console.log(lines.join('\n'))
writeFileSync(join(outdir, 'results.tsv'), 'id\tsubset\tverdict\twarned\n' + results.map((r) => `${r.id}\t${r.subset}\t${r.verdict}\t${r.warned}`).join('\n') + '\n')
writeFileSync(join(outdir, 'summary.txt'), lines.join('\n') + '\n')
