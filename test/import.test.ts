/**
 * `ptabridge import`: parity with every recorded ledger-autosync run, the
 * places where ledger-autosync is wrong and ptabridge is right, acceptance of
 * every output by ledger and hledger (with the statement's balance asserted),
 * re-importing an output against itself, overlapping files, multi-account
 * files, and --append (lock, backup, trailing newline, atomic write).
 */
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { run } from '../src/cli/index.js'
import { Progress } from '../src/cli/progress.js'
import { joinForAppend } from '../src/import/append.js'
import { autosyncRuns, comparable, parityOf } from './helpers/autosync-parity.js'
import { fakeIo } from './helpers/fake-io.js'
import { SHARED, skipNote } from './helpers/paths.js'
import { scratchDir } from './helpers/scratch.js'

const AUTOSYNC = join(SHARED, 'oracle/autosync')
const HAVE_FIXTURES = existsSync(join(AUTOSYNC, 'expected/STATUS.tsv'))
const have = (tool: string): boolean => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0
const TOOLS = have('ledger') && have('hledger')

async function ptabridge(argv: string[], cwd: string, env: Record<string, string> = {}): Promise<{ code: number; out: string; err: string }> {
  const io = fakeIo({ cwd, env })
  const code = await run(argv, io)
  return { code, out: io.out(), err: io.err() }
}

/** A small OFX 1 (SGML) bank statement. */
function bankOfx(transactions: Array<{ fitid: string; date: string; amount: string; name: string }>, options: { acctid?: string; balance?: string; fid?: string } = {}): string {
  const body = transactions.map((t) => `<STMTTRN><TRNTYPE>DEBIT<DTPOSTED>${t.date}120000<TRNAMT>${t.amount}<FITID>${t.fitid}<NAME>${t.name}</STMTTRN>`).join('\n')
  return `OFXHEADER:100\nDATA:OFXSGML\nVERSION:102\nSECURITY:NONE\nENCODING:USASCII\nCHARSET:1252\nCOMPRESSION:NONE\nOLDFILEUID:NONE\nNEWFILEUID:NONE\n\n<OFX><SIGNONMSGSRSV1><SONRS><STATUS><CODE>0<SEVERITY>INFO</STATUS><DTSERVER>20240110<LANGUAGE>ENG<FI><ORG>BANK<FID>${options.fid ?? '4242'}</FI></SONRS></SIGNONMSGSRSV1>
<BANKMSGSRSV1><STMTTRNRS><TRNUID>1<STATUS><CODE>0<SEVERITY>INFO</STATUS><STMTRS><CURDEF>USD<BANKACCTFROM><BANKID>1<ACCTID>${options.acctid ?? '111'}<ACCTTYPE>CHECKING</BANKACCTFROM>
<BANKTRANLIST><DTSTART>20240101<DTEND>20240110
${body}
</BANKTRANLIST><LEDGERBAL><BALAMT>${options.balance ?? '0'}<DTASOF>20240110</LEDGERBAL></STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>
`
}

