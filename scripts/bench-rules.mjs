#!/usr/bin/env node
// Benchmark: `ptabridge import` of a 100k-row CSV with an hledger rules file
// against `hledger import --dry-run` of the same file with the same rules, in
// the same run, interleaved (issue 9's acceptance: at most 0.5x).
//
// Usage: node scripts/bench-rules.mjs [--rows 100000] [--runs 3]
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { compare, have, options, PTABRIDGE } from './bench-lib.mjs'

const { opt } = options()
const rows = Number(opt('--rows', 100000))
const runs = Number(opt('--runs', 3))
if (!have('hledger')) {
  console.error('hledger is not installed: nothing to compare against')
  process.exit(2)
}
const dir = '/tmp/ptabridge-bench/rules'
mkdirSync(dir, { recursive: true })
const payees = ['REWE SAGT DANKE', 'AMAZON MKTPLACE', 'SHELL TANKSTELLE', 'NETFLIX.COM', 'STADTWERKE', 'GEHALT ACME GMBH', 'MIETE HAUSVERWALTUNG', 'DB VERTRIEB', 'APOTHEKE AM MARKT', 'SPOTIFY AB']
const lines = ['Buchungstag;Verwendungszweck;Betrag;Referenz']
for (let i = 0; i < rows; i++) {
  const day = new Date(Date.UTC(2015, 0, 1) + Math.floor(i / 20) * 86_400_000)
  const d = `${String(day.getUTCDate()).padStart(2, '0')}.${String(day.getUTCMonth() + 1).padStart(2, '0')}.${day.getUTCFullYear()}`
  const cents = ((i * 7919) % 250000) + 1
  const sign = i % 17 === 0 ? '' : '-'
  const euros = Math.floor(cents / 100)
  const amount = `${sign}${euros >= 1000 ? `${Math.floor(euros / 1000)}.${String(euros % 1000).padStart(3, '0')}` : euros},${String(cents % 100).padStart(2, '0')}`
  lines.push(`${d};${payees[i % payees.length]} ${i % 97};${amount};REF${i}`)
}
writeFileSync(join(dir, 'bank.csv'), lines.join('\n') + '\n')
const rules = ['separator ;', 'skip 1', 'fields date, description, amount, code', 'date-format %d.%m.%Y', 'decimal-mark ,', 'currency EUR ', 'account1 assets:bank:giro', '']
const categories = [['REWE', 'expenses:groceries'], ['AMAZON', 'expenses:shopping'], ['SHELL', 'expenses:car:fuel'], ['NETFLIX|SPOTIFY', 'expenses:subscriptions'], ['STADTWERKE', 'expenses:utilities'], ['GEHALT', 'income:salary'], ['MIETE', 'expenses:rent'], ['DB VERTRIEB', 'expenses:travel'], ['APOTHEKE', 'expenses:health']]
for (const [pattern, account] of categories) rules.push(`if %description ${pattern}`, ` account2 ${account}`, '')
writeFileSync(join(dir, 'bank.csv.rules'), rules.join('\n'))
writeFileSync(join(dir, 'main.journal'), '2014-12-31 opening\n    assets:bank:giro  EUR 1000,00\n    equity:opening\n')
compare([
  { name: 'ptabridge import', argv: [PTABRIDGE, 'import', '-f', join(dir, 'main.journal'), '--rules', join(dir, 'bank.csv.rules'), '--target', 'hledger', '-q', join(dir, 'bank.csv')] },
  { name: 'hledger import', argv: ['hledger', '-f', join(dir, 'main.journal'), 'import', '--dry-run', '--rules-file', join(dir, 'bank.csv.rules'), join(dir, 'bank.csv')] },
], { runs, pairs: [['ptabridge import', 'hledger import']], limits: { timeout: 600 }, title: `${rows}-row CSV with ${categories.length} if blocks (${dir})` })
