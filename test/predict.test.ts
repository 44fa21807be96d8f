/**
 * Counter-account prediction: banks2ledger's tokenizer and scoring (the
 * baseline), ledger-autosync's exact-payee rule, ptabridge's model (payee
 * history, tokens, amount bands, source accounts, the confidence threshold,
 * renamed accounts), the replay figures the issue asks for, `ptabridge
 * predict`, and predictions inside `ptabridge import`.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { Decimal } from 'decimal.js'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { run } from '../src/cli/index.js'
import { parse } from '../src/parse/index.js'
import { parseFile } from '../src/parse/files.js'
import { Banks2LedgerPredictor, CounterAccountModel, ExactPayeePredictor, examplesOf, modelFromJournal, normalisedPayee, replay, tokenize } from '../src/predict/index.js'
import type { Example } from '../src/predict/index.js'
import { fakeIo } from './helpers/fake-io.js'
import { ROOT, SHARED, skipNote } from './helpers/paths.js'
import { scratchDir } from './helpers/scratch.js'

const ex = (description: string, target: string, amount?: string, source = 'Assets:Bank', date = '2024-01-01'): Example =>
  ({ date, description, source, target, ...(amount !== undefined ? { amount: new Decimal(amount) } : {}) })

function tree(text: string): { files: Array<{ journal: ReturnType<typeof parse>['journal'] }> } {
  return { files: [{ journal: parse(text, { dialect: 'ledger' }).journal }] }
}

test('tokenize: banks2ledger\'s rules', () => {
  assert.equal(tokenize('Coop Konsum /16-03-29, 20160329 ref|my note'), ['COOP', 'KONSUM', 'YY-MM-DD', 'YYYYMMDD', 'REF'])
  assert.is(normalisedPayee('POS REWE SAGT DANKE 1234 HAMBURG/24-03-01'), 'POS REWE SAGT DANKE HAMBURG')
})

test('banks2ledger baseline: P_belong over all accounts of an entry, ties and the source account give Unknown', () => {
  const b = new Banks2LedgerPredictor()
  b.learn(ex('COOP KONSUM', 'Expenses:Groceries'))
  b.learn(ex('COOP KONSUM', 'Expenses:Groceries'))
  b.learn(ex('SHELL', 'Expenses:Fuel'))
  assert.is(b.predict({ description: 'COOP', source: 'Assets:Bank' }).account, 'Expenses:Groceries')
  // the bank account got every token too, but is excluded by name
  assert.ok(!b.predict({ description: 'COOP', source: 'Assets:Bank' }).candidates.some((c) => c.account === 'Assets:Bank'))
  b.learn(ex('COOP KONSUM', 'Expenses:Household'))
  b.learn(ex('COOP KONSUM', 'Expenses:Household'))
  assert.is(b.predict({ description: 'COOP KONSUM', source: 'Assets:Bank' }).account, undefined, 'a tie is Unknown')
  assert.is(b.predict({ description: 'NEVER SEEN', source: 'Assets:Bank' }).account, undefined)
})

test('exact payee: ledger-autosync\'s rule (last account in order of first appearance, not the source)', () => {
  const e = new ExactPayeePredictor()
  e.learn(ex('Generic', 'Expenses:Foo'))
  e.learn(ex('Generic', 'Expenses:Bar'))
  e.learn(ex('Generic', 'Expenses:Foo'))
  assert.is(e.predict({ description: 'Generic', source: 'Assets:Bank' }).account, 'Expenses:Bar')
  assert.is(e.predict({ description: 'generic', source: 'Assets:Bank' }).account, undefined)
})

test('model: payee history, tokens, amount bands and the source account; Unknown when unsure', () => {
  const m = new CounterAccountModel({ threshold: 0.6 })
  for (let i = 0; i < 6; i++) {
    m.learn(ex(`AMAZON EU ${100 + i}-${i}`, 'Expenses:Books', '-12.50'))
    m.learn(ex(`AMAZON EU ${200 + i}-${i}`, 'Expenses:Electronics', '-450.00'))
    m.learn(ex(`KARTENZAHLUNG REWE ${i}`, 'Expenses:Groceries', '-30'))
    m.learn(ex(`NETFLIX.COM ${i}`, 'Expenses:Subscriptions', '-13', 'Liabilities:Visa'))
  }
  assert.is(m.predict({ description: 'AMAZON EU 999-9', source: 'Assets:Bank', amount: new Decimal('-19.99') }).account, 'Expenses:Books')
  assert.is(m.predict({ description: 'AMAZON EU 999-9', source: 'Assets:Bank', amount: new Decimal('-899') }).account, 'Expenses:Electronics')
  const rewe = m.predict({ description: 'POS REWE 77 HAMBURG', source: 'Assets:Bank', amount: new Decimal('-41') })
  assert.is(rewe.account, 'Expenses:Groceries')
  assert.ok(rewe.candidates[0]?.evidence.some((e) => e.includes('REWE')), 'the tokens are the evidence')
  assert.is(m.predict({ description: 'NETFLIX.COM 9', source: 'Liabilities:Visa' }).account, 'Expenses:Subscriptions')
  const unknown = m.predict({ description: 'SOMETHING ELSE ENTIRELY', source: 'Assets:Bank' })
  assert.is(unknown.account, undefined)
  assert.ok(unknown.candidates.length > 0, 'candidates are still listed')
})

test('model: rebuilt from the journal, a renamed account is predicted under its new name at once', () => {
  const journal = Array.from({ length: 5 }, (_, i) => `2024/01/0${i + 1} REWE SAGT DANKE\n    Expenses:Groceries  $${20 + i}\n    Assets:Bank\n`).join('\n')
  assert.is(modelFromJournal(tree(journal) as never).predict({ description: 'REWE SAGT DANKE', source: 'Assets:Bank' }).account, 'Expenses:Groceries')
  const renamed = journal.replaceAll('Expenses:Groceries', 'Expenses:Food:Groceries')
  assert.is(modelFromJournal(tree(renamed) as never).predict({ description: 'REWE SAGT DANKE', source: 'Assets:Bank' }).account, 'Expenses:Food:Groceries')
})

test('replay of a generated bank journal: ptabridge beats exact-payee and banks2ledger', () => {
  const dir = scratchDir('ptabridge-predict-')
  const file = join(dir, 'bank.journal')
  writeFileSync(file, execFileSync(process.execPath, [join(ROOT, 'scripts/gen-bank-journal.mjs'), '--txns', '1500', '--seed', '3']))
  const [exact, baseline, ours] = replay(examplesOf(parseFile(file)), [new ExactPayeePredictor(), new Banks2LedgerPredictor(), new CounterAccountModel()])
  assert.ok(ours && exact && baseline)
  assert.ok(ours.top1 > baseline.top1 && ours.top1 > exact.top1, `${ours.top1} vs ${baseline.top1}, ${exact.top1}`)
  assert.ok(ours.accuracyWhenAnswered >= 0.9, String(ours.accuracyWhenAnswered))
})

const STANDARD = join(SHARED, 'oracle/corpus/ledger-input/standard.dat')
if (!existsSync(STANDARD)) {
  skipNote('standard.dat replay', '../shared is not present')
} else {
  test('replay of standard.dat: ptabridge beats both, and is right ≥ 90% of the time when it answers', () => {
    const [exact, baseline, ours] = replay(examplesOf(parseFile(STANDARD)), [new ExactPayeePredictor(), new Banks2LedgerPredictor(), new CounterAccountModel()])
    assert.ok(ours && exact && baseline)
    assert.ok(ours.top1 > baseline.top1 && ours.top1 > exact.top1, `${ours.top1} vs ${baseline.top1}, ${exact.top1}`)
    assert.ok(ours.accuracyWhenAnswered >= 0.9, String(ours.accuracyWhenAnswered))
  })
}

test('ptabridge predict: candidates with scores, --explain, --json, exit 1 for Unknown', async () => {
  const dir = scratchDir('ptabridge-predict-cli-')
  writeFileSync(join(dir, 'main.ledger'), Array.from({ length: 4 }, (_, i) => `2024/01/0${i + 1} KARTENZAHLUNG REWE ${i}\n    Expenses:Groceries  €${20 + i}\n    Assets:Bank\n`).join('\n'))
  const io = fakeIo({ cwd: dir })
  assert.is(await run(['predict', 'POS REWE 99', '-f', 'main.ledger', '-a', 'Assets:Bank', '--amount', '-25', '--explain'], io), 0)
  assert.match(io.out(), /^Expenses:Groceries\n {2}\d\.\d{3} {2}Expenses:Groceries\n {9}tokens: REWE \(/)
  const json = fakeIo({ cwd: dir })
  await run(['predict', 'POS REWE 99', '-f', 'main.ledger', '--json'], json)
  assert.is((JSON.parse(json.out()) as { answer: string }).answer, 'Expenses:Groceries')
  const unknown = fakeIo({ cwd: dir })
  assert.is(await run(['predict', 'UNHEARD OF', '-f', 'main.ledger'], unknown), 1)
  assert.match(unknown.out(), /^Unknown/)
})

test('import predicts counter accounts from the journal (--no-predict: exact payees only)', async () => {
  const dir = scratchDir('ptabridge-predict-import-')
  writeFileSync(join(dir, 'main.ledger'), Array.from({ length: 4 }, (_, i) => `2024/01/0${i + 1} KARTENZAHLUNG REWE ${i}\n    Expenses:Groceries  $${20 + i}\n    Assets:Bank\n`).join('\n'))
  const ofx = `OFXHEADER:100\nDATA:OFXSGML\nVERSION:102\nSECURITY:NONE\nENCODING:USASCII\nCHARSET:1252\nCOMPRESSION:NONE\nOLDFILEUID:NONE\nNEWFILEUID:NONE\n\n<OFX><SIGNONMSGSRSV1><SONRS><STATUS><CODE>0<SEVERITY>INFO</STATUS><DTSERVER>20240201<LANGUAGE>ENG<FI><ORG>B<FID>1</FI></SONRS></SIGNONMSGSRSV1><BANKMSGSRSV1><STMTTRNRS><TRNUID>1<STATUS><CODE>0<SEVERITY>INFO</STATUS><STMTRS><CURDEF>USD<BANKACCTFROM><BANKID>1<ACCTID>9<ACCTTYPE>CHECKING</BANKACCTFROM><BANKTRANLIST><DTSTART>20240201<DTEND>20240202<STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20240202<TRNAMT>-23.10<FITID>x1<NAME>KARTENZAHLUNG REWE 77</STMTTRN></BANKTRANLIST><LEDGERBAL><BALAMT>0<DTASOF>20240202</LEDGERBAL></STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>\n`
  writeFileSync(join(dir, 'feb.ofx'), ofx)
  const io = fakeIo({ cwd: dir })
  assert.is(await run(['import', '-a', 'Assets:Bank', '-f', 'main.ledger', 'feb.ofx', '-q'], io), 0)
  assert.match(io.out(), /^ {4}Expenses:Groceries {2,}\$23\.10$/m)
  const exact = fakeIo({ cwd: dir })
  await run(['import', '-a', 'Assets:Bank', '-f', 'main.ledger', 'feb.ofx', '-q', '--no-predict'], exact)
  assert.match(exact.out(), /^ {4}Expenses:Misc {2,}\$23\.10$/m)
})

test.run()
