/**
 * The OFX reader (src/import/ofx): header detection and character sets,
 * the SGML/XML tokenizer and tree (unclosed leaves, implicit closes,
 * truncation, hostile DOCTYPE/ENTITY, bounds), numbers and dates, the
 * mapping of bank, credit-card and investment statements to the model, and
 * every ledger-autosync fixture in ../shared/oracle/autosync/fixtures.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { decodeOfx } from '../src/import/ofx/decode.js'
import { OfxError, parseOfxDate, parseOfxNumber, readOfx } from '../src/import/ofx/read.js'
import { tokenize } from '../src/import/ofx/tokenize.js'
import type { OfxDocument } from '../src/import/model.js'
import { SHARED, skipNote } from './helpers/paths.js'

const FIXTURES = join(SHARED, 'oracle/autosync/fixtures')
const HAVE_FIXTURES = existsSync(FIXTURES)
if (!HAVE_FIXTURES) skipNote('OFX fixture tests', `${FIXTURES} is absent`)

const enc = (s: string): Uint8Array => new TextEncoder().encode(s)
/** Bytes from a string whose characters are all below 256 (one byte each). */
const bytes = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0))
const fixture = (name: string): OfxDocument => readOfx(readFileSync(join(FIXTURES, name)), name)

/** Run `f`, which must throw an OfxError, and return it. */
function ofxError(f: () => unknown): OfxError {
  try {
    f()
  } catch (err) {
    if (err instanceof OfxError) return err
    throw err
  }
  throw new assert.Assertion({ message: 'expected an OfxError', generated: false, operator: 'throws', expects: 'OfxError', actual: 'no error' })
}

const SGML_HEADER = [
  'OFXHEADER:100', 'DATA:OFXSGML', 'VERSION:102', 'SECURITY:NONE', 'ENCODING:USASCII', 'CHARSET:1252',
  'COMPRESSION:NONE', 'OLDFILEUID:NONE', 'NEWFILEUID:NONE', '', '',
].join('\n')
const XML_HEADER = '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n<?OFX OFXHEADER="200" VERSION="211" SECURITY="NONE" OLDFILEUID="NONE" NEWFILEUID="NONE"?>\n'

/** A bank statement body; `close` adds XML end tags to the leaves. */
function bankBody(close: boolean, opts: { acct?: string; trn?: string; cc?: boolean } = {}): string {
  const l = (name: string, value: string): string => `<${name}>${value}${close ? `</${name}>` : ''}`
  const trn = opts.trn ?? [
    '<STMTTRN>', l('TRNTYPE', 'DEBIT'), l('DTPOSTED', '20240102120000.000[-5:EST]'), l('DTUSER', '20240101'),
    l('TRNAMT', '-1,234.56'), l('FITID', ' 2024010201 '), l('NAME', 'GROCERY &amp; CO'), l('MEMO', '  POS PURCHASE  '),
    l('CHECKNUM', '1001'), '</STMTTRN>',
    '<STMTTRN>', l('TRNTYPE', 'CREDIT'), l('DTPOSTED', '20240103'), l('TRNAMT', '+00000000001234.5600'),
    l('FITID', '2024010302'), l('NAME', 'REFUND'), '<CURRENCY>', l('CURRATE', '1.1'), l('CURSYM', 'eur'), '</CURRENCY>', '</STMTTRN>',
  ].join('\n')
  const acct = opts.cc
    ? ['<CCACCTFROM>', l('ACCTID', opts.acct ?? '4111'), '</CCACCTFROM>']
    : ['<BANKACCTFROM>', l('BANKID', '121000248'), l('ACCTID', opts.acct ?? '1234'), l('ACCTTYPE', 'CHECKING'), '</BANKACCTFROM>']
  return [
    opts.cc ? '<CCSTMTRS>' : '<STMTRS>', l('CURDEF', 'usd'), ...acct,
    '<BANKTRANLIST>', l('DTSTART', '20240101'), l('DTEND', '20240131235959'), trn, '</BANKTRANLIST>',
    '<LEDGERBAL>', l('BALAMT', '100.99'), l('DTASOF', '20240131'), '</LEDGERBAL>',
    '<AVAILBAL>', l('BALAMT', '75.00'), '</AVAILBAL>',
    opts.cc ? '</CCSTMTRS>' : '</STMTRS>',
  ].join('\n')
}

function bankFile(close: boolean, body = bankBody(close)): string {
  const l = (name: string, value: string): string => `<${name}>${value}${close ? `</${name}>` : ''}`
  return [
    '<OFX>', '<SIGNONMSGSRSV1><SONRS><STATUS>', l('CODE', '0'), l('SEVERITY', 'INFO'), '</STATUS>',
    l('DTSERVER', '20240201'), l('LANGUAGE', 'ENG'), '<FI>', l('ORG', 'MYBANK'), l('FID', '4242'), '</FI></SONRS></SIGNONMSGSRSV1>',
    '<BANKMSGSRSV1><STMTTRNRS>', l('TRNUID', '1'), '<STATUS>', l('CODE', '0'), l('SEVERITY', 'INFO'), '</STATUS>',
    body, '</STMTTRNRS></BANKMSGSRSV1>', '</OFX>', '',
  ].join('\n')
}

/** The document without source positions (they differ between SGML and XML layouts). */
function withoutPositions(doc: OfxDocument): unknown {
  return JSON.parse(JSON.stringify(doc, (key, value: unknown) => {
    if (key === 'position') return undefined
    if (value instanceof Map) return [...value.entries()]
    return value
  }))
}

// ---- bank statements, SGML and XML ------------------------------------------