if (!HAVE_FIXTURES) {
  skipNote('ledger-autosync parity', '../shared/oracle/autosync is not present')
} else {
  test('parity: every recorded ledger-autosync run that succeeds gives the same transactions and ids', async () => {
    const results = []
    for (const r of autosyncRuns(AUTOSYNC)) {
      const result = await parityOf(r, AUTOSYNC)
      if (result) results.push(result)
    }
    assert.ok(results.length >= 150, `only ${results.length} runs compared`)
    const failing = results.filter((r) => !r.same)
    assert.equal(failing.map((f) => `${f.name}: ${f.detail.slice(0, 1500)}`), [])
  })

  test('ledger-autosync is wrong, ptabridge is right: commissions balance, 401k ids are not false positives, --initial without a journal', async () => {
    // commission: the entry balances (ledger-autosync's does not)
    const fee = await ptabridge(['import', '-a', 'Assets:Brokerage', '-L', 'fixtures/fidelity_fee.ofx', '-q'], AUTOSYNC)
    const sell = comparable(fee.out).transactions.find((t) => t.auxDate === '2020-05-26')
    assert.equal(sell?.postings, ['Assets:Brokerage -1 Z9977810Z @@ 8.27 $', 'Assets:Unknown 7.25 $', 'Expenses:Fees 0.02 $', 'Expenses:Commission 1 $'])
    // ids are matched exactly: FITIDs 1 and 3 are not "found" in longer ids of other accounts
    const fp = await ptabridge(['import', '-a', 'Assets:401k', '-f', join(AUTOSYNC, 'expected/falsepos.lgr.txt'), 'fixtures/investment_401k.ofx', '-q'], AUTOSYNC)
    assert.is(comparable(fp.out).transactions.length, 3)
    // --initial without a journal prints the opening balance (ledger-autosync crashes)
    const initial = await ptabridge(['import', '-a', 'Assets:Checking', '-L', '--initial', '--assertions', 'fixtures/checking.ofx', '-q'], AUTOSYNC)
    assert.is(initial.code, 0)
    assert.match(initial.out, /^2000\/01\/01 \* --Autosync Initial Balance\n {4}Assets:Checking {2,}\$160\.49\n {4}; ofxid: 1101\.1452687~7\.autosync_initial\n/m)
  })

  test('re-importing each fixture against the journal its import produced prints no transactions', async () => {
    const dir = scratchDir('ptabridge-import-rt-')
    const fixtures = ['accented_characters_latin1.ofx', 'apostrophe.ofx', 'checking-payee-match.ofx', 'checking.ofx', 'checking_order.ofx', 'comments.ofx', 'cusip.ofx', 'fidelity-one-dtsettle.ofx', 'fidelity.ofx', 'fidelity_fee.ofx', 'income.ofx', 'investment_401k.ofx', 'amazon.csv', 'amazon2.csv', 'mint.csv', 'paypal.csv', 'paypal_alternate.csv', 'venmo.csv']
    for (const target of ['ledger', 'hledger']) {
      for (const f of fixtures) {
        const journal = join(dir, `${f}.${target === 'ledger' ? 'ledger' : 'journal'}`)
        const first = await ptabridge(['import', '-a', 'Assets:Checking', '-L', '--target', target, '--assertions', `fixtures/${f}`, '-q'], AUTOSYNC)
        assert.is(first.code, 0, `${f}: ${first.err}`)
        assert.ok(comparable(first.out).transactions.length > 0, f)
        writeFileSync(journal, first.out)
        const again = await ptabridge(['import', '-a', 'Assets:Checking', '-f', journal, '--target', target, '--assertions', `fixtures/${f}`], AUTOSYNC)
        assert.is(again.code, 0)
        assert.is(again.out, '', `${target} ${f} printed again:\n${again.out}`)
        assert.match(again.err, / 0 new, /)
      }
    }
  })

  if (!TOOLS) {
    skipNote('import output against the real tools', 'ledger or hledger is not installed (CI installs both)')
  } else {
    test('every fixture\'s output is accepted by its target tool, and the statement balance holds (--initial --assertions)', async () => {
      const dir = scratchDir('ptabridge-import-tools-')
      const fixtures = ['accented_characters_latin1.ofx', 'apostrophe.ofx', 'checking-payee-match.ofx', 'checking.ofx', 'checking_order.ofx', 'comments.ofx', 'cusip.ofx', 'fidelity-one-dtsettle.ofx', 'fidelity.ofx', 'fidelity_fee.ofx', 'income.ofx', 'investment_401k.ofx', 'amazon.csv', 'amazon2.csv', 'mint.csv', 'paypal.csv', 'paypal_alternate.csv', 'venmo.csv']
      for (const f of fixtures) {
        for (const target of ['ledger', 'hledger'] as const) {
          const r = await ptabridge(['import', '-a', 'Assets:Checking', '-L', '--target', target, '--initial', '--assertions', `fixtures/${f}`, '-q'], AUTOSYNC)
          const out = join(dir, `${f}.${target}`)
          writeFileSync(out, r.out)
          const tool = target === 'ledger' ? spawnSync('ledger', ['--args-only', '-f', out, 'bal'], { encoding: 'utf8' }) : spawnSync('hledger', ['-f', `journal:${out}`, 'bal'], { encoding: 'utf8' })
          assert.is(tool.status, 0, `${target} rejects the import of ${f}:\n${tool.stderr}\n${r.out}`)
          assert.not.match(tool.stderr, /Error/, `${target}: ${f}: ${tool.stderr}`)
        }
      }
    })
  }
}

