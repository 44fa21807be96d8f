#!/usr/bin/env node
// Benchmark: `ptabridge bal` against `ledger bal` and `hledger bal` on the
// same generated journal, in the same run (issue 3's acceptance: at most 1.0x
// ledger's wall time and 0.3x hledger's). Each tool computes under its own
// semantics: ptabridge reads the file as hledger (its extension), then again
// with --semantics ledger.
//
// Usage: node scripts/bench-bal.mjs [--txns 100000] [--runs 5] [--seed 1] [--rich] [--nocost]
import { benchJournal, compare, have, options, PTABRIDGE } from './bench-lib.mjs'

const { opt, flag } = options()
const txns = Number(opt('--txns', 100000))
const rich = flag('--rich')
const nocost = flag('--nocost')
const file = benchJournal({ txns, seed: opt('--seed', '1'), rich, nocost })
const title = `file: ${file} (${txns} transactions${rich ? ', --rich' : ''}${nocost ? ', costs stripped' : ''})`
const runs = Number(opt('--runs', 5))
compare([
  { name: 'ptabridge bal', argv: [PTABRIDGE, 'bal', file] },
  ...(have('hledger') ? [{ name: 'hledger bal', argv: ['hledger', '-f', file, 'bal'] }] : []),
  { name: 'ptabridge bal -L', argv: [PTABRIDGE, 'bal', file, '--semantics', 'ledger'] },
  ...(have('ledger') ? [{ name: 'ledger bal', argv: ['ledger', '--args-only', '-f', file, 'bal'] }] : []),
], { runs, pairs: [['ptabridge bal', 'hledger bal'], ['ptabridge bal -L', 'ledger bal']], title })