test('SGML bank statement: accounts, dates, amounts, names and balances', () => {
  const doc = readOfx(enc(SGML_HEADER + bankFile(false)), 'bank.ofx')
  assert.is(doc.version, 1)
  assert.equal(doc.encoding, { used: 'windows-1252', declared: 'ENCODING:USASCII CHARSET:1252', overridden: false })
  assert.equal(doc.institution, { org: 'MYBANK', fid: '4242' })
  assert.equal(doc.statusProblems, [])
  assert.is(doc.statements.length, 1)
  const s = doc.statements[0]!
  assert.is(s.kind, 'bank')
  assert.is(s.accountId, '1234')
  assert.is(s.bankId, '121000248')
  assert.is(s.accountType, 'CHECKING')
  assert.is(s.currency, 'USD')
  assert.equal(s.start, { date: '2024-01-01', instant: Date.UTC(2024, 0, 1) })
  assert.equal(s.end, { date: '2024-01-31', time: '23:59:59', instant: Date.UTC(2024, 0, 31, 23, 59, 59) })
  assert.is(s.ledgerBalance?.amount.toString(), '100.99')
  assert.is(s.ledgerBalance?.asOf?.date, '2024-01-31')
  assert.is(s.availableBalance?.amount.toFixed(2), '75.00')
  assert.is(s.availableBalance?.asOf, undefined)
  const [a, b] = s.transactions
  assert.is(a?.fitid, '2024010201')
  assert.is(a?.trnType, 'debit')
  assert.is(a?.amountText, '-1234.56')
  assert.is(a?.amount.toString(), '-1234.56')
  assert.is(a?.name, 'GROCERY & CO')
  assert.is(a?.memo, 'POS PURCHASE')
  assert.is(a?.checkNumber, '1001')
  assert.equal(a?.posted, { date: '2024-01-02', time: '12:00:00', instant: Date.UTC(2024, 0, 2, 17) })
  assert.equal(a?.userDate, { date: '2024-01-01', instant: Date.UTC(2024, 0, 1) })
  assert.is(a?.currency, undefined)
  assert.is(b?.amountText, '1234.5600')
  assert.ok(b?.amount.equals('1234.56'))
  assert.is(b?.memo, '')
  assert.is(b?.currency, 'EUR')
  assert.is(b?.checkNumber, undefined)
  assert.is(b?.userDate, undefined)
  assert.equal(s.investments, [])
})

test('SGML and XML versions of the same statement give the same model', () => {
  const sgml = readOfx(enc(SGML_HEADER + bankFile(false)), 'a.ofx')
  const xml = readOfx(enc(XML_HEADER + bankFile(true)), 'a.ofx')
  assert.is(xml.version, 2)
  assert.equal(xml.encoding, { used: 'utf-8', declared: 'encoding="UTF-8"', overridden: false })
  const strip = (d: OfxDocument): unknown => ({ ...(withoutPositions(d) as object), version: 0, encoding: null })
  assert.equal(strip(xml), strip(sgml))
  // Same body layout line by line, so positions differ only by the headers' lengths.
  const shift = SGML_HEADER.split('\n').length - XML_HEADER.split('\n').length
  assert.equal(xml.statements[0]?.transactions.map((t) => t.position.line + shift), sgml.statements[0]?.transactions.map((t) => t.position.line))
  const sgmlLines = (SGML_HEADER + bankFile(false)).split('\n')
  assert.equal(sgml.statements[0]?.transactions.map((t) => t.position.line),
    [sgmlLines.indexOf('<STMTTRN>') + 1, sgmlLines.lastIndexOf('<STMTTRN>') + 1])
})

test('XML: lower-case tags, attributes, self-closing and empty elements, comments, CDATA, numeric references', () => {
  const body = bankBody(true, {
    trn: '<stmttrn><!-- a comment --><trntype class="x">debit</trntype><dtposted>20240102</dtposted><trnamt>12,50</trnamt>'
      + '<fitid>X1</fitid><name><![CDATA[A <B> & C]]></name><memo/><checknum></checknum><sic>5411</sic></stmttrn>'
      + '<STMTTRN><TRNTYPE>DEBIT</TRNTYPE><DTPOSTED>20240103</DTPOSTED><TRNAMT>-0</TRNAMT><FITID>X2</FITID>'
      + '<NAME>caf&#233; &#x20AC;5 S&P &nbsp;</NAME></STMTTRN>',
  })
  const doc = readOfx(enc(XML_HEADER + bankFile(true, body)), 'x.ofx')
  const [a, b] = doc.statements[0]!.transactions
  assert.is(a?.trnType, 'debit')
  assert.is(a?.amountText, '12.50')
  assert.is(a?.name, 'A <B> & C')
  assert.is(a?.memo, '')
  assert.is(a?.checkNumber, undefined)
  assert.is(b?.amountText, '-0')
  assert.ok(b?.amount.isZero() && b.amount.isNegative())
  assert.is(b?.name, 'café €5 S&P &nbsp;')
})

test('one file with two bank statements and one credit-card statement yields three statements in file order', () => {
  const text = SGML_HEADER + [
    '<OFX>',
    '<BANKMSGSRSV1>',
    '<STMTTRNRS><TRNUID>1', bankBody(false, { acct: 'CHK-1' }), '</STMTTRNRS>',
    '<STMTTRNRS><TRNUID>2', bankBody(false, { acct: 'SAV-2' }), '</STMTTRNRS>',
    '</BANKMSGSRSV1>',
    '<CCMSGSRSV1><CCSTMTTRNRS><TRNUID>3', bankBody(false, { acct: '4111111111111111', cc: true }), '</CCSTMTTRNRS></CCMSGSRSV1>',
    '</OFX>',
  ].join('\n')
  const doc = readOfx(enc(text), 'multi.ofx')
  assert.equal(doc.statements.map((s) => [s.kind, s.accountId]), [['bank', 'CHK-1'], ['bank', 'SAV-2'], ['creditcard', '4111111111111111']])
  assert.is(doc.statements[2]?.bankId, undefined)
  assert.is(doc.statements[2]?.transactions[0]?.fitid, '2024010201')
  assert.is(doc.institution, undefined)
})

test('non-zero STATUS codes are reported with their message and position', () => {
  const text = SGML_HEADER + bankFile(false).replace('<STATUS>\n<CODE>0\n<SEVERITY>INFO\n</STATUS>\n<STMTRS>',
    '<STATUS>\n<CODE>2000\n<SEVERITY>ERROR\n<MESSAGE>General error\n</STATUS>\n<STMTRS>')
  assert.ok(text.includes('<CODE>2000'))
  const doc = readOfx(enc(text), 's.ofx')
  assert.equal(doc.statusProblems.map((p) => [p.code, p.severity, p.message]), [['2000', 'ERROR', 'General error']])
  assert.is(doc.statusProblems[0]?.position.line, text.split('\n').indexOf('<CODE>2000'))
  // The statement is still read.
  assert.is(doc.statements[0]?.transactions.length, 2)
})

