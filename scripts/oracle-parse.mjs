#!/usr/bin/env node
// Parse every journal of ../shared/oracle that a tool accepts, in that tool's
// dialect, and report: how many parse with no error, how many print back
// byte for byte, and the most common error messages.
// Usage: node scripts/oracle-parse.mjs [--dialect ledger|hledger] [--show N] [--only SUBSTR]
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse, print } from '../dist/src/index.js'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const oracle = join(root, '../shared/oracle')
if (!existsSync(join(oracle, 'manifest.tsv'))) {
  console.log('skipped: ../shared/oracle is not present')
  process.exit(0)
}
const args = process.argv.slice(2)
const opt = (name, dflt) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : dflt }
const only = opt('--only', '')
const show = Number(opt('--show', 10))
const dialects = opt('--dialect') ? [opt('--dialect')] : ['ledger', 'hledger']
const rows = readFileSync(join(oracle, 'manifest.tsv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split('\t'))
let exitCode = 0
for (const dialect of dialects) {
  const col = dialect === 'ledger' ? 3 : 4
  const cases = rows.filter((r) => r[col] === '1' && r[0].includes(only))
  let clean = 0, same = 0, threw = 0
  const failures = []
  const messages = new Map()
  const t0 = process.hrtime.bigint()
  for (const r of cases) {
    const file = join(oracle, 'corpus', r[0])
    const text = readFileSync(file, 'utf8')
    try {
      const res = parse(text, { dialect, file: r[0] })
      const errors = res.diagnostics.filter((d) => d.severity === 'error')
      if (errors.length === 0) clean++
      else {
        failures.push(`${r[0]}:${errors[0].line}:${errors[0].column}: ${errors[0].message} [${errors[0].code}]`)
        const key = `${errors[0].code}: ${errors[0].message.replace(/'[^']*'/g, "'…'").replace(/\d+/g, 'N').slice(0, 90)}`
        messages.set(key, (messages.get(key) ?? 0) + 1)
      }
      if (print(res.journal) === text) same++
      else failures.push(`ROUNDTRIP ${r[0]}`)
    } catch (e) {
      threw++
      failures.push(`THREW ${r[0]}: ${e.stack}`)
    }
  }
  const ms = Number(process.hrtime.bigint() - t0) / 1e6
  const pct = (n) => (100 * n / cases.length).toFixed(2)
  console.log(`${dialect}: ${cases.length} files ${dialect} accepts; ${clean} parse with no error (${pct(clean)}%); ${same} print back identically (${pct(same)}%); ${threw} threw; ${ms.toFixed(0)} ms`)
  for (const [k, n] of [...messages].sort((a, b) => b[1] - a[1]).slice(0, show)) console.log(`  ${String(n).padStart(4)}  ${k}`)
  for (const f of failures.slice(0, show)) console.log(`  ${f}`)
  if (threw || same !== cases.length) exitCode = 1
}
process.exit(exitCode)