/** An investment statement with every aggregate, fees and commissions, a CUSIP, a ticker with a dot, and positions. */
function investmentOfx(): string {
  const l = (name: string, value: string): string => `<${name}>${value}`
  const inv = (fitid: string, memo = ''): string => `<INVTRAN>${l('FITID', fitid)}${l('DTTRADE', '20240105')}${l('DTSETTLE', '20240108')}${memo ? l('MEMO', memo) : ''}</INVTRAN>`
  const sec = (id: string): string => `<SECID>${l('UNIQUEID', id)}${l('UNIQUEIDTYPE', 'CUSIP')}</SECID>`
  const buy = (agg: string, fitid: string, id: string, extra = ''): string => `<${agg}><INVBUY>${inv(fitid)}${sec(id)}${l('UNITS', '3')}${l('UNITPRICE', '10.333')}${l('COMMISSION', '4.95')}${l('FEES', '0.05')}${l('TOTAL', '-36.00')}</INVBUY>${extra}</${agg}>`
  const sell = (agg: string, fitid: string, id: string, extra = ''): string => `<${agg}><INVSELL>${inv(fitid)}${sec(id)}${l('UNITS', '-2')}${l('UNITPRICE', '11.1')}${l('COMMISSION', '1.00')}${l('TOTAL', '21.20')}</INVSELL>${extra}</${agg}>`
  const income = (fitid: string, type: string): string => `<INCOME>${inv(fitid)}${sec('084670702')}${l('INCOMETYPE', type)}${l('TOTAL', '7.50')}</INCOME>`
  return `OFXHEADER:100\nDATA:OFXSGML\nVERSION:102\nSECURITY:NONE\nENCODING:USASCII\nCHARSET:1252\nCOMPRESSION:NONE\nOLDFILEUID:NONE\nNEWFILEUID:NONE\n\n` + [
    '<OFX><SIGNONMSGSRSV1><SONRS><STATUS><CODE>0<SEVERITY>INFO</STATUS><DTSERVER>20240131<LANGUAGE>ENG<FI><ORG>BROKER<FID>777</FI></SONRS></SIGNONMSGSRSV1>',
    '<INVSTMTMSGSRSV1><INVSTMTTRNRS><TRNUID>1<STATUS><CODE>0<SEVERITY>INFO</STATUS><INVSTMTRS><DTASOF>20240131<CURDEF>USD<INVACCTFROM><BROKERID>b<ACCTID>X1</INVACCTFROM><INVTRANLIST><DTSTART>20240101<DTEND>20240131',
    buy('BUYSTOCK', 'b1', '084670702', l('BUYTYPE', 'BUY')), buy('BUYMF', 'b2', 'MF1', l('BUYTYPE', 'BUY')), buy('BUYDEBT', 'b3', 'BOND1'), buy('BUYOPT', 'b4', 'OPT1', l('OPTBUYTYPE', 'BUYTOOPEN') + l('SHPERCTRCT', '100')), buy('BUYOTHER', 'b5', 'OTH1'),
    sell('SELLSTOCK', 's1', '084670702', l('SELLTYPE', 'SELL')), sell('SELLMF', 's2', 'MF1', l('SELLTYPE', 'SELL')), sell('SELLDEBT', 's3', 'BOND1', l('SELLREASON', 'SELL')), sell('SELLOPT', 's4', 'OPT1', l('OPTSELLTYPE', 'SELLTOCLOSE') + l('SHPERCTRCT', '100')), sell('SELLOTHER', 's5', 'OTH1'),
    `<REINVEST>${inv('r1', 'REINVEST')}${sec('MF1')}${l('INCOMETYPE', 'DIV')}${l('TOTAL', '-12.00')}${l('UNITS', '0.585')}${l('UNITPRICE', '20.5128')}</REINVEST>`,
    `<TRANSFER>${inv('t1')}${sec('MF1')}${l('SUBACCTSEC', 'CASH')}${l('UNITS', '4')}${l('TFERACTION', 'IN')}${l('POSTYPE', 'LONG')}${l('UNITPRICE', '20.25')}</TRANSFER>`,
    income('i1', 'DIV'), income('i2', 'INTEREST'), income('i3', 'CGLONG'), income('i4', 'CGSHORT'), income('i5', 'MISC'),
    `<INVEXPENSE>${inv('e1', 'ADVISORY FEE')}${sec('MF1')}${l('TOTAL', '-2.50')}${l('SUBACCTSEC', 'CASH')}${l('SUBACCTFUND', 'CASH')}</INVEXPENSE>`,
    `<MARGININTEREST>${inv('m1')}${l('TOTAL', '-3.21')}${l('SUBACCTFUND', 'MARGIN')}</MARGININTEREST>`,
    `<RETOFCAP>${inv('c1')}${sec('MF1')}${l('TOTAL', '1.11')}${l('SUBACCTSEC', 'CASH')}${l('SUBACCTFUND', 'CASH')}</RETOFCAP>`,
    `<SPLIT>${inv('p1')}${sec('084670702')}${l('SUBACCTSEC', 'CASH')}${l('OLDUNITS', '3')}${l('NEWUNITS', '6')}${l('NUMERATOR', '2')}${l('DENOMINATOR', '1')}</SPLIT>`,
    `<JRNLFUND>${inv('j1')}${l('SUBACCTFROM', 'CASH')}${l('SUBACCTTO', 'MARGIN')}${l('TOTAL', '50')}</JRNLFUND>`,
    `<JRNLSEC>${inv('j2')}${sec('MF1')}${l('SUBACCTFROM', 'MARGIN')}${l('SUBACCTTO', 'CASH')}${l('UNITS', '1')}</JRNLSEC>`,
    `<CLOSUREOPT>${inv('o1')}${sec('OPT1')}${l('OPTACTION', 'EXPIRE')}${l('UNITS', '1')}${l('SHPERCTRCT', '100')}${l('SUBACCTSEC', 'CASH')}</CLOSUREOPT>`,
    `<INVBANKTRAN><STMTTRN>${l('TRNTYPE', 'INT')}${l('DTPOSTED', '20240110')}${l('TRNAMT', '0.42')}${l('FITID', 'k1')}${l('NAME', 'CASH INTEREST')}</STMTTRN>${l('SUBACCTFUND', 'CASH')}</INVBANKTRAN>`,
    '</INVTRANLIST><INVPOSLIST>',
    `<POSSTOCK><INVPOS>${sec('084670702')}${l('HELDINACCT', 'CASH')}${l('POSTYPE', 'LONG')}${l('UNITS', '6')}${l('UNITPRICE', '5.5')}${l('MKTVAL', '33')}${l('DTPRICEASOF', '20240131')}</INVPOS></POSSTOCK>`,
    '</INVPOSLIST><INVBAL><AVAILCASH>10<MARGINBALANCE>0<SHORTBALANCE>0</INVBAL></INVSTMTRS></INVSTMTTRNRS></INVSTMTMSGSRSV1>',
    '<SECLISTMSGSRSV1><SECLIST><STOCKINFO><SECINFO>', sec('084670702'), l('SECNAME', 'BERKSHIRE B'), l('TICKER', 'BRK.B'), '</SECINFO></STOCKINFO></SECLIST></SECLISTMSGSRSV1></OFX>',
  ].join('\n') + '\n'
}

