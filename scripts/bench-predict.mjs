#!/usr/bin/env node
// Counter-account prediction benchmark (issue 10): replay journals in date
// order, predicting each transaction's counter account from the earlier ones
// only, with ledger-autosync's exact-payee rule, the banks2ledger baseline and
// ptabridge, in the same run. Journals: the ledger sample journals in
// ../shared/oracle/corpus/ledger-input with at least 20 usable transactions,
// and a generated bank journal with noisy descriptions
// (scripts/gen-bank-journal.mjs). Then the time to train on the 100k
// benchmark journal and predict 1,000 descriptions.
//
// Usage: node scripts/bench-predict.mjs [--generated 5000]
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseFile } from '../dist/src/parse/files.js'
import { examplesOf } from '../dist/src/predict/examples.js'
import { ExactPayeePredictor } from '../dist/src/predict/exact-payee.js'
import { Banks2LedgerPredictor } from '../dist/src/predict/banks2ledger.js'
import { CounterAccountModel } from '../dist/src/predict/model.js'
import { replay } from '../dist/src/predict/replay.js'
import { benchJournal, options } from './bench-lib.mjs'

const root = fileURLToPath(new URL('..', import.meta.url))
const { opt } = options()
const generated = Number(opt('--generated', 5000))
const journals = []
const inputs = join(root, '../shared/oracle/corpus/ledger-input')
if (existsSync(inputs)) for (const f of readdirSync(inputs).sort()) if (/\.(dat|ledger)$/.test(f)) journals.push(join(inputs, f))
const gen = `/tmp/ptabridge-bench/bank-${generated}.journal`
writeFileSync(gen, execFileSync(process.execPath, [join(root, 'scripts/gen-bank-journal.mjs'), '--txns', String(generated)]))
journals.push(gen)
const pct = (x) => `${(100 * x).toFixed(1)}%`
for (const file of journals) {
  const examples = examplesOf(parseFile(file))
  if (examples.length < 20) continue
  const scores = replay(examples, [new ExactPayeePredictor(), new Banks2LedgerPredictor(), new CounterAccountModel()])
  console.log(`${file.replace(root, '')} (${examples.length} transactions)`)
  for (const s of scores) console.log(`  ${s.name.padEnd(30)} top-1 ${pct(s.top1).padStart(6)}  coverage ${pct(s.coverage).padStart(6)}  accuracy when answered ${pct(s.accuracyWhenAnswered).padStart(6)}`)
}
// speed: train on the 100k journal (parse included) and predict 1,000 descriptions
const big = benchJournal({ txns: 100000, seed: '1', rich: false, nocost: false })
const started = performance.now()
const examples = examplesOf(parseFile(big))
const model = new CounterAccountModel()
for (const e of examples) model.learn(e)
const trained = performance.now()
let answered = 0
for (let i = 0; i < 1000; i++) {
  const e = examples[(i * 97) % examples.length]
  if (model.predict({ description: `${e.description} ${i}`, source: e.source, amount: e.amount }).account) answered++
}
const done = performance.now()
console.log(`100k journal: parse + train ${((trained - started) / 1000).toFixed(2)} s, 1,000 predictions ${((done - trained) / 1000).toFixed(2)} s, total ${((done - started) / 1000).toFixed(2)} s (${answered} answered)`)
