#!/usr/bin/env node
// Benchmark: parse and print a generated journal with ptabridge, and in the
// same run time `ledger print` and `hledger print` on the same file.
//
// Usage: node scripts/bench-parse-print.mjs [--txns 100000] [--runs 5] [--seed 1] [--rich]
//        [--nocost] [--tool-timeout 120] [--tool-memory-mb 8192]
// --nocost strips `@` prices and `=` assertions (sed, as in ../shared/bench/BASELINE.md):
// ledger 3.3's print is quadratic in memory on journals with many `@` costs and is
// killed at 100k transactions, so the cost-free file is the one it can finish.
import { benchJournal, compare, have, options, PTABRIDGE } from './bench-lib.mjs'

const { opt, flag } = options()
const txns = Number(opt('--txns', 100000))
const rich = flag('--rich')
const nocost = flag('--nocost')
const file = benchJournal({ txns, seed: opt('--seed', '1'), rich, nocost })
compare([
  { name: 'ptabridge print', argv: [PTABRIDGE, 'print', file] },
  ...(have('ledger') ? [{ name: 'ledger print', argv: ['ledger', '--args-only', '-f', file, 'print'] }] : []),
  ...(have('hledger') ? [{ name: 'hledger print', argv: ['hledger', '-f', file, 'print'] }] : []),
], {
  runs: Number(opt('--runs', 5)),
  ours: 'ptabridge print',
  limits: { timeout: Number(opt('--tool-timeout', 120)), memoryMb: Number(opt('--tool-memory-mb', 8192)) },
  title: `file: ${file} (${txns} transactions${rich ? ', --rich' : ''}${nocost ? ', costs stripped' : ''})`,
})
