/**
 * CSV import: the reader (BOM, separators, quoting, encodings, error
 * positions), the md5 id, the six built-in formats against ledger-autosync's
 * real output for its fixtures (and option variants), the format registry,
 * and user plugins (loaded from the config directory only).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import type { CsvFormat, CsvRow } from '../src/import/csv/format.js'
import { loadPlugins, pluginDirectory } from '../src/import/csv/plugins.js'
import { cleanId, csvMd5Id } from '../src/import/csv/formats/common.js'
import { CsvError, readCsv } from '../src/import/csv/read.js'
import { BUILTIN_FORMATS, chooseFormat, convertCsv } from '../src/import/csv/registry.js'
import { printEntries } from '../src/import/print.js'
import { SHARED, skipNote } from './helpers/paths.js'
import { scratchDir } from './helpers/scratch.js'

const AUTOSYNC = join(SHARED, 'oracle/autosync')
const HAVE_AUTOSYNC = existsSync(join(AUTOSYNC, 'fixtures/paypal.csv'))
const bytes = (text: string): Uint8Array => new TextEncoder().encode(text)
const ACCOUNT = 'Assets:Checking'

/** Catch the CsvError `f` throws. */
function csvError(f: () => unknown): CsvError {
  try {
    f()
  } catch (err) {
    if (err instanceof CsvError) return err
    throw err
  }
  throw new Error('expected a CsvError')
}

// ---- reading ---------------------------------------------------------------

test('readCsv: header trimmed, spaces after separators dropped, rows with their lines, trailing empty column kept', () => {
  const t = readCsv(bytes('Date, Name , Amount,\r\n"1/2/2020", Jane,  -1.00,\r\n'), { file: 'f.csv' })
  assert.equal(t.header, ['Date', 'Name', 'Amount', ''])
  assert.is(t.separator, ',')
  assert.is(t.rows.length, 1)
  assert.equal({ ...t.rows[0]?.row }, { Date: '1/2/2020', Name: 'Jane', Amount: '-1.00', '': '' })
  assert.is(t.rows[0]?.line, 2)
})

test('readCsv: a UTF-8 byte-order mark is skipped (ledger-autosync fails on it)', () => {
  const body = 'Date,Name,Type,Status,Amount\n12/31/2016,Some User,Payment Sent,Completed,-12.34\n'
  const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...bytes(body)])
  const t = readCsv(withBom, { file: 'bom.csv' })
  assert.equal(t.header, ['Date', 'Name', 'Type', 'Status', 'Amount'])
  const r = convertCsv(withBom, { file: 'bom.csv', account: ACCOUNT })
  assert.is(r.format, 'paypal-alternate')
  assert.equal(r.entries, convertCsv(bytes(body), { file: 'bom.csv', account: ACCOUNT }).entries)
})

test('readCsv: semicolon and tab separators are sniffed from the header (quotes respected); a given one wins', () => {
  const semi = readCsv(bytes('"a,b";c;d\n1,5;2;3\n'), { file: 's.csv' })
  assert.is(semi.separator, ';')
  assert.equal(semi.header, ['a,b', 'c', 'd'])
  assert.equal({ ...semi.rows[0]?.row }, { 'a,b': '1,5', c: '2', d: '3' })
  const tab = readCsv(bytes('a\tb, c\td\n1\t2, 3\t4\n'), { file: 't.csv' })
  assert.is(tab.separator, '\t')
  assert.equal({ ...tab.rows[0]?.row }, { a: '1', 'b, c': '2, 3', d: '4' })
  const given = readCsv(bytes('a;b|c\n1;2|3\n'), { file: 'g.csv', separator: '|' })
  assert.equal(given.header, ['a;b', 'c'])
  assert.is(csvError(() => readCsv(bytes('a\n'), { file: 'x.csv', separator: ';;' })).line, 1)
})

test('readCsv: quoted fields with "" escapes and line ends inside; CR, LF and CRLF lines; blank lines skipped', () => {
  const text = 'a,b\r\n"x ""quoted""","line 1\nline 2\r\nline 3"\r\n\r\n1,2\r3,"4"\n\n'
  const t = readCsv(bytes(text), { file: 'm.csv' })
  assert.equal(t.rows.map((r) => ({ ...r.row })), [
    { a: 'x "quoted"', b: 'line 1\nline 2\r\nline 3' },
    { a: '1', b: '2' },
    { a: '3', b: '4' },
  ])
  assert.equal(t.rows.map((r) => r.line), [2, 6, 7])
})

