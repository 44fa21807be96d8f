#!/usr/bin/env node
// Benchmark: parse and print a generated journal with ptabridge, and in the
// same run time `ledger print` and `hledger print` on the same file. Reports
// medians of wall time and peak memory (GNU time), and the ratios, runs
// interleaved (A B C A B C …) so drift on a noisy machine hits all equally.
//
// Usage: node scripts/bench-parse-print.mjs [--txns 100000] [--runs 5] [--seed 1] [--rich]
//        [--nocost] [--tool-timeout 120] [--tool-memory-mb 8192]
// --nocost strips `@` prices and `=` assertions (sed, as in ../shared/bench/BASELINE.md):
// ledger 3.3's print is quadratic in memory on journals with many `@` costs and is
// killed at 100k transactions, so the cost-free file is the one it can finish.
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const args = process.argv.slice(2)
const opt = (name, dflt) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : dflt }
const txns = Number(opt('--txns', 100000))
const runs = Number(opt('--runs', 5))
const seed = opt('--seed', '1')
const rich = args.includes('--rich')
const nocost = args.includes('--nocost')
const toolTimeout = Number(opt('--tool-timeout', 120))
const toolMemoryMb = Number(opt('--tool-memory-mb', 8192))
const generator = join(root, '../shared/bench/gen-journal.py')
if (!existsSync(generator)) {
  console.log('skipped: ../shared/bench/gen-journal.py is not present')
  process.exit(0)
}
if (!existsSync('/usr/bin/time')) {
  console.log('skipped: GNU time (/usr/bin/time) is needed for peak memory; apt-get install time')
  process.exit(0)
}
const dir = '/tmp/ptabridge-bench'
mkdirSync(dir, { recursive: true })
let file = join(dir, `j${txns}-s${seed}${rich ? '-rich' : ''}.journal`)
if (!existsSync(file)) execFileSync('python3', [generator, String(txns), seed, ...(rich ? ['--rich'] : []), '-o', file])
if (nocost) {
  const stripped = file.replace(/\.journal$/, '-nocost.journal')
  if (!existsSync(stripped)) {
    const text = readFileSync(file, 'utf8').split('\n').map((l) => l.replace(/ @@? \$[0-9.,]+/, '').replace(/ = [^;]*/, '')).join('\n')
    writeFileSync(stripped, text)
  }
  file = stripped
}

const have = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0
const commands = [
  { name: 'ptabridge print', argv: [process.execPath, join(root, 'dist/src/cli/bin.js'), 'print', file] },
  ...(have('ledger') ? [{ name: 'ledger print', argv: ['ledger', '--args-only', '-f', file, 'print'] }] : []),
  ...(have('hledger') ? [{ name: 'hledger print', argv: ['hledger', '-f', file, 'print'] }] : []),
]

// Each command runs under a time and address-space limit, so a tool that
// cannot cope (ledger print on costs) is reported, not left to exhaust the machine.
function measure(argv) {
  const limited = `ulimit -v ${toolMemoryMb * 1024}; exec timeout ${toolTimeout} "$@"`
  const r = spawnSync('/usr/bin/time', ['-f', '%e %M', 'sh', '-c', limited, 'sh', ...argv], { encoding: 'utf8', maxBuffer: 1 << 30 })
  const last = r.stderr.trim().split('\n').pop() ?? ''
  const [wall, kib] = last.split(' ').map(Number)
  return { ok: r.status === 0, wall, mib: kib / 1024, status: r.status }
}
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2 }

const results = new Map(commands.map((c) => [c.name, []]))
for (let i = 0; i < runs; i++) {
  for (const c of commands) results.get(c.name).push(measure(c.argv))
}
console.log(`file: ${file} (${txns} transactions${rich ? ', --rich' : ''}${nocost ? ', costs stripped' : ''}); ${runs} interleaved runs; medians`)
const summary = {}
for (const c of commands) {
  const rs = results.get(c.name)
  const ok = rs.filter((r) => r.ok)
  if (ok.length === 0) {
    console.log(`  ${c.name.padEnd(16)} did not finish (exit ${rs[0].status}; limits: ${toolTimeout} s, ${toolMemoryMb} MiB of address space)`)
    continue
  }
  summary[c.name] = { wall: median(ok.map((r) => r.wall)), mib: median(ok.map((r) => r.mib)) }
  console.log(`  ${c.name.padEnd(16)} wall ${summary[c.name].wall.toFixed(2)} s   peak ${summary[c.name].mib.toFixed(0)} MiB   (${ok.length}/${rs.length} finished)`)
}
const ours = summary['ptabridge print']
for (const other of ['ledger print', 'hledger print']) {
  if (ours && summary[other]) {
    console.log(`  ratio ptabridge/${other}: wall ${(ours.wall / summary[other].wall).toFixed(2)}x, peak memory ${(ours.mib / summary[other].mib).toFixed(2)}x`)
  }
}
