#!/usr/bin/env node
// Benchmark `ptabridge import` (issue 8):
// 1. a 1,000-transaction OFX file against the 100k-transaction benchmark
//    journal, half of whose ids the journal already has (in an included
//    file): wall time, median of --runs (acceptance: ≤ 2 s);
// 2. ledger-autosync's own timing case (../shared/docs/import-gaps.md §1):
//    fidelity-one-dtsettle.ofx (17 transactions) against a 20,000-transaction
//    journal with an ofxid on every transaction, all 17 new: ledger-autosync
//    (ledger backend; --hledger with --hledger-runs) and ptabridge, same run.
//
// Usage: node scripts/bench-import.mjs [--runs 5] [--autosync-runs 3] [--hledger-runs 1]
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { benchJournal, have, median, options, PTABRIDGE, root } from './bench-lib.mjs'

const { opt } = options()
const runs = Number(opt('--runs', 5))
const autosyncRuns = Number(opt('--autosync-runs', 3))
const hledgerRuns = Number(opt('--hledger-runs', 1))
const dir = '/tmp/ptabridge-bench/import'
mkdirSync(dir, { recursive: true })

function wall(argv, cwd = dir) {
  const started = performance.now()
  const r = spawnSync(argv[0], argv.slice(1), { cwd, encoding: 'utf8', maxBuffer: 1 << 28 })
  const seconds = (performance.now() - started) / 1000
  if (r.status !== 0) throw new Error(`${argv.join(' ')} failed: ${r.stderr.slice(-400)}`)
  return { seconds, stdout: r.stdout, stderr: r.stderr }
}

// --- 1. 1,000 transactions against 100k ---------------------------------
const journal100k = benchJournal({ txns: 100000, seed: '1', rich: false, nocost: false })
const ofx = join(dir, 'bank-1000.ofx')
const rows = []
for (let i = 0; i < 1000; i++) {
  const day = new Date(Date.UTC(2024, 0, 1) + Math.floor(i / 4) * 86_400_000).toISOString().slice(0, 10).replaceAll('-', '')
  const cents = ((i * 7919) % 100000) + 1
  rows.push(`<STMTTRN><TRNTYPE>DEBIT<DTPOSTED>${day}120000<TRNAMT>-${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}<FITID>BENCH${String(i).padStart(6, '0')}<NAME>MERCHANT ${i % 300}<MEMO>CARD PURCHASE ${i}</STMTTRN>`)
}
writeFileSync(ofx, `OFXHEADER:100\nDATA:OFXSGML\nVERSION:102\nSECURITY:NONE\nENCODING:USASCII\nCHARSET:1252\nCOMPRESSION:NONE\nOLDFILEUID:NONE\nNEWFILEUID:NONE\n\n<OFX><SIGNONMSGSRSV1><SONRS><STATUS><CODE>0<SEVERITY>INFO</STATUS><DTSERVER>20240501<LANGUAGE>ENG<FI><ORG>BENCH<FID>9999</FI></SONRS></SIGNONMSGSRSV1>\n<BANKMSGSRSV1><STMTTRNRS><TRNUID>1<STATUS><CODE>0<SEVERITY>INFO</STATUS><STMTRS><CURDEF>USD<BANKACCTFROM><BANKID>1<ACCTID>123456<ACCTTYPE>CHECKING</BANKACCTFROM>\n<BANKTRANLIST><DTSTART>20240101<DTEND>20240501\n${rows.join('\n')}\n</BANKTRANLIST><LEDGERBAL><BALAMT>0<DTASOF>20240501</LEDGERBAL></STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>\n`)
const known = join(dir, 'known.journal')
writeFileSync(known, Array.from({ length: 500 }, (_, i) => `2024-01-01 known ${i}\n    Assets:Checking  $-1.00\n    ; ofxid: 9999.123456.BENCH${String(i * 2).padStart(6, '0')}\n    Expenses:Misc\n`).join('\n'))
const main = join(dir, 'main-100k.journal')
writeFileSync(main, `include ${journal100k}\ninclude ${known}\n`)
const argv = [PTABRIDGE, 'import', '-a', 'Assets:Checking', '-f', main, ofx]
const first = wall(argv)
console.log(`1. ${ofx} (1,000 transactions) against ${journal100k} (100,000) + 500 known ids: ${first.stderr.trim()}`)
const times = Array.from({ length: runs }, () => wall(argv).seconds)
console.log(`   ptabridge import: median ${median(times).toFixed(2)} s over ${runs} runs (${times.map((t) => t.toFixed(2)).join(', ')})`)

// --- 2. ledger-autosync's timing case ------------------------------------
const fixture = join(root, '../shared/oracle/autosync/fixtures/fidelity-one-dtsettle.ofx')
if (!existsSync(fixture) || !have('ledger-autosync')) {
  console.log('2. skipped: ledger-autosync or its fixtures are not present')
  process.exit(0)
}
const j20k = join(dir, 'synthetic-20k.ledger')
if (!existsSync(j20k)) {
  const out = []
  for (let i = 0; i < 20000; i++) {
    const d = new Date(Date.UTC(2015, 0, 1) + Math.floor(i / 10) * 86_400_000).toISOString().slice(0, 10).replaceAll('-', '/')
    out.push(`${d} Payee ${i % 500}\n    Assets:Checking                  $-${(i % 997) + 1}.${String(i % 100).padStart(2, '0')}\n    ; ofxid: 1234.987654.SYN${i}\n    Expenses:Category${i % 40}\n`)
  }
  writeFileSync(j20k, out.join('\n'))
}
const env = { ...process.env, HOME: dir }
delete env.LEDGER_FILE
const autosync = (backend) => {
  const started = performance.now()
  const r = spawnSync('ledger-autosync', [...(backend === 'hledger' ? ['--hledger'] : []), '-a', 'Assets:Checking', '-l', j20k, fixture], { cwd: dir, env, encoding: 'utf8' })
  if (r.status !== 0) throw new Error(`ledger-autosync failed: ${r.stderr.slice(-300)}`)
  return (performance.now() - started) / 1000
}
const ours = []
const theirs = []
for (let i = 0; i < autosyncRuns; i++) {
  theirs.push(autosync('ledger'))
  ours.push(wall([PTABRIDGE, 'import', '-a', 'Assets:Checking', '-f', j20k, fixture, '-q']).seconds)
}
const hledgerTimes = Array.from({ length: hledgerRuns }, () => autosync('hledger'))
const ratios = ours.map((t, i) => t / (theirs[i] ?? 1))
console.log(`2. fidelity-one-dtsettle.ofx (17 transactions, all new) against a 20,000-transaction journal:`)
console.log(`   ledger-autosync (ledger backend): median ${median(theirs).toFixed(2)} s (${theirs.map((t) => t.toFixed(2)).join(', ')})`)
if (hledgerTimes.length) console.log(`   ledger-autosync --hledger: median ${median(hledgerTimes).toFixed(2)} s (${hledgerTimes.map((t) => t.toFixed(2)).join(', ')})`)
console.log(`   ptabridge import: median ${median(ours).toFixed(2)} s (${ours.map((t) => t.toFixed(2)).join(', ')})`)
console.log(`   ratio ptabridge/ledger-autosync: ${median(ratios).toFixed(3)}x (median of ${ratios.length} paired runs)`)
