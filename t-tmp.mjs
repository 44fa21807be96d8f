import { parseFile, resolveJournal } from './dist/src/index.js'
for (const f of process.argv.slice(2)) {
const r = resolveJournal(parseFile('/work/shared/oracle/corpus/ledger-regress/' + f, { dialect: 'ledger' }), { dialect: 'ledger', today: '2026-11-22' })
console.log(f, r.diagnostics.map(d => d.severity + ' ' + d.message))
}