// ---- character sets -----------------------------------------------------------

test('windows-1252: byte 0x80 is €, 0xE0 is à; 8859-1 reads the same way', () => {
  const file = (charset: string): Uint8Array =>
    bytes(SGML_HEADER.replace('CHARSET:1252', `CHARSET:${charset}`) + bankFile(false).replace('GROCERY &amp; CO', 'Caf\xe9 \x80 \xe0 \x92'))
  const doc = readOfx(file('1252'), 'cp.ofx')
  assert.is(doc.statements[0]?.transactions[0]?.name, 'Café € à \u2019')
  assert.equal(doc.encoding, { used: 'windows-1252', declared: 'ENCODING:USASCII CHARSET:1252', overridden: false })
  const latin = readOfx(file('8859-1'), 'latin.ofx')
  assert.is(latin.statements[0]?.transactions[0]?.name, 'Café € à \u2019')
  assert.equal(latin.encoding, { used: 'latin1', declared: 'ENCODING:USASCII CHARSET:8859-1', overridden: false })
  const none = readOfx(bytes(SGML_HEADER.replace('CHARSET:1252\n', '') + bankFile(false).replace('GROCERY', '\x80')), 'none.ofx')
  assert.is(none.statements[0]?.transactions[0]?.name, '€ & CO')
})

test('UTF-8 text labelled CHARSET:1252 decodes as UTF-8 (overridden); declared UTF-8 that is not falls back to windows-1252', () => {
  const doc = readOfx(enc(SGML_HEADER + bankFile(false).replace('GROCERY', 'Épicerie à €')), 'u.ofx')
  assert.is(doc.statements[0]?.transactions[0]?.name, 'Épicerie à € & CO')
  assert.equal(doc.encoding, { used: 'utf-8', declared: 'ENCODING:USASCII CHARSET:1252', overridden: true })

  const utf8Header = SGML_HEADER.replace('ENCODING:USASCII', 'ENCODING:UTF-8').replace('CHARSET:1252', 'CHARSET:NONE')
  const good = readOfx(enc(utf8Header + bankFile(false).replace('GROCERY', 'Ça')), 'g.ofx')
  assert.equal(good.encoding, { used: 'utf-8', declared: 'ENCODING:UTF-8 CHARSET:NONE', overridden: false })
  assert.is(good.statements[0]?.transactions[0]?.name, 'Ça & CO')
  const bad = readOfx(bytes(utf8Header + bankFile(false).replace('GROCERY', '\xc7a')), 'b.ofx')
  assert.equal(bad.encoding, { used: 'windows-1252', declared: 'ENCODING:UTF-8 CHARSET:NONE', overridden: true })
  assert.is(bad.statements[0]?.transactions[0]?.name, 'Ça & CO')

  const unknown = readOfx(bytes(SGML_HEADER.replace('CHARSET:1252', 'CHARSET:KOI8') + bankFile(false).replace('GROCERY', '\xe0')), 'k.ofx')
  assert.equal(unknown.encoding, { used: 'windows-1252', declared: 'ENCODING:USASCII CHARSET:KOI8', overridden: true })
  assert.is(unknown.statements[0]?.transactions[0]?.name, 'à & CO')
})

test('XML encoding declaration, default UTF-8, BOM', () => {
  const latinXml = XML_HEADER.replace('UTF-8', 'ISO-8859-1') + bankFile(true).replace('GROCERY', 'Caf\xe9')
  const latin = readOfx(bytes(latinXml), 'l.ofx')
  assert.equal(latin.encoding, { used: 'latin1', declared: 'encoding="ISO-8859-1"', overridden: false })
  assert.is(latin.statements[0]?.transactions[0]?.name, 'Café & CO')

  const plain = '<?OFX OFXHEADER="200" VERSION="220"?>\n' + bankFile(true).replace('GROCERY', 'Straße')
  const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...enc(plain)])
  const doc = readOfx(bom, 'bom.ofx')
  assert.is(doc.version, 2)
  assert.equal(doc.encoding, { used: 'utf-8', overridden: false })
  assert.is(doc.statements[0]?.transactions[0]?.name, 'Straße & CO')
  assert.is(doc.statements[0]?.transactions[0]?.position.line, plain.split('\n').indexOf('<STMTTRN>') + 1)

  const sgmlBom = decodeOfx(new Uint8Array([0xef, 0xbb, 0xbf, ...enc(SGML_HEADER + '<OFX></OFX>')]))
  assert.is(sgmlBom.text.slice(sgmlBom.bodyStart), '<OFX></OFX>')
  assert.is(sgmlBom.header.get('VERSION'), '102')
})

test('header fields on one line and no header at all', () => {
  const oneLine = 'OFXHEADER:100 DATA:OFXSGML VERSION:102 ENCODING:USASCII CHARSET:1252\n' + bankFile(false).replace('GROCERY', '\xe0')
  const doc = readOfx(bytes(oneLine), 'one.ofx')
  assert.is(doc.version, 1)
  assert.is(doc.statements[0]?.transactions[0]?.name, 'à & CO')
  const bare = readOfx(enc(bankFile(false)), 'bare.ofx')
  assert.equal(bare.encoding, { used: 'windows-1252', overridden: false })
  assert.is(bare.statements[0]?.transactions.length, 2)
})

// ---- numbers and dates -----------------------------------------------------------

test('numbers: signs, leading zeros, grouping commas, decimal comma, -0, empty and null', () => {
  const cases: Array<[string, string]> = [
    ['+00000000001234.5600', '1234.5600'], ['-1,234.56', '-1234.56'], ['12,50', '12.50'], ['-0', '-0'],
    ['', '0'], ['null', '0'], ['NULL', '0'], ['-100.0', '-100.0'], ['000000047.860000000', '47.860000000'],
    ['-00000000000000.9700', '-0.9700'], ['.5', '0.5'], ['5.', '5'], ['1,234,567', '1234567'], ['  7  ', '7'],
  ]
  for (const [raw, text] of cases) assert.is(parseOfxNumber(raw)?.text, text, raw)
  assert.ok(parseOfxNumber('+00000000001234.5600')?.value.equals('1234.56'))
  assert.ok(parseOfxNumber('-1,234.56')?.value.equals('-1234.56'))
  for (const bad of ['abc', '1.2.3', '1.234,56', '1e5', '$5', '-', '12-']) assert.is(parseOfxNumber(bad), undefined, bad)
})

