#!/usr/bin/env node
// Compare ptabridge's per-account, per-commodity totals with what ledger 3.3
// and hledger 1.25 computed (../shared/oracle/expected-totals.jsonl, the cache
// of ../shared/oracle/totals.py), under each tool's semantics, with the same
// normalisations as equiv.py. Also counts, for the files a tool rejects for
// balancing or assertion reasons, how many ptabridge reports an error for.
// Usage: node scripts/oracle-totals.mjs [--dialect ledger|hledger] [--show N] [--only SUBSTR] [--json FILE]
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Decimal } from 'decimal.js'
import { parseFile, resolveJournal } from '../dist/src/index.js'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const oracle = join(root, '../shared/oracle')
if (!existsSync(join(oracle, 'expected-totals.jsonl'))) {
  console.log('skipped: ../shared/oracle/expected-totals.jsonl is not present')
  process.exit(0)
}
const args = process.argv.slice(2)
const opt = (name, dflt) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : dflt }
const only = opt('--only', '')
const show = Number(opt('--show', 15))
const dialects = opt('--dialect') ? [opt('--dialect')] : ['ledger', 'hledger']
const TODAY = '2026-11-22'

const expected = new Map()
for (const line of readFileSync(join(oracle, 'expected-totals.jsonl'), 'utf8').split('\n')) {
  if (!line.trim()) continue
  const r = JSON.parse(line)
  expected.set(`${r.tool}\t${r.id}`, r)
}
const manifest = readFileSync(join(oracle, 'manifest.tsv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split('\t'))

const TIME = { h: new Decimal(3600), m: new Decimal(60) }
const PLACES = 10
/** Per-account, per-commodity totals with equiv.py's normalisations. */
export function totalsOf(resolved) {
  const totals = new Map()
  for (const t of resolved.transactions) {
    if (t.postings.length === 0) continue
    for (const p of t.postings) {
      for (const a of p.amount ?? []) {
        let commodity = a.commodity
        let q = a.quantity
        if (TIME[commodity]) { q = q.times(TIME[commodity]); commodity = 's' }
        if (q.decimalPlaces() > PLACES) q = q.toDecimalPlaces(PLACES, Decimal.ROUND_HALF_EVEN)
        const key = `${p.account}\t${commodity}`
        totals.set(key, (totals.get(key) ?? new Decimal(0)).plus(q))
      }
    }
  }
  return new Map([...totals].filter(([, q]) => !q.isZero()))
}

const report = {}
for (const dialect of dialects) {
  const col = dialect === 'ledger' ? 3 : 4
  let tried = 0, matched = 0, falseError = 0, threw = 0, spurious = 0
  const spuriousList = []
  const mismatches = []
  const t0 = Date.now()
  for (const row of manifest) {
    const id = row[0]
    if (row[col] !== '1' || !id.includes(only)) continue
    const exp = expected.get(`${dialect}\t${id}`)
    if (!exp || !exp.ok || !exp.totals) continue
    tried++
    let resolved
    try {
      resolved = resolveJournal(parseFile(join(oracle, 'corpus', id), { dialect }), { dialect, today: TODAY, auto: true })
    } catch (e) {
      threw++
      mismatches.push(`THREW ${id}: ${String(e?.stack ?? e).split('\n').slice(0, 3).join(' | ')}`)
      continue
    }
    const ours = totalsOf(resolved)
    const theirs = new Map(exp.totals.map(([a, c, q]) => [`${a}\t${c}`, new Decimal(q)]))
    const diffs = []
    for (const k of new Set([...ours.keys(), ...theirs.keys()])) {
      const x = ours.get(k), y = theirs.get(k)
      if (!x || !y || !x.equals(y)) diffs.push(`${k.replace('\t', ' [')}]: ours ${x?.toString() ?? '-'} theirs ${y?.toString() ?? '-'}`)
    }
    const errors = resolved.diagnostics.filter((d) => d.severity === 'error' && !d.code.startsWith('assertion/'))
    const anyError = resolved.diagnostics.find((d) => d.severity === 'error' && (exp.assert_ok || !d.code.startsWith('assertion/')))
    if (anyError) { spurious++; spuriousList.push(`${id}: ${anyError.line}:${anyError.column} ${anyError.message.slice(0, 100)} [${anyError.code}]`) }
    if (exp.assert_ok && errors.length === 0 && resolved.diagnostics.some((d) => d.code.startsWith('assertion/'))) falseError++
    if (diffs.length === 0) matched++
    else mismatches.push(`${id}: ${diffs.length} differences; ${diffs.slice(0, 2).join('; ')}${errors.length ? ` (we report: ${errors[0].message.slice(0, 80)})` : ''}`)
  }
  // Files the tool rejects for balancing or assertion reasons: do we report an error?
  const errCol = dialect === 'ledger' ? 11 : 12
  let rejected = 0, flagged = 0
  const missed = []
  for (const row of manifest) {
    const id = row[0]
    if (row[col] !== '0' || !id.includes(only)) continue
    const msg = row[errCol] ?? ''
    if (!/balanc|assertion|null amount|does not balance|could not balance/i.test(msg)) continue
    rejected++
    try {
      const r = resolveJournal(parseFile(join(oracle, 'corpus', id), { dialect }), { dialect, today: TODAY, auto: true })
      if (r.diagnostics.some((d) => d.severity === 'error')) flagged++
      else missed.push(`${id}: ${msg.slice(0, 100)}`)
    } catch (e) {
      missed.push(`THREW ${id}: ${String(e).slice(0, 100)}`)
    }
  }
  const pct = (a, b) => (b ? (100 * a / b).toFixed(2) : '100.00')
  console.log(`${dialect}: totals equal for ${matched}/${tried} files (${pct(matched, tried)}%); ${threw} threw; ${falseError} assertion errors where the tool passed; ${((Date.now() - t0) / 1000).toFixed(1)} s`)
  console.log(`${dialect}: of ${rejected} files rejected for balancing/assertions, we report an error for ${flagged} (${pct(flagged, rejected)}%)`)
  console.log(`${dialect}: files the tool accepts where we report an error: ${spurious}`)
  for (const m of spuriousList.slice(0, show)) console.log(`  false error: ${m}`)
  for (const m of mismatches.slice(0, show)) console.log(`  ${m}`)
  for (const m of missed.slice(0, Math.min(show, 8))) console.log(`  missed: ${m}`)
  report[dialect] = { tried, matched, threw, rejected, flagged, mismatches, missed, spurious: spuriousList }
}
const jsonOut = opt('--json')
if (jsonOut) writeFileSync(jsonOut, JSON.stringify(report, null, 2))