test('every investment kind balances, carries its money, and is accepted by its target tool; BRK.B and CUSIPs are quoted', async () => {
  const dir = scratchDir('ptabridge-import-inv-')
  writeFileSync(join(dir, 'inv.ofx'), investmentOfx())
  for (const target of ['ledger', 'hledger'] as const) {
    const r = await ptabridge(['import', '-L', '-a', 'Assets:Broker', '--target', target, 'inv.ofx', '-q'], dir)
    assert.is(r.code, 0, r.err)
    const { transactions, prices } = comparable(r.out)
    assert.is(transactions.length, 25)
    assert.match(r.out, /"BRK\.B" @@ \$31\.00\n/)
    assert.match(r.out, /"MF1"/)
    assert.equal(prices, ['2024-01-31 BRK.B 5.5'])
    assert.match(r.out, /^P 2024\/01\/31 "BRK\.B" \$5\.5$/m)
    const byId = (id: string): string[] => transactions.find((t) => t.ids.includes(`ofxid=777.X1.${id}`))?.postings ?? []
    assert.equal(byId('b1'), ['Assets:Broker 3 BRK.B @@ 31 $', 'Assets:Unknown -36 $', 'Expenses:Fees 0.05 $', 'Expenses:Commission 4.95 $'])
    assert.equal(byId('i2'), ['Assets:Broker 7.5 $', 'Income:Interest -7.5 $'])
    assert.equal(byId('i3'), ['Assets:Broker 7.5 $', 'Income:Capital Gains:Long -7.5 $'])
    assert.equal(byId('r1'), ['Assets:Broker 0.585 MF1 @@ 12 $', 'Income:Dividends -12 $'])
    assert.equal(byId('m1'), ['Assets:Broker -3.21 $', 'Expenses:Margin Interest 3.21 $'])
    assert.equal(byId('p1'), ['Assets:Broker 3 BRK.B', 'Equity:Stock Splits -3 BRK.B'])
    if (TOOLS) {
      const out = join(dir, `out.${target}`)
      writeFileSync(out, r.out)
      const tool = target === 'ledger' ? spawnSync('ledger', ['--args-only', '-f', out, 'bal'], { encoding: 'utf8' }) : spawnSync('hledger', ['-f', `journal:${out}`, 'bal'], { encoding: 'utf8' })
      assert.is(tool.status, 0, `${target}: ${tool.stderr}\n${r.out}`)
    }
  }
  // hledger dates the settling posting; ledger gets an auxiliary date
  const h = await ptabridge(['import', '-L', '-a', 'Assets:Broker', '--target', 'hledger', 'inv.ofx', '-q'], dir)
  assert.match(h.out, /^2024\/01\/05 YOU|^2024\/01\/05 Assets:Broker: buystock\n(?:.*\n){3}    ; date: 2024-01-08\n/m)
  const l = await ptabridge(['import', '-L', '-a', 'Assets:Broker', 'inv.ofx', '-q'], dir)
  assert.match(l.out, /^2024\/01\/05=2024\/01\/08 Assets:Broker: buystock$/m)
})

