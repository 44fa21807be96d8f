#!/usr/bin/env node
// Benchmark: `ptabridge verify ORIGINAL CONVERTED` on a generated journal and
// its ptabridge conversion, against running the two tools' own reports on the
// same pair one after the other (`ledger reg` on the original plus
// `hledger print -O json` on the conversion), in the same run. Issue 7's
// acceptance: at most 1.2x. Each tool is also shown alone.
//
// Usage: node scripts/bench-verify.mjs [--txns 10000] [--runs 7] [--seed 1] [--direction l2h|h2l]
import { execFileSync } from 'node:child_process'
import { existsSync, writeFileSync } from 'node:fs'
import { benchJournal, compare, have, options, PTABRIDGE } from './bench-lib.mjs'

const { opt } = options()
const txns = Number(opt('--txns', 10000))
const runs = Number(opt('--runs', 7))
const direction = opt('--direction', 'l2h')
if (!have('ledger') || !have('hledger')) {
  console.error('ledger and hledger must be installed: verify runs them')
  process.exit(2)
}
const source = benchJournal({ txns, seed: opt('--seed', '1'), rich: false, nocost: false })
const [from, to] = direction === 'l2h' ? ['ledger', 'hledger'] : ['hledger', 'ledger']
const original = source.replace(/\.journal$/, `.${from}-original`)
const converted = source.replace(/\.journal$/, `.${to}-converted`)
if (!existsSync(original)) execFileSync('cp', [source, original])
if (!existsSync(converted)) writeFileSync(converted, execFileSync(process.execPath, [PTABRIDGE, 'convert', '--from', from, '--to', to, '-q', original], { maxBuffer: 1 << 30 }))
const verdict = execFileSync(process.execPath, [PTABRIDGE, 'verify', '--from', from, '--to', to, original, converted], { encoding: 'utf8' }).split('\n')[2]
console.log(`verdict: ${verdict}`)
const ledgerReg = `ledger --args-only -f ${direction === 'l2h' ? original : converted} reg`
const hledgerJson = `hledger -f journal:${direction === 'l2h' ? converted : original} print -O json`
compare([
  { name: 'ptabridge verify', argv: [PTABRIDGE, 'verify', '--from', from, '--to', to, original, converted] },
  { name: 'tools\' reports', argv: ['sh', '-c', `${ledgerReg} >/dev/null && ${hledgerJson} >/dev/null`] },
  { name: 'ledger reg', argv: ['sh', '-c', ledgerReg] },
  { name: 'hledger print', argv: ['sh', '-c', hledgerJson] },
], { runs, pairs: [['ptabridge verify', 'tools\' reports']], title: `pair: ${original} (${from}) and ${converted} (${to}), ${txns} transactions` })
