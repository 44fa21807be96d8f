#!/usr/bin/env node
// Benchmark: `ptabridge lint` against `ledger bal` on the same generated
// journal, in the same run (issue 6's acceptance: at most 1.0x ledger bal's
// wall time). Both targets are measured: `--target both` (the default) and
// `--target ledger` (the other tool only, as the benchmark file is read as
// hledger by its extension).
//
// Usage: node scripts/bench-lint.mjs [--txns 100000] [--runs 5] [--seed 1] [--rich]
import { benchJournal, compare, have, options, PTABRIDGE } from './bench-lib.mjs'

const { opt, flag } = options()
const txns = Number(opt('--txns', 100000))
const rich = flag('--rich')
const file = benchJournal({ txns, seed: opt('--seed', '1'), rich, nocost: false })
const runs = Number(opt('--runs', 5))
if (!have('ledger')) {
  console.error('ledger is not installed: nothing to compare against')
  process.exit(2)
}
compare([
  { name: 'ptabridge lint', argv: [PTABRIDGE, 'lint', file] },
  { name: 'ptabridge lint -t ledger', argv: [PTABRIDGE, 'lint', '--target', 'ledger', file] },
  { name: 'ledger bal', argv: ['ledger', '--args-only', '-f', file, 'bal'] },
], { runs, pairs: [['ptabridge lint', 'ledger bal'], ['ptabridge lint -t ledger', 'ledger bal']], title: `file: ${file} (${txns} transactions${rich ? ', --rich' : ''})` })