test('readCsv: invalid UTF-8 falls back to windows-1252; latin1 and windows-1252 can be forced', () => {
  const raw = new Uint8Array([...bytes('Name,Amount\nCaf'), 0xe9, 0x20, 0x80, ...bytes(',1\n')])
  assert.is(readCsv(raw, { file: 'l.csv' }).rows[0]?.row.Name, 'Café €')
  assert.is(readCsv(raw, { file: 'l.csv', encoding: 'latin1' }).rows[0]?.row.Name, 'Café \u0080')
  assert.is(readCsv(raw, { file: 'l.csv', encoding: 'windows-1252' }).rows[0]?.row.Name, 'Café €')
  assert.is(readCsv(bytes('Name\nCafé\n'), { file: 'u.csv' }).rows[0]?.row.Name, 'Café')
})

test('readCsv: a row with the wrong number of fields is an error at that row', () => {
  const more = csvError(() => readCsv(bytes('a,b,c\n1,2,3\n"multi\nline",5,6,7\n'), { file: 'n.csv' }))
  assert.is(more.file, 'n.csv')
  assert.is(more.line, 4)
  assert.is(more.column, 11)
  assert.match(more.message, /4 fields, the header has 3/)
  assert.match(more.hint, /separat/)
  const fewer = csvError(() => readCsv(bytes('a,b,c\n1,2,3\n\n4,5\n'), { file: 'n.csv' }))
  assert.equal([fewer.line, fewer.column], [4, 4])
})

test('readCsv: an unterminated quote is an error at the opening quote', () => {
  const e = csvError(() => readCsv(bytes('a,b\n1,2\n3, "never\nclosed\n'), { file: 'q.csv' }))
  assert.equal([e.line, e.column], [3, 4])
  assert.match(e.message, /never closed/)
})

// ---- ids -----------------------------------------------------------------------

test('csvMd5Id: md5 of key=value lines sorted by key, UTF-8 (hand-computed)', () => {
  // printf 'Amount=-1.00\nDate=01/02/2020\né=ü\n' | md5sum
  const row: CsvRow = { é: 'ü', Date: '01/02/2020', Amount: '-1.00' }
  assert.is(csvMd5Id(row), '2b2b89d6895aed73b60fe05f69b32045')
})

test('cleanId: / $ space @ * + & [ ] | % become _; other characters stay', () => {
  assert.is(cleanId('a/b$c d@e*f+g&h[i]j|k%l,m(n).o-p#q'), 'a_b_c_d_e_f_g_h_i_j_k_l,m(n).o-p#q')
})

// ---- ledger-autosync parity ----------------------------------------------------

// ledger-autosync prints an empty line for each row it skips (and its blocks
// end with one); ptabridge reports skipped rows as notes instead. So runs of
// blank lines are collapsed, and leading ones dropped, on both sides.
const normalise = (text: string): string => text.replace(/\n{3,}/g, '\n\n').replace(/^\n+/, '')

function parity(fixture: string, expected: string, options: { payeeFormat?: string; unknownAccount?: string; reverse?: boolean } = {}): void {
  const file = join(AUTOSYNC, 'fixtures', fixture)
  const result = convertCsv(readFileSync(file), { file, account: ACCOUNT, ...options })
  for (const entry of result.entries) {
    assert.is(entry.source?.file, file)
    if (entry.id) assert.equal(entry.postings[0]?.metadata.find(([k]) => k === 'csvid'), ['csvid', entry.id.value])
  }
  const want = readFileSync(join(AUTOSYNC, 'expected', expected), 'utf8')
  assert.fixture(normalise(printEntries(result.entries, [], { target: 'ledger' })), normalise(want))
}

if (!HAVE_AUTOSYNC) {
  skipNote('ledger-autosync CSV parity', `${AUTOSYNC} is absent`)
} else {
  for (const fixture of ['paypal.csv', 'paypal_alternate.csv', 'amazon.csv', 'amazon2.csv', 'mint.csv', 'venmo.csv']) {
    test(`parity: ${fixture} prints as ledger-autosync -a ${ACCOUNT} -L`, () => parity(fixture, `${fixture}.ledger.L.out`))
  }
  test('parity: --payee-format "GROSS:{Gross}" (paypal), --reverse (mint), --unknown-account (venmo)', () => {
    parity('paypal.csv', 'paypal.csv.ledger.L-payee-gross.out', { payeeFormat: 'GROSS:{Gross}' })
    parity('mint.csv', 'mint.csv.ledger.L-reverse.out', { reverse: true })
    parity('venmo.csv', 'venmo.csv.ledger.L-unknown.out', { unknownAccount: 'Expenses:Venmo' })
  })
  test('venmo: statement rows are info notes; the assertion entry has no id; converting again gives the same', () => {
    const file = join(AUTOSYNC, 'fixtures/venmo.csv')
    const first = convertCsv(readFileSync(file), { file, account: ACCOUNT })
    assert.equal(first.notes.map((n) => [n.severity, n.line]), [['info', 2], ['info', 8], ['info', 9], ['info', 10]])
    const last = first.entries.at(-1)
    assert.is(last?.id, undefined)
    assert.equal(last?.metadata, [])
    assert.is(last?.date, '2020-01-04')
    assert.is(last?.instant, Date.UTC(2020, 0, 4, 4))
    assert.equal(convertCsv(readFileSync(file), { file, account: ACCOUNT }).entries, first.entries)
  })
}

