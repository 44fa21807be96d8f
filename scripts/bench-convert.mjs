#!/usr/bin/env node
// Benchmark: `ptabridge convert --from ledger --to hledger` against `ledger
// print` on the same generated journal, in the same run (issue 4's
// acceptance: at most 1.0x ledger print's wall time on the 100k journal).
//
// ledger 3.3's print is quadratic in time and memory on journals with `@`
// costs (../shared/bench/BASELINE.md: the 100k file needs more than 23 GiB),
// so both files are measured: the benchmark journal itself (ledger print runs
// under the usual 120 s / 8 GiB limits and is reported as not finishing when
// it hits them) and its cost-free variant, where ledger print is linear.
// hledger print is shown for reference. `--no-self-check` adds a run without the
// self-check, to show what it costs.
//
// Usage: node scripts/bench-convert.mjs [--txns 100000] [--runs 5] [--seed 1] [--skip-full] [--no-self-check]
import { benchJournal, compare, have, options, PTABRIDGE } from './bench-lib.mjs'

const { opt, flag } = options()
const txns = Number(opt('--txns', 100000))
const runs = Number(opt('--runs', 5))
const seed = opt('--seed', '1')
const withoutVerify = flag('--no-self-check')

function bench(file, label, ledgerRuns) {
  const commands = [
    { name: 'ptabridge convert', argv: [PTABRIDGE, 'convert', '--from', 'ledger', '--to', 'hledger', file] },
    ...(withoutVerify ? [{ name: 'convert no-self-check', argv: [PTABRIDGE, 'convert', '--from', 'ledger', '--to', 'hledger', '--no-self-check', file] }] : []),
    ...(have('ledger') ? [{ name: 'ledger print', argv: ['ledger', '--args-only', '-f', file, 'print'] }] : []),
    ...(have('hledger') ? [{ name: 'hledger print', argv: ['hledger', '-f', file, 'print'] }] : []),
  ]
  return compare(commands, {
    runs: ledgerRuns,
    pairs: [['ptabridge convert', 'ledger print'], ['ptabridge convert', 'hledger print'], ...(withoutVerify ? [['convert no-self-check', 'ledger print']] : [])],
    title: `${label}: ${file} (${txns} transactions)`,
  })
}

if (!flag('--skip-full')) {
  // ledger print does not finish on this file; one run shows it (each attempt costs up to 120 s)
  bench(benchJournal({ txns, seed, rich: false, nocost: false }), 'benchmark journal', Math.min(runs, 1))
}
bench(benchJournal({ txns, seed, rich: false, nocost: true }), 'cost-free variant', runs)