test('dates keep the calendar date as written; the instant applies the offset', () => {
  assert.equal(parseOfxDate('20200522200000[-5:EST]'), { date: '2020-05-22', time: '20:00:00', instant: Date.UTC(2020, 4, 23, 1) })
  assert.equal(parseOfxDate('20140920170000[0:GMT]'), { date: '2014-09-20', time: '17:00:00', instant: Date.UTC(2014, 8, 20, 17) })
  assert.equal(parseOfxDate('20240102'), { date: '2024-01-02', instant: Date.UTC(2024, 0, 2) })
  assert.equal(parseOfxDate('20240102010203.456'), { date: '2024-01-02', time: '01:02:03', instant: Date.UTC(2024, 0, 2, 1, 2, 3, 456) })
  assert.equal(parseOfxDate('20240102003000[-4.30]'), { date: '2024-01-02', time: '00:30:00', instant: Date.UTC(2024, 0, 2, 5) })
  assert.equal(parseOfxDate('20240102030000.000[+5.30:IST]'), { date: '2024-01-02', time: '03:00:00', instant: Date.UTC(2024, 0, 1, 21, 30) })
  assert.equal(parseOfxDate('20161008033008.000[-4:EDT]')?.instant, Date.UTC(2016, 9, 8, 7, 30, 8))
  assert.is(parseOfxDate('202401021200')?.time, '12:00:00')
  assert.is(parseOfxDate('20240229')?.date, '2024-02-29')
  for (const bad of ['', '2024-01-02', '20230229', '20241301', '20240100', '20240102250000', '20240102[EST]', '2024010', 'x20240102']) {
    assert.is(parseOfxDate(bad), undefined, bad)
  }
})

test('a malformed date or amount is an OfxError at its element', () => {
  const dateText = SGML_HEADER + bankFile(false).replace('<DTPOSTED>20240103', '<DTPOSTED>2024-01-03')
  const e = ofxError(() => readOfx(enc(dateText), 'd.ofx'))
  assert.match(e.message, 'malformed date "2024-01-03" in <DTPOSTED>')
  assert.is(e.file, 'd.ofx')
  assert.is(e.line, dateText.split('\n').findIndex((l) => l.startsWith('<DTPOSTED>2024-01-03')) + 1)
  assert.is(e.column, 1)
  assert.match(e.hint, 'YYYYMMDD')
  const amountText = SGML_HEADER + bankFile(false).replace('<TRNAMT>-1,234.56', '<TRNAMT>12 EUR')
  const a = ofxError(() => readOfx(enc(amountText), 'a.ofx'))
  assert.match(a.message, 'malformed number "12 EUR" in <TRNAMT>')
})

// ---- structure errors ----------------------------------------------------------------

test('DOCTYPE and ENTITY declarations are refused (no entity expansion)', () => {
  const laughs = '<?xml version="1.0"?>\n<!DOCTYPE OFX [\n<!ENTITY lol "lol">\n<!ENTITY lol2 "&lol;&lol;&lol;">\n]>\n<OFX><NAME>&lol2;</NAME></OFX>'
  const e = ofxError(() => readOfx(enc(laughs), 'evil.ofx'))
  assert.match(e.message, '<!DOCTYPE> declarations are refused')
  assert.equal([e.line, e.column], [2, 1])
  const entity = ofxError(() => readOfx(enc('<OFX>\n  <!ENTITY x SYSTEM "file:///etc/passwd">\n</OFX>'), 'e.ofx'))
  assert.match(entity.message, '<!ENTITY>')
  assert.equal([entity.line, entity.column], [2, 3])
  // An undeclared entity reference is kept as written, never expanded.
  const doc = readOfx(enc(SGML_HEADER + bankFile(false).replace('GROCERY &amp; CO', '&xxe;')), 'r.ofx')
  assert.is(doc.statements[0]?.transactions[0]?.name, '&xxe;')
})

test('truncated file: OfxError naming the unclosed element at its start tag', () => {
  const full = SGML_HEADER + bankFile(false)
  const cut = full.slice(0, full.indexOf('<FITID>2024010302'))
  const e = ofxError(() => readOfx(enc(cut), 'cut.ofx'))
  assert.match(e.message, '<STMTTRN> is never closed')
  assert.match(e.message, 'OFX/BANKMSGSRSV1/STMTTRNRS/STMTRS/BANKTRANLIST/STMTTRN')
  assert.is(e.line, full.split('\n').lastIndexOf('<STMTTRN>') + 1)
  assert.match(e.hint, 'truncated')
  const midTag = ofxError(() => readOfx(enc(full.slice(0, full.indexOf('<FITID>2024010302') + 4)), 'cut.ofx'))
  assert.match(midTag.message, 'never closed')
})

test('missing end tags of aggregates are closed by the parent; stray end tags are errors', () => {
  // The last STMTTRN and AVAILBAL lack their end tags: </BANKTRANLIST> and </STMTRS> close them.
  const full = SGML_HEADER + bankFile(false)
  const cut = full.lastIndexOf('</STMTTRN>')
  const lenient = (full.slice(0, cut) + full.slice(cut + '</STMTTRN>'.length)).replace('</AVAILBAL>', '')
  const doc = readOfx(enc(lenient), 'l.ofx')
  assert.equal(withoutPositions(doc), withoutPositions(readOfx(enc(full), 'l.ofx')))
  const stray = SGML_HEADER + bankFile(false).replace('</BANKTRANLIST>', '</BANKTRANLIST>\n</STMTTRN>')
  const e = ofxError(() => readOfx(enc(stray), 's.ofx'))
  assert.match(e.message, 'end tag </STMTTRN> closes nothing')
  assert.is(e.line, stray.split('\n').indexOf('</STMTTRN>', stray.split('\n').indexOf('</BANKTRANLIST>')) + 1)
})

