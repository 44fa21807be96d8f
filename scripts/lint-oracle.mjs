#!/usr/bin/env node
/**
 * Lint recall and precision over the ../shared/oracle corpus.
 *
 * Recall: every corpus file one tool accepts and the other rejects, or that
 * both accept with different totals when read unchanged (the identity runs of
 * run-converter.sh: `cp {in} {out}` in both directions). `lint --target
 * <the other tool>` must report at least one error for it.
 * Precision: every file both tools accept with EQUIVALENT totals unchanged;
 * `lint --target both` must report no error. False positives are counted by
 * rule.
 *
 * usage: node scripts/lint-oracle.mjs [--l2h DIR] [--h2l DIR] [--show N]
 *   DIR: an identity run's output directory (results.tsv); default
 *   /tmp/oracle-runs/l2h-identity and /tmp/oracle-runs/h2l-identity. Make them with
 *   bash ../shared/oracle/run-converter.sh -o DIR 'cp {in} {out}' l2h   (and h2l)
 */
import { existsSync, readFileSync } from 'node:fs'
import { join, resolve, dirname } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const SHARED = resolve(ROOT, '../shared')
const { lintFile } = await import(join(ROOT, 'dist/src/lint/engine.js'))

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name)
  return i > 0 ? process.argv[i + 1] : fallback
}
const dirs = { l2h: arg('--l2h', '/tmp/oracle-runs/l2h-identity'), h2l: arg('--h2l', '/tmp/oracle-runs/h2l-identity') }
const show = Number(arg('--show', '10'))
for (const [k, d] of Object.entries(dirs)) {
  if (d === 'none') continue
  if (!existsSync(join(d, 'results.tsv'))) {
    console.error(`no identity run for ${k} in ${d}: run  bash ${SHARED}/oracle/run-converter.sh -o ${d} 'cp {in} {out}' ${k}`)
    process.exit(2)
  }
}
const rows = (dir) => readFileSync(join(dir, 'results.tsv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split('\t')).map((c) => ({ id: c[0], outcome: c[2] }))

/** case id → what lint must say */
const recall = new Map()
const precision = new Set()
for (const { id, outcome } of rows(dirs.l2h)) {
  if (outcome === 'target_rejects' || outcome === 'different') recall.set(id, { from: 'ledger', target: 'hledger', why: outcome })
  else if (outcome === 'equivalent') precision.add(id)
}
for (const { id, outcome } of dirs.h2l === 'none' ? [] : rows(dirs.h2l)) {
  if (outcome === 'target_rejects') recall.set(`${id}\u0000h2l`, { id, from: 'hledger', target: 'ledger', why: outcome })
  else if (outcome === 'different' && !recall.has(id)) recall.set(`${id}\u0000h2l`, { id, from: 'hledger', target: 'ledger', why: outcome })
}

const lint = (id, options) => {
  try {
    return lintFile(join(SHARED, 'oracle/corpus', id), { today: '2026-11-22', ...options })
  } catch (err) {
    return { crashed: String(err && err.stack || err).split('\n').slice(0, 3).join(' | ') }
  }
}

const t0 = Date.now()
let found = 0
const missed = []
const byWhy = {}
for (const [key, c] of recall) {
  const id = c.id ?? key
  const r = lint(id, { from: c.from, target: c.target })
  const ok = !r.crashed && r.findings.some((f) => f.severity === 'error')
  const w = (byWhy[`${c.from}→${c.target} ${c.why}`] ??= { n: 0, found: 0 })
  w.n++
  if (ok) {
    found++
    w.found++
  } else missed.push(`${id} (${c.from}→${c.target}, ${c.why})${r.crashed ? ' crashed: ' + r.crashed : ''}`)
}
let clean = 0
const falsePositives = {}
const fpFiles = []
for (const id of precision) {
  const r = lint(id, { target: 'both' })
  const errors = r.crashed ? [{ rule: 'crash' }] : r.findings.filter((f) => f.severity === 'error')
  if (errors.length === 0) clean++
  else {
    fpFiles.push(`${id}: ${[...new Set(errors.map((e) => e.rule))].join(', ')}${r.crashed ? ' ' + r.crashed : ''}`)
    for (const rule of new Set(errors.map((e) => e.rule))) falsePositives[rule] = (falsePositives[rule] ?? 0) + 1
  }
}
const pct = (a, b) => (b ? ((100 * a) / b).toFixed(2) : '-')
console.log(`recall: ${found}/${recall.size} files the other tool rejects or reads differently get an error (${pct(found, recall.size)}%)`)
for (const [k, v] of Object.entries(byWhy).sort()) console.log(`  ${k.padEnd(36)} ${v.found}/${v.n}`)
console.log(`precision: ${clean}/${precision.size} files both tools read the same get no error with --target both (${pct(clean, precision.size)}%)`)
for (const [rule, n] of Object.entries(falsePositives).sort((a, b) => b[1] - a[1])) console.log(`  false positives ${rule}: ${n}`)
if (show > 0) {
  if (missed.length) console.log(`missed (first ${show}):\n  ${missed.slice(0, show).join('\n  ')}`)
  if (fpFiles.length) console.log(`false-positive files (first ${show}):\n  ${fpFiles.slice(0, show).join('\n  ')}`)
}
console.log(`(${((Date.now() - t0) / 1000).toFixed(0)} s)`)