// ---- formats and registry -----------------------------------------------------------

test('paypal: skipped statuses and cart items become info notes; entries keep file order, ids and instants', () => {
  const csv = [
    'Date,Name,Type,Status,Currency,Gross,Net,To Email Address,Transaction ID,Item Title',
    '1/5/2020,A,Payment Sent,Pending,USD,-1.00,-1.00,,T1,',
    '1/5/2020,B,Shopping Cart Item,Completed,USD,-2.00,-2.00,,T2,',
    '1/6/2020,C,Payment Sent,Refunded,EUR,"-1,234.50",-1.00,c@x,T 3/4,Thing',
  ].join('\n')
  const r = convertCsv(bytes(csv), { file: 'p.csv', account: 'Assets:Paypal' })
  assert.is(r.format, 'paypal')
  assert.equal(r.notes.map((n) => n.line), [2, 3])
  assert.is(r.entries.length, 1)
  const e = r.entries[0]
  assert.equal(e?.id, { tag: 'csvid', value: 'paypal.T_3_4', lookup: 'paypal.T_3_4' })
  assert.is(e?.payee, 'C c@x Thing ID: T 3/4, Payment Sent')
  assert.is(e?.instant, Date.UTC(2020, 0, 6))
  assert.is(e?.postings[0]?.amount?.quantity.toString(), '-1234.5')
  assert.is(e?.postings[0]?.amount?.commodity, 'EUR')
  assert.is(e?.postings[1]?.amount?.quantity.toString(), '1234.5')
})

test('bad cells are errors at their row: dates, amounts, payee-format columns', () => {
  const head = 'Date,Name,Type,Status,Amount\n'
  assert.equal(csvError(() => convertCsv(bytes(`${head}\n2/30/2020,A,T,Completed,1\n`), { file: 'd.csv', account: ACCOUNT })).line, 3)
  assert.match(csvError(() => convertCsv(bytes(`${head}1/2/2020,A,T,Completed,1.2.3\n`), { file: 'd.csv', account: ACCOUNT })).message, /Amount/)
  assert.match(csvError(() => convertCsv(bytes(`${head}1/2/2020,A,T,Completed,1\n`), { file: 'd.csv', account: ACCOUNT, payeeFormat: '{Nope}' })).message, /\{Nope\}/)
})

test('registry: built-ins in ledger-autosync order; first matching fieldset wins; unknown header lists the formats', () => {
  assert.equal(BUILTIN_FORMATS.map((f) => f.name), ['paypal', 'paypal-alternate', 'amazon', 'mint', 'simple', 'venmo'])
  const plugin: CsvFormat = { name: 'mine', fieldset: ['Date', 'Name'], convert: () => ({ skip: 'x' }) }
  assert.is(chooseFormat(['Date', 'Name', 'Type', 'Status', 'Amount', 'Extra'], [...BUILTIN_FORMATS, plugin])?.name, 'paypal-alternate')
  assert.is(chooseFormat(['Date', 'Name'], [...BUILTIN_FORMATS, plugin])?.name, 'mine')
  assert.is(chooseFormat(['Date'], BUILTIN_FORMATS), undefined)
  const e = csvError(() => convertCsv(bytes('Date,Memo\n1/1/2020,x\n'), { file: 'u.csv', account: ACCOUNT }))
  assert.match(e.message, /which CSV format/)
  assert.match(e.hint, /amazon needs Currency, Title, Order Date, Order ID \(missing: Currency, Title, Order Date, Order ID\)/)
  assert.match(e.hint, /simple needs Date, Recorded at/)
  const junk: CsvFormat = { name: 'junk', fieldset: ['x'], convert: () => ({ kind: 'transaction' }) as never }
  const thrower: CsvFormat = { name: 'thrower', fieldset: ['x'], convert: () => { throw new TypeError('oops') } }
  assert.equal([csvError(() => convertCsv(bytes('x\n1\n'), { file: 'j.csv', account: ACCOUNT, formats: [junk] })).line], [2])
  assert.match(csvError(() => convertCsv(bytes('x\n1\n'), { file: 'j.csv', account: ACCOUNT, formats: [thrower] })).message, /thrower.*oops/)
  assert.match(csvError(() => convertCsv(bytes(''), { file: 'e.csv', account: ACCOUNT })).message, /empty/)
})