test('--max DAYS keeps the last DAYS days of the file; --resync the whole file', async () => {
  const dir = scratchDir('ptabridge-import-max-')
  writeFileSync(join(dir, 'a.ofx'), bankOfx([{ fitid: '1', date: '20240101', amount: '-1.00', name: 'OLD' }, { fitid: '2', date: '20240108', amount: '-2.00', name: 'NEW' }]))
  const max = await ptabridge(['import', '-L', '-a', 'Assets:Bank', '--max', '3', 'a.ofx'], dir)
  assert.equal(comparable(max.out).transactions.map((t) => t.payee), ['NEW'])
  assert.match(max.err, /1 outside --max/)
  const all = await ptabridge(['import', '-L', '-a', 'Assets:Bank', '--max', '3', '--resync', 'a.ofx', '-q'], dir)
  assert.equal(comparable(all.out).transactions.map((t) => t.payee), ['OLD', 'NEW'])
})

test('progress bar: drawn on a terminal only, and cleared', () => {
  const written: string[] = []
  const tty = { ...fakeIo(), stderr: { write: (c: string | Uint8Array) => written.push(String(c)), isTTY: true } }
  const bar = new Progress(tty, 'importing', 4)
  bar.update(2)
  bar.done()
  assert.match(written.join(''), /\rimporting \[#{15} {15}\] 2\/4/)
  assert.match(written.at(-1) ?? '', /\u001b\[2K/)
  const quiet = fakeIo()
  new Progress(quiet, 'importing', 4).update(4)
  assert.is(quiet.err(), '')
})

test('overlapping files: the second import prints exactly the transactions the first did not have; duplicates within a file fold', async () => {
  const dir = scratchDir('ptabridge-import-overlap-')
  const a = bankOfx([{ fitid: '1', date: '20240102', amount: '-1.00', name: 'ONE' }, { fitid: '2', date: '20240103', amount: '-2.00', name: 'TWO' }])
  const b = bankOfx([{ fitid: '2', date: '20240103', amount: '-2.00', name: 'TWO' }, { fitid: '3', date: '20240104', amount: '-3.00', name: 'THREE' }, { fitid: '3', date: '20240104', amount: '-3.00', name: 'THREE' }])
  writeFileSync(join(dir, 'a.ofx'), a)
  writeFileSync(join(dir, 'b.ofx'), b)
  writeFileSync(join(dir, 'main.ledger'), '')
  const first = await ptabridge(['import', '-a', 'Assets:Bank', '-f', 'main.ledger', 'a.ofx', '--append', '-q'], dir)
  assert.is(first.code, 0, first.err)
  const second = await ptabridge(['import', '-a', 'Assets:Bank', '-f', 'main.ledger', 'b.ofx'], dir)
  assert.equal(comparable(second.out).transactions.map((t) => t.payee), ['THREE'])
  assert.match(second.err, /3 read, 1 new, 1 already in the journal, 1 repeated in the file/)
  // an id that is a prefix, or matches as a regex, is not a duplicate
  writeFileSync(join(dir, 'c.ofx'), bankOfx([{ fitid: '1', date: '20240105', amount: '-5.00', name: 'SHORT' }], { acctid: '11' }))
  const third = await ptabridge(['import', '-a', 'Assets:Bank', '-f', 'main.ledger', 'c.ofx', '-q'], dir)
  assert.equal(comparable(third.out).transactions.map((t) => t.payee), ['SHORT'])
})

test('ids with commas and parentheses dedup with either target; a non-numeric check number is kept; an evening trade keeps its date', async () => {
  const dir = scratchDir('ptabridge-import-ids-')
  const text = bankOfx([{ fitid: 'A,1(x', date: '20240102', amount: '-1.00', name: 'COMMA' }])
    .replace('<NAME>COMMA', '<CHECKNUM>A12<NAME>COMMA')
    .replace('<DTPOSTED>20240102120000', '<DTPOSTED>20240102213000[-5:EST]')
  writeFileSync(join(dir, 'a.ofx'), text)
  for (const target of ['ledger', 'hledger']) {
    const journal = join(dir, `main.${target}`)
    writeFileSync(journal, '')
    const first = await ptabridge(['import', '-a', 'Assets:Bank', '-f', journal, '--target', target, 'a.ofx', '--append', '-q'], dir)
    assert.is(first.code, 0, first.err)
    const written = readFileSync(journal, 'utf8')
    assert.match(written, /^2024\/01\/02 \(A12\) COMMA$/m)
    assert.match(written, /; ofxid: 4242\.111\.A,1\(x$/m)
    const again = await ptabridge(['import', '-a', 'Assets:Bank', '-f', journal, '--target', target, 'a.ofx'], dir)
    assert.is(again.out, '')
    assert.match(again.err, /1 read, 0 new, 1 already in the journal/)
  }
})

test('a file with several statements: each is imported, -a ACCTID=ACCOUNT names them, a plain -a is refused', async () => {
  const dir = scratchDir('ptabridge-import-multi-')
  const one = bankOfx([{ fitid: 'a', date: '20240102', amount: '-1.00', name: 'ONE' }], { acctid: '111' })
  const two = bankOfx([{ fitid: 'b', date: '20240103', amount: '-2.00', name: 'TWO' }], { acctid: '222' })
  const stmt = (s: string): string => s.slice(s.indexOf('<STMTTRNRS>'), s.indexOf('</BANKMSGSRSV1>'))
  writeFileSync(join(dir, 'multi.ofx'), one.replace('</BANKMSGSRSV1>', `${stmt(two)}</BANKMSGSRSV1>`))
  const r = await ptabridge(['import', '-L', '-a', '111=Assets:Checking', '-a', '222=Assets:Savings', 'multi.ofx', '-q'], dir)
  assert.is(r.code, 0, r.err)
  assert.equal(comparable(r.out).transactions.map((t) => t.postings[0]), ['Assets:Checking -1 $', 'Assets:Savings -2 $'])
  const plain = await ptabridge(['import', '-L', '-a', 'Assets:Checking', 'multi.ofx'], dir)
  assert.is(plain.code, 2)
  assert.match(plain.err, /2 statements; name each account as -a ACCTID=ACCOUNT/)
})

test('--append: locked, backed up, newline added, atomic; --dry-run changes nothing; a held lock is refused', async () => {
  const dir = scratchDir('ptabridge-import-append-')
  writeFileSync(join(dir, 'a.ofx'), bankOfx([{ fitid: '1', date: '20240102', amount: '-1.00', name: 'ONE' }]))
  writeFileSync(join(dir, 'main.ledger'), '2024/01/01 Opening\n    Assets:Bank  $10\n    Equity')
  const dry = await ptabridge(['import', '-a', 'Assets:Bank', '-f', 'main.ledger', 'a.ofx', '--append', '--dry-run', '-q'], dir)
  assert.match(dry.out, /ONE/)
  assert.is(readFileSync(join(dir, 'main.ledger'), 'utf8'), '2024/01/01 Opening\n    Assets:Bank  $10\n    Equity')
  writeFileSync(join(dir, 'main.ledger.ptabridge-lock'), '1\n')
  const locked = await ptabridge(['import', '-a', 'Assets:Bank', '-f', 'main.ledger', 'a.ofx', '--append', '-q'], dir)
  assert.is(locked.code, 2)
  assert.match(locked.err, /another ptabridge import is writing this journal/)
  spawnSync('rm', [join(dir, 'main.ledger.ptabridge-lock')])
  const done = await ptabridge(['import', '-a', 'Assets:Bank', '-f', 'main.ledger', 'a.ofx', '--append', '-q'], dir)
  assert.is(done.code, 0, done.err)
  const text = readFileSync(join(dir, 'main.ledger'), 'utf8')
  assert.ok(text.startsWith('2024/01/01 Opening\n    Assets:Bank  $10\n    Equity\n\n2024/01/02 ONE\n'), text)
  assert.is(readFileSync(join(dir, 'main.ledger.ptabridge-backup'), 'utf8'), '2024/01/01 Opening\n    Assets:Bank  $10\n    Equity')
  assert.not.ok(existsSync(join(dir, 'main.ledger.ptabridge-lock')))
  assert.is(joinForAppend('a\r\n', 'b\n'), 'a\r\n\r\nb\r\n')
  assert.is(joinForAppend('a\n\n', 'b\n'), 'a\n\nb\n')
})

test('bad input: a broken OFX file is an error with its position, never a stack trace; CSV needs -a', async () => {
  const dir = scratchDir('ptabridge-import-bad-')
  writeFileSync(join(dir, 'broken.ofx'), bankOfx([{ fitid: '1', date: '20240102', amount: '-1.00', name: 'ONE' }]).split('</BANKTRANLIST>')[0] ?? '')
  const r = await ptabridge(['import', '-L', '-a', 'Assets:Bank', 'broken.ofx'], dir)
  assert.is(r.code, 1)
  assert.match(r.err, /^broken\.ofx:\d+:\d+: error: /m)
  assert.not.match(r.err, /at .*\.js/)
  writeFileSync(join(dir, 'x.csv'), 'Date,Amount\n01/02/2024,1\n')
  const csv = await ptabridge(['import', '-L', 'x.csv'], dir)
  assert.is(csv.code, 2)
  assert.match(csv.err, /-a ACCOUNT/)
})

test.run()