test('a missing FITID, DTPOSTED or TRNAMT is an error at the transaction naming the element', () => {
  const text = SGML_HEADER + bankFile(false)
  const lines = text.split('\n')
  const second = lines.lastIndexOf('<STMTTRN>') + 1
  for (const [remove, name] of [['<FITID>2024010302', 'FITID'], ['<DTPOSTED>20240103', 'DTPOSTED'], ['<TRNAMT>+00000000001234.5600', 'TRNAMT']]) {
    const e = ofxError(() => readOfx(enc(text.replace(`${remove}\n`, '')), 'm.ofx'))
    assert.is(e.message, `<STMTTRN> has no <${name}>`)
    assert.equal([e.line, e.column], [second, 1])
  }
  const invText = '<OFX><INVSTMTMSGSRSV1><INVSTMTTRNRS><INVSTMTRS><CURDEF>USD<INVACCTFROM><ACCTID>9</INVACCTFROM>'
    + '<INVTRANLIST>\n  <INCOME><INVTRAN><DTTRADE>20240101</INVTRAN><TOTAL>5</INCOME></INVTRANLIST></INVSTMTRS></INVSTMTTRNRS></INVSTMTMSGSRSV1></OFX>'
  const e = ofxError(() => readOfx(enc(invText), 'i.ofx'))
  assert.is(e.message, '<INCOME> has no <FITID>')
  assert.equal([e.line, e.column], [2, 3])
})

test('not OFX, too large, too deep', () => {
  for (const text of ['hello world\n', '<html><body>hi</body></html>', '']) {
    const e = ofxError(() => readOfx(enc(text), 'x.txt'))
    assert.equal([e.line, e.column], [1, 1])
    assert.is(e.hint, 'not an OFX file? expected an OFX header or <OFX>')
  }
  const big = ofxError(() => readOfx(new Uint8Array(64 * 1024 * 1024 + 1), 'big.ofx'))
  assert.match(big.message, 'larger than 64 MiB')
  const deep = '<OFX>' + '<A>'.repeat(70) + '</OFX>'
  const d = ofxError(() => readOfx(enc(deep), 'deep.ofx'))
  assert.match(d.message, 'nested deeper than 64')
})

test('tokenizer: positions, upper-cased names, literal "<", processing instructions skipped', () => {
  const tokens = [...tokenize('<?xml version="1.0"?>\r\n<ofx>\r\n  <a>1 < 2</a><b/>\n</OFX>', 'f')]
  assert.equal(tokens.map((t) => t.kind === 'text' ? `"${t.text}"` : `${t.kind}:${t.name}@${t.position.line}:${t.position.column}`),
    ['start:OFX@2:1', 'start:A@3:3', '"1 < 2"', 'end:A@3:11', 'start:B@3:15', 'end:OFX@4:1'])
  assert.is(tokens[4]?.kind === 'start' && tokens[4].selfClosing, true)
})

// ---- investment statements ----------------------------------------------------------