test('simple: sign from the leading "-", Expenses/Income counter account, md5 id and metadata sorted by key', () => {
  const cols = ['Date', 'Recorded at', 'Scheduled for', 'Amount', 'Activity', 'Pending', 'Raw description', 'Description',
    'Category folder', 'Category', 'Street address', 'City', 'State', 'Zip', 'Latitude', 'Longitude', 'Memo']
  const row = ['2020/03/04', '', '', '-12.5', 'Card', 'false', 'RAW SHOP', 'Shop', 'Food', 'Groceries', '', '', '', '', '', '', 'note']
  const r = convertCsv(bytes(`${cols.join(',')}\n${row.join(',')}\n`), { file: 's.csv', account: ACCOUNT })
  assert.is(r.format, 'simple')
  const id = `simple.${csvMd5Id(Object.fromEntries(cols.map((c, k) => [c, row[k] ?? ''])))}`
  assert.fixture(printEntries(r.entries, [], { target: 'ledger' }), [
    '2020/03/04 Shop',
    '    Assets:Checking                                       -$12.50',
    '    ; activity_type: Card',
    `    ; csvid: ${id}`,
    '    ; memo: note',
    '    ; raw_description: RAW SHOP',
    '    Expenses:Groceries                                     $12.50',
    '', ''].join('\n'))
})

// ---- plugins -------------------------------------------------------------------

const GOOD_PLUGIN = `
export default {
  name: 'bankx',
  fieldset: ['When', 'What', 'Much'],
  convert(row, context) {
    return { skip: 'plugin saw ' + row.What + ' at line ' + context.line }
  },
}
`

test('plugins: loaded from $XDG_CONFIG_HOME/ptabridge/plugins in name order; a bad one is an error naming its file', async () => {
  const config = scratchDir('ptabridge-plugins-')
  const dir = join(config, 'ptabridge', 'plugins')
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, 'b-good.mjs'), GOOD_PLUGIN)
  writeFileSync(join(dir, 'a-bad.js'), 'export const formats = [{ name: "broken", fieldset: "When" }]\n')
  writeFileSync(join(dir, 'c-throws.mjs'), 'throw new Error("boom")\n')
  writeFileSync(join(dir, 'notes.txt'), 'not a plugin')
  assert.is(pluginDirectory({ XDG_CONFIG_HOME: config, HOME: '/nowhere' }), dir)
  const loaded = await loadPlugins({ XDG_CONFIG_HOME: config })
  assert.equal(loaded.formats.map((f) => f.name), ['bankx'])
  assert.is(loaded.errors.length, 2)
  assert.ok(loaded.errors[0]?.startsWith(join(dir, 'a-bad.js')))
  assert.match(loaded.errors[0] ?? '', /fieldset/)
  assert.ok(loaded.errors[1]?.startsWith(join(dir, 'c-throws.mjs')))
  assert.match(loaded.errors[1] ?? '', /boom/)
  const r = convertCsv(bytes('When,What,Much\n1,coffee,2\n'), { file: 'x.csv', account: ACCOUNT, formats: [...BUILTIN_FORMATS, ...loaded.formats] })
  assert.is(r.format, 'bankx')
  assert.equal(r.notes, [{ severity: 'info', message: 'row skipped: plugin saw coffee at line 2', line: 2 }])
  // HOME is the fallback.
  const home = scratchDir('ptabridge-home-')
  mkdirSync(join(home, '.config/ptabridge/plugins'), { recursive: true })
  writeFileSync(join(home, '.config/ptabridge/plugins/p.js'), GOOD_PLUGIN)
  assert.equal((await loadPlugins({ HOME: home })).formats.map((f) => f.name), ['bankx'])
})

test('plugins: never loaded from the current directory (no HOME, or relative XDG_CONFIG_HOME/HOME)', async () => {
  const cwd = scratchDir('ptabridge-cwd-')
  const trap = 'globalThis.__ptabridgeCwdPluginLoaded = true\nexport default { name: "cwd", fieldset: ["x"], convert: () => ({ skip: "x" }) }\n'
  for (const sub of ['', 'plugins', 'ptabridge/plugins', '.config/ptabridge/plugins', 'rel/ptabridge/plugins']) {
    mkdirSync(join(cwd, sub), { recursive: true })
    writeFileSync(join(cwd, sub, 'trap.mjs'), trap)
  }
  const before = process.cwd()
  process.chdir(cwd)
  try {
    for (const env of [{}, { HOME: '.' }, { XDG_CONFIG_HOME: 'rel' }, { XDG_CONFIG_HOME: '', HOME: '' }]) {
      const loaded = await loadPlugins(env)
      assert.equal(loaded, { formats: [], errors: [] })
    }
  } finally {
    process.chdir(before)
  }
  assert.is((globalThis as { __ptabridgeCwdPluginLoaded?: boolean }).__ptabridgeCwdPluginLoaded, undefined)
})

test.run()