test('investment aggregates: every field present is filled', () => {
  const l = (name: string, value: string): string => `<${name}>${value}`
  const inv = (fitid: string, extra = ''): string => `<INVTRAN>${l('FITID', fitid)}${l('DTTRADE', '20240105')}${extra}</INVTRAN>`
  const sec = (id: string): string => `<SECID>${l('UNIQUEID', id)}${l('UNIQUEIDTYPE', 'CUSIP')}</SECID>`
  const text = SGML_HEADER + [
    '<OFX><INVSTMTMSGSRSV1><INVSTMTTRNRS><INVSTMTRS>', l('DTASOF', '20240131'), l('CURDEF', 'USD'),
    '<INVACCTFROM>', l('BROKERID', 'broker.example'), l('ACCTID', 'B-1'), '</INVACCTFROM>',
    '<INVTRANLIST>', l('DTSTART', '20240101'), l('DTEND', '20240130'),
    `<BUYOPT><INVBUY>${inv('1', `${l('DTSETTLE', '20240107')}${l('MEMO', ' BUY CALL ')}`)}${sec('OPT1')}${l('UNITS', '+2.0')}${l('UNITPRICE', '1.25')}`
      + `${l('MARKUP', '0.01')}${l('COMMISSION', '1.00')}${l('TAXES', '0.10')}${l('FEES', '0.20')}${l('LOAD', '0')}${l('TOTAL', '-251.30')}`
      + `${l('SUBACCTSEC', 'CASH')}${l('SUBACCTFUND', 'MARGIN')}<CURRENCY>${l('CURRATE', '1.3')}${l('CURSYM', 'CAD')}</CURRENCY></INVBUY>`
      + `${l('OPTBUYTYPE', 'BUYTOOPEN')}${l('SHPERCTRCT', '100')}</BUYOPT>`,
    `<SELLMF><INVSELL>${inv('2')}${sec('MF1')}${l('UNITS', '-10.000')}${l('UNITPRICE', '20.5')}${l('MARKDOWN', '0.02')}`
      + `${l('WITHHOLDING', '1.5')}${l('TOTAL', '203.48')}</INVSELL>${l('SELLTYPE', 'SELL')}</SELLMF>`,
    `<REINVEST>${inv('3')}${sec('MF1')}${l('INCOMETYPE', 'div')}${l('TOTAL', '-12.00')}${l('UNITS', '0.585')}${l('UNITPRICE', '20.5128')}</REINVEST>`,
    `<SPLIT>${inv('4')}${sec('STK')}${l('SUBACCTSEC', 'CASH')}${l('OLDUNITS', '100')}${l('NEWUNITS', '200')}${l('NUMERATOR', '2')}${l('DENOMINATOR', '1')}${l('FRACCASH', '0')}</SPLIT>`,
    `<JRNLFUND>${inv('5')}${l('SUBACCTFROM', 'CASH')}${l('SUBACCTTO', 'MARGIN')}${l('TOTAL', '50')}</JRNLFUND>`,
    `<JRNLSEC>${inv('6')}${sec('STK')}${l('SUBACCTFROM', 'MARGIN')}${l('SUBACCTTO', 'CASH')}${l('UNITS', '5')}</JRNLSEC>`,
    `<MARGININTEREST>${inv('7')}${l('TOTAL', '-3.21')}${l('SUBACCTFUND', 'MARGIN')}<ORIGCURRENCY>${l('CURRATE', '1')}${l('CURSYM', 'usd')}</ORIGCURRENCY></MARGININTEREST>`,
    `<CLOSUREOPT>${inv('8')}${sec('OPT1')}${l('OPTACTION', 'EXPIRE')}${l('UNITS', '-2')}${l('SHPERCTRCT', '100')}${l('SUBACCTSEC', 'CASH')}</CLOSUREOPT>`,
    `<TRANSFER>${inv('9')}${sec('STK')}${l('SUBACCTSEC', 'CASH')}${l('UNITS', '10')}${l('TFERACTION', 'IN')}${l('POSTYPE', 'LONG')}${l('UNITPRICE', '3')}</TRANSFER>`,
    `<INVBANKTRAN><STMTTRN>${l('TRNTYPE', 'INT')}${l('DTPOSTED', '20240110')}${l('TRNAMT', '0.42')}${l('FITID', '10')}${l('NAME', 'INTEREST')}</STMTTRN>${l('SUBACCTFUND', 'CASH')}</INVBANKTRAN>`,
    '</INVTRANLIST>',
    '<INVPOSLIST><POSOPT><INVPOS>', sec('OPT1'), l('HELDINACCT', 'CASH'), l('POSTYPE', 'LONG'), l('UNITS', '2'), l('UNITPRICE', '1.300'),
    l('MKTVAL', '260'), l('DTPRICEASOF', '20240131160000[-5:EST]'), '<CURRENCY>', l('CURRATE', '1'), l('CURSYM', 'cad'), '</CURRENCY></INVPOS></POSOPT></INVPOSLIST>',
    '<INVBAL>', l('AVAILCASH', '1,000.00'), l('MARGINBALANCE', '0'), l('SHORTBALANCE', '0'), '</INVBAL>',
    '</INVSTMTRS></INVSTMTTRNRS></INVSTMTMSGSRSV1>',
    '<SECLISTMSGSRSV1><SECLIST><OPTINFO><SECINFO>', sec('OPT1'), l('SECNAME', 'CALL XYZ'), l('TICKER', 'XYZ240119C10'), '</SECINFO>', l('OPTTYPE', 'CALL'), '</OPTINFO>',
    '<STOCKINFO><SECINFO>', sec('STK'), l('SECNAME', 'STOCK CO'), '</SECINFO></STOCKINFO></SECLIST></SECLISTMSGSRSV1></OFX>',
  ].join('\n')
  const doc = readOfx(enc(text), 'inv.ofx')
  const s = doc.statements[0]!
  assert.is(s.kind, 'investment')
  assert.is(s.accountId, 'B-1')
  assert.is(s.brokerId, 'broker.example')
  assert.is(s.bankId, undefined)
  assert.equal(s.availableCash?.amount.toString(), '1000')
  assert.is(s.availableCash?.asOf?.date, '2024-01-31')
  assert.equal(s.investments.map((t) => [t.aggregate, t.fitid]), [
    ['buyopt', '1'], ['sellmf', '2'], ['reinvest', '3'], ['split', '4'], ['jrnlfund', '5'], ['jrnlsec', '6'],
    ['margininterest', '7'], ['closureopt', '8'], ['transfer', '9']])
  const [buy, sell, reinvest, split, jrnlfund, jrnlsec, margin, closure, transfer] = s.investments
  assert.is(buy?.tradeDate.date, '2024-01-05')
  assert.is(buy?.settleDate?.date, '2024-01-07')
  assert.is(buy?.memo, 'BUY CALL')
  assert.is(buy?.securityId, 'OPT1')
  assert.is(buy?.securityIdType, 'CUSIP')
  assert.is(buy?.unitsText, '2.0')
  assert.is(buy?.unitPriceText, '1.25')
  assert.equal([buy?.markup, buy?.commission, buy?.taxes, buy?.fees, buy?.load, buy?.total].map((d) => d?.toString()), ['0.01', '1', '0.1', '0.2', '0', '-251.3'])
  assert.is(buy?.action, 'BUYTOOPEN')
  assert.is(buy?.subAccountSecurity, 'CASH')
  assert.is(buy?.subAccountFund, 'MARGIN')
  assert.is(buy?.currency, 'CAD')
  assert.is(sell?.unitsText, '-10.000')
  assert.is(sell?.markdown?.toString(), '0.02')
  assert.is(sell?.withholding?.toString(), '1.5')
  assert.is(sell?.action, 'SELL')
  assert.is(sell?.memo, '')
  assert.is(sell?.currency, undefined)
  assert.is(reinvest?.incomeType, 'DIV')
  assert.is(reinvest?.unitPriceText, '20.5128')
  assert.equal([split?.oldUnits, split?.newUnits, split?.numerator, split?.denominator].map((d) => d?.toString()), ['100', '200', '2', '1'])
  assert.is(split?.units, undefined)
  assert.equal([jrnlfund?.subAccountFrom, jrnlfund?.subAccountTo, jrnlfund?.total?.toString()], ['CASH', 'MARGIN', '50'])
  assert.equal([jrnlsec?.subAccountFrom, jrnlsec?.subAccountTo, jrnlsec?.unitsText], ['MARGIN', 'CASH', '5'])
  assert.equal([margin?.total?.toString(), margin?.subAccountFund, margin?.currency, margin?.securityId], ['-3.21', 'MARGIN', undefined, undefined])
  assert.equal([closure?.action, closure?.unitsText], ['EXPIRE', '-2'])
  assert.equal([transfer?.transferAction, transfer?.unitsText, transfer?.unitPriceText], ['in', '10', '3'])
  assert.equal(s.transactions.map((t) => [t.fitid, t.amountText, t.trnType, t.subAccountFund]), [['10', '0.42', 'int', 'CASH']])
  const p = s.positions[0]
  assert.equal([p?.securityId, p?.units.toString(), p?.unitPriceText, p?.currency, p?.priceAsOf.date, p?.priceAsOf.time],
    ['OPT1', '2', '1.300', 'CAD', '2024-01-31', '16:00:00'])
  assert.equal(doc.securities.get('OPT1'), { uniqueId: 'OPT1', uniqueIdType: 'CUSIP', ticker: 'XYZ240119C10', name: 'CALL XYZ' })
  assert.equal(doc.securities.get('STK'), { uniqueId: 'STK', uniqueIdType: 'CUSIP', name: 'STOCK CO' })
})

// ---- the ledger-autosync fixtures -------------------------------------------------------

if (HAVE_FIXTURES) {
  test('every fixture .ofx reads', () => {
    const names = readdirSync(FIXTURES).filter((n) => n.endsWith('.ofx')).sort()
    assert.ok(names.length >= 13, names.join(' '))
    for (const name of names) {
      const doc = fixture(name)
      assert.ok(doc.statements.length === 1, name)
      assert.equal(doc.statusProblems, [], name)
      assert.is(doc.institution === undefined, name === 'no-institution.ofx', name)
    }
  })

  test('checking.ofx: SGML bank statement, exact values and positions', () => {
    const doc = fixture('checking.ofx')
    assert.equal(doc.institution, { org: 'FAKE', fid: '1101' })
    assert.equal(doc.encoding, { used: 'windows-1252', declared: 'ENCODING:USASCII CHARSET:1252', overridden: false })
    const s = doc.statements[0]!
    assert.equal([s.kind, s.accountId, s.bankId, s.accountType, s.currency], ['bank', '1452687~7', '5472369148', 'CHECKING', 'USD'])
    assert.equal(s.start, { date: '2000-01-01', time: '07:00:00', instant: Date.UTC(2000, 0, 1, 7) })
    assert.is(s.end?.date, '2013-05-25')
    assert.equal(s.position, { line: 36, column: 4 })
    assert.equal(s.transactions.map((t) => [t.fitid, t.trnType, t.posted.date, t.amountText, t.position.line]), [
      ['0000486', 'credit', '2011-03-31', '0.01', 46],
      ['0000487', 'debit', '2011-04-05', '-34.51', 54],
      ['0000488', 'check', '2011-04-07', '-25.00', 62],
    ])
    assert.is(s.transactions[0]?.name, 'DIVIDEND EARNED FOR PERIOD OF 03')
    assert.is(s.transactions[1]?.memo, 'AUTOMATIC WITHDRAWAL, ELECTRIC BILL WEB(S )')
    assert.is(s.transactions[2]?.checkNumber, '319')
    assert.is(s.transactions[0]?.checkNumber, undefined)
    assert.is(s.ledgerBalance?.amount.toString(), '100.99')
    assert.equal(s.ledgerBalance?.asOf, { date: '2013-05-25', time: '22:57:31', instant: Date.UTC(2013, 4, 25, 22, 57, 31, 258) })
    assert.is(s.availableBalance?.amount.toString(), '75.99')
  })

  test('checking_order.ofx keeps file order; no-institution.ofx has no institution', () => {
    assert.equal(fixture('checking_order.ofx').statements[0]?.transactions.map((t) => t.fitid), ['0000488', '0000487', '0000486'])
    const doc = fixture('no-institution.ofx')
    assert.is(doc.institution, undefined)
    assert.equal(doc.statements[0]?.transactions.map((t) => t.fitid), ['0000486', '0000487', '0000488'])
  })

  test('accented_characters_latin1.ofx, apostrophe.ofx, comments.ofx, checking-payee-match.ofx', () => {
    const accented = fixture('accented_characters_latin1.ofx').statements[0]?.transactions[0]
    assert.is(accented?.name, 'Virement Interac à: Jean')
    assert.equal(accented?.posted, { date: '2014-09-20', time: '17:00:00', instant: Date.UTC(2014, 8, 20, 17) })
    const apostrophe = fixture('apostrophe.ofx').statements[0]?.transactions
    assert.equal(apostrophe?.map((t) => [t.name, t.fitid, t.trnType, t.amountText, t.memo]), [["TRADER JOE'S #541 QPS", '201409206', 'payment', '-58.73', '']])
    const comments = fixture('comments.ofx').statements[0]?.transactions
    assert.equal(comments?.map((t) => [t.fitid, t.amountText]), [['FITID20161027123.45ABCDE', '123.45'], ['FITID20161027-0.0ABCDE', '-0']])
    assert.ok(comments?.[1]?.amount.isNegative() && comments[1].amount.isZero())
    const match = fixture('checking-payee-match.ofx').statements[0]?.transactions[0]
    assert.equal([match?.name, match?.memo, match?.amountText], ['Payment to MATCH PAYEE and so on and so forth', '', '-0.01'])
  })

  test('fidelity.ofx: one-line SGML investment statement with SECLIST, positions, INVBANKTRAN', () => {
    const doc = fixture('fidelity.ofx')
    assert.equal(doc.institution, { org: 'fidelity.com', fid: '7776' })
    const s = doc.statements[0]!
    assert.equal([s.kind, s.accountId, s.brokerId, s.currency], ['investment', '01234567890', 'fidelity.com', 'USD'])
    assert.is(s.investments.length, 14)
    assert.is(s.transactions.length, 3)
    assert.equal(s.investments.map((t) => t.aggregate).join(' '), 'buystock '.repeat(8) + 'income '.repeat(4) + 'sellstock sellstock')
    const first = s.investments[0]!
    assert.equal([first.fitid, first.tradeDate.date, first.memo, first.securityId, first.unitsText, first.unitPriceText, first.action],
      ['0123456789020201120120720', '2012-07-20', 'YOU BOUGHT', '458140100', '100.00000', '25.635000000', 'BUY'])
    assert.equal([first.commission?.toString(), first.fees?.toString(), first.total?.toString()], ['7.95', '0', '-2571.45'])
    assert.is(first.tradeDate.instant, Date.UTC(2012, 6, 20, 4))
    assert.is(first.currency, undefined)
    assert.is(s.investments[1]?.memo, '')
    const income = s.investments[8]!
    assert.equal([income.incomeType, income.total?.toString(), income.securityId, income.subAccountFund], ['DIV', '5.53', '78462F103', 'CASH'])
    const sell = s.investments[13]!
    assert.equal([sell.unitsText, sell.unitPriceText, sell.action, sell.memo], ['-0.03500', '137.142857143', 'SELL', 'IN LIEU OF FRX SHARE'])
    assert.equal(s.transactions.map((t) => [t.fitid, t.trnType, t.amountText, t.name, t.subAccountFund]), [
      ['0123456789021301320120731', 'dep', '0.2400', 'INTEREST EARNED', 'CASH'],
      ['0123456789023501120120820', 'other', '-0.9700', 'LATE SETTLEMENT FEE', 'CASH'],
      ['0123456789024401420120831', 'dep', '0.1600', 'INTEREST EARNED', 'CASH'],
    ])
    assert.equal(s.positions.map((p) => [p.securityId, p.units.toString(), p.unitPriceText]), [
      ['G7945E105', '128', '40.8700000'], ['19421R200', '70.573', '14.3200000'], ['431571108', '115', '18.9300000'],
      ['458140100', '100.911', '24.1900000'], ['756577102', '50', '59.1500000'], ['98417P105', '390.909', '2.8200000'],
    ])
    assert.equal(s.positions[0]?.priceAsOf, { date: '2012-09-08', time: '03:30:34', instant: Date.UTC(2012, 8, 8, 7, 30, 34) })
    assert.is(s.positions[0]?.currency, 'USD')
    assert.is(s.availableCash?.amount.toString(), '18073.98')
    assert.is(s.availableCash?.asOf?.date, '2012-09-08')
    assert.equal([...doc.securities.values()].map((sec) => sec.ticker), ['SDRL', 'CLCT', 'HI', 'INTC', 'RHT', 'XIN', 'SPY'])
    assert.equal(doc.securities.get('78462F103'), { uniqueId: '78462F103', uniqueIdType: 'CUSIP', ticker: 'SPY', name: 'SPDR S&P 500 ETF TRUST UNIT SER 1 S&P' })
    assert.equal(s.start?.date, '2012-07-10')
    assert.equal(s.end, { date: '2012-09-08', time: '19:08:49', instant: Date.UTC(2012, 8, 8, 23, 8, 49, 555) })
  })

  test('fidelity-one-dtsettle.ofx and fidelity_fee.ofx: settle dates, fees, options', () => {
    const one = fixture('fidelity-one-dtsettle.ofx').statements[0]!
    assert.is(one.investments.length + one.transactions.length, 17)
    assert.equal(one.investments.filter((t) => t.settleDate).map((t) => [t.fitid, t.settleDate?.date]), [['0123456789020901220120727', '2012-07-27']])
    const fee = fixture('fidelity_fee.ofx').statements[0]!
    const [sellStock, sellOpt] = fee.investments
    assert.equal([sellStock?.aggregate, sellStock?.unitsText, sellStock?.fees?.toString(), sellStock?.commission, sellStock?.total?.toString()],
      ['sellstock', '-100.0', '0.07', undefined, '3239.37'])
    assert.equal([sellOpt?.aggregate, sellOpt?.fitid, sellOpt?.action, sellOpt?.commission?.toString(), sellOpt?.fees?.toString(), sellOpt?.securityId],
      ['sellopt', '987654321', 'SELLTOCLOSE', '1', '0.02', 'Z9977810Z'])
    assert.equal(sellOpt?.tradeDate, { date: '2020-05-22', time: '16:00:00', instant: Date.UTC(2020, 4, 22, 21) })
    assert.equal(sellOpt?.settleDate?.date, '2020-05-26')
    assert.equal(sellOpt?.position, { line: 65, column: 4 })
    assert.equal(fee.transactions.map((t) => t.amountText), ['0.2400', '-0.9700', '0.1600'])
  })

  test('cusip.ofx, income.ofx, investment_401k.ofx', () => {
    const cusip = fixture('cusip.ofx')
    const s = cusip.statements[0]!
    const [buy, income] = s.investments
    assert.equal([buy?.aggregate, buy?.fitid, buy?.unitsText, buy?.unitPriceText, buy?.total?.toString(), buy?.action, buy?.memo],
      ['buymf', '123456789000987654321', '1000.00000', '47.860000000', '-47860', 'BUY', 'YOU BOUGHT           PROSPECTUS'])
    assert.equal(buy?.position, { line: 45, column: 11 })
    assert.equal([income?.aggregate, income?.incomeType, income?.total?.toString(), income?.tradeDate.date], ['income', 'DIV', '5.23', '2016-09-29'])
    assert.equal(s.positions.map((p) => [p.securityId, p.units.toString(), p.unitPriceText, p.priceAsOf.date, p.priceAsOf.time]),
      [['957904675', '2000', '47.8600000', '2016-10-08', '03:30:08']])
    assert.equal(cusip.securities.get('957904675')?.ticker, 'SHSAX')
    assert.equal(cusip.securities.get('957904675')?.name, 'BLACKROCK HEALTH SCIENCES OPP PRT A')

    const inc = fixture('income.ofx')
    const t = inc.statements[0]?.investments[0]
    assert.equal([t?.aggregate, t?.fitid, t?.securityId, t?.incomeType, t?.memo], ['income', 'redacted', 'cusip_redacted', 'DIV', 'DIVIDEND RECEIVED'])
    assert.ok(t?.total?.equals('1234.56'))
    assert.equal(t?.tradeDate, { date: '2016-10-12', time: '00:00:00', instant: Date.UTC(2016, 9, 12, 4) })
    assert.is(inc.statements[0]?.accountId, '12345678.123456-01')
    assert.is(inc.securities.size, 0)

    const k = fixture('investment_401k.ofx')
    const ks = k.statements[0]!
    assert.equal(ks.investments.map((x) => [x.aggregate, x.fitid, x.securityId, x.unitsText, x.unitPriceText, x.transferAction]), [
      ['buymf', '1', 'FOO', '8.846699', '22.2908', undefined],
      ['transfer', '2', 'BAR', '6.800992', '29.214856', 'in'],
      ['transfer', '3', 'BAZ', '-9.060702', '21.928764', 'out'],
    ])
    assert.equal(ks.investments[0]?.tradeDate, { date: '2014-06-17', time: '00:00:00', instant: Date.UTC(2014, 5, 17, 6) })
    assert.equal(ks.positions.map((p) => [p.securityId, p.unitPriceText]), [['FOO', '22.517211'], ['BAR', '29.214855'], ['BAZ', '0.0']])
    assert.equal([...k.securities.values()].map((x) => [x.uniqueId, x.ticker, x.name]),
      [['BAR', 'BAR', 'BAR Index Fund'], ['FOO', 'FOO', 'Foo Index Fund'], ['BAZ', 'BAZ', 'Baz Fund']])
  })
}

test.run()
