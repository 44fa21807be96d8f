/**
 * `ptabridge sync` against a local OFX server (test/helpers/ofx-server.ts):
 * every configured account's new transactions in both dialects, accepted by
 * ledger and hledger; a second sync prints nothing; the walk-back windows;
 * ofxclient.ini and sync.json; the requests (SGML and XML); `--add`; and every
 * failure mode (bad password, server error with retries, a slow server, a
 * malformed answer, a missing password, a readable file with a password):
 * a clear message, exit status 1 or 2, nothing written, no secret shown.
 */
import { spawnSync } from 'node:child_process'
import { chmodSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { run } from '../src/cli/index.js'
import { statementRequest } from '../src/sync/request.js'
import type { SyncAccount } from '../src/sync/config.js'
import { fakeIo } from './helpers/fake-io.js'
import { startOfxServer, type OfxTestServer } from './helpers/ofx-server.js'
import { skipNote } from './helpers/paths.js'
import { scratchDir } from './helpers/scratch.js'

const PASSWORD = 's3cret-PW-9'
const TRANSACTIONS = [
  { account: '111', date: '20240329', amount: '-12.50', fitid: 'c1', name: 'COFFEE SHOP' },
  { account: '111', date: '20240325', amount: '-45.00', fitid: 'c2', name: 'GROCER' },
  { account: '111', date: '20240316', amount: '1500.00', fitid: 'c3', name: 'PAYROLL' },
  { account: '111', date: '20240220', amount: '-800.00', fitid: 'c4', name: 'RENT' },
  { account: '111', date: '20240115', amount: '-30.00', fitid: 'c5', name: 'PHONE' },
  { account: '222', date: '20240330', amount: '-20.00', fitid: 'v1', name: 'BOOKSTORE' },
  { account: '222', date: '20240301', amount: '-60.00', fitid: 'v2', name: 'FUEL' },
]
const have = (tool: string): boolean => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0

let server: OfxTestServer
test.before(async () => {
  server = await startOfxServer(TRANSACTIONS, { user: 'me', password: PASSWORD, balances: { '111': '612.50', '222': '-80.00' } })
})
test.after(async () => {
  await server.close()
})

function config(dir: string, path: string, extra: Record<string, unknown> = {}): string {
  const file = join(dir, 'sync.json')
  writeFileSync(file, JSON.stringify({ institutions: [{ name: 'Test Bank', url: `${server.url}${path}`, org: 'TESTBANK', fid: '4321', username: 'me', password: { env: 'BANK_PW' }, ...extra,
    accounts: [{ type: 'bank', number: '111', bankId: '999', accountType: 'CHECKING', account: 'Assets:Checking' }, { type: 'creditcard', number: '222', account: 'Liabilities:Visa' }] }] }))
  return file
}

async function sync(dir: string, argv: string[], env: Record<string, string> = { BANK_PW: PASSWORD }): Promise<{ code: number; out: string; err: string }> {
  const io = fakeIo({ cwd: dir, env: { ...env, HOME: dir } })
  const code = await run(['sync', '--today', '2024-03-31', '--timeout', '1', '--retries', '1', ...argv], io)
  return { code, out: io.out(), err: io.err() }
}

for (const target of ['ledger', 'hledger'] as const) {
  test(`sync (${target}): every account's transactions, accepted by ${target}; appended, a second sync prints nothing`, async () => {
    const dir = scratchDir('ptabridge-sync-')
    const cfg = config(dir, '/ok')
    const journal = join(dir, target === 'ledger' ? 'main.ledger' : 'main.journal')
    writeFileSync(journal, '')
    const first = await sync(dir, ['--config', cfg, '-f', journal, '--target', target])
    assert.is(first.code, 0, first.err)
    for (const name of ['COFFEE SHOP', 'GROCER', 'PAYROLL', 'RENT', 'PHONE', 'BOOKSTORE', 'FUEL']) assert.match(first.out, new RegExp(`^2024/\\d\\d/\\d\\d ${name}$`, 'm'))
    assert.match(first.out, /^ {4}Assets:Checking {2,}-\$12\.50\n {4}; ofxid: 4321\.111\.c1$/m)
    assert.match(first.out, /^ {4}Liabilities:Visa {2,}-\$20\.00$/m)
    assert.match(first.err, /Assets:Checking: 5 downloaded, 5 new, 0 already in the journal \(windows: 7, 14, 28, 56, 90 days\)/)
    if (have(target)) {
      const tool = target === 'ledger' ? spawnSync('ledger', ['--args-only', '-f', '-', 'bal'], { input: first.out, encoding: 'utf8' }) : spawnSync('hledger', ['-f', '-', 'bal'], { input: first.out, encoding: 'utf8' })
      assert.is(tool.status, 0, tool.stderr)
      assert.not.match(tool.stderr, /rror/)
    } else {
      skipNote(`sync output against ${target}`, `${target} is not installed`)
    }
    const appended = await sync(dir, ['--config', cfg, '-f', journal, '--target', target, '--append'])
    assert.is(appended.code, 0, appended.err)
    const second = await sync(dir, ['--config', cfg, '-f', journal, '--target', target])
    assert.is(second.code, 0, second.err)
    assert.is(second.out, '')
    assert.match(second.err, /Assets:Checking: 2 downloaded, 0 new, 2 already in the journal \(windows: 7 days\)/)
  })
}

test('requests: content type, sign-on, account and date range; SGML for 102, XML for 2xx; --resync asks for the whole window', async () => {
  const dir = scratchDir('ptabridge-sync-req-')
  const before = server.requests.length
  const r = await sync(dir, ['--config', config(dir, '/ok'), '-L', '--resync', '--max', '30', '-a', 'Assets:Checking'])
  assert.is(r.code, 0, r.err)
  const mine = server.requests.slice(before)
  assert.is(mine.length, 1)
  assert.equal([mine[0]?.contentType, mine[0]?.userId, mine[0]?.account, mine[0]?.start, mine[0]?.xml], ['application/x-ofx', 'me', '111', '20240301', false])
  assert.match(mine[0]?.body ?? '', /^OFXHEADER:100\r\nDATA:OFXSGML\r\nVERSION:102\r\n/)
  assert.match(r.out, /COFFEE SHOP/)
  assert.not.match(r.out, /RENT/)
  const account: SyncAccount = { journalAccount: 'Liabilities:Visa', kind: 'creditcard', number: '222', institution: { name: 'B', url: 'http://x', org: 'O&Co', fid: '1', username: 'u', password: { env: 'X' }, ofxVersion: 211, appId: 'QWIN', appVersion: '2700' } }
  const xml = statementRequest(account, { password: 'p<w', start: new Date('2024-03-01T00:00:00Z'), end: new Date('2024-03-31T00:00:00Z'), trnuid: 'T1' })
  assert.match(xml.body, /^<\?xml version="1\.0" encoding="UTF-8" standalone="no"\?>\n<\?OFX OFXHEADER="200" VERSION="211"/)
  assert.match(xml.body, /<ORG>O&amp;Co<\/ORG>/)
  assert.match(xml.body, /<USERPASS>p&lt;w<\/USERPASS>/)
  assert.match(xml.body, /<CCSTMTRQ>\n\s+<CCACCTFROM>\n\s+<ACCTID>222<\/ACCTID>/)
})

test('ofxclient.ini: description is the journal account; a readable file with a password is refused, a private one used', async () => {
  const dir = scratchDir('ptabridge-sync-ini-')
  const ini = join(dir, 'ofxclient.ini')
  writeFileSync(ini, `[BAR]\naccount_type = CHECKING\ndescription = Assets:Checking:Bar\ninstitution.id = 4321\ninstitution.org = TESTBANK\ninstitution.password = ${PASSWORD}\ninstitution.url = ${server.url}/ok\ninstitution.username = me\nlocal_id = BAR\nnumber = 111\nrouting_number = 999\n`)
  chmodSync(ini, 0o644)
  const refused = await sync(dir, ['--ofxclient', ini, '-L'], {})
  assert.is(refused.code, 2)
  assert.match(refused.err, /holds a password in plain text but others can read it \(mode 644\); run chmod 600/)
  assert.not.match(refused.err + refused.out, new RegExp(PASSWORD))
  chmodSync(ini, 0o600)
  const ok = await sync(dir, ['--ofxclient', ini, '-L'], {})
  assert.is(ok.code, 0, ok.err)
  assert.match(ok.out, /^ {4}Assets:Checking:Bar {2,}-\$12\.50$/m)
})

const FAILURES: Array<[string, string, RegExp]> = [
  ['bad password', '/badpass', /the bank rejected the user id or password \(OFX status 15500, error: Invalid user ID or password\)/],
  ['server error', '/error', /answered HTTP 500 \(a server error\); gave up after 2 attempts/],
  ['slow server', '/slow', /no answer from 127\.0\.0\.1:\d+ within 1 s; gave up after 2 attempts/],
  ['malformed answer', '/malformed', /sent an answer that is not valid OFX/],
]
for (const [what, path, message] of FAILURES) {
  test(`failure: ${what}: a clear message, exit 1, nothing printed or written, no secret shown`, async () => {
    const dir = scratchDir('ptabridge-sync-fail-')
    const journal = join(dir, 'main.ledger')
    writeFileSync(journal, '; my books\n')
    const r = await sync(dir, ['--config', config(dir, path), '-f', journal, '--append'])
    assert.is(r.code, 1, r.err)
    assert.match(r.err, message)
    assert.match(r.err, /failed; nothing was written/)
    assert.is(r.out, '')
    assert.is(readFileSync(journal, 'utf8'), '; my books\n')
    assert.not.match(r.err + r.out, new RegExp(PASSWORD))
  })
}

test('a server error once is retried and succeeds', async () => {
  const dir = scratchDir('ptabridge-sync-flaky-')
  const r = await sync(dir, ['--config', config(dir, '/flaky'), '-L', '-a', 'Assets:Checking', '--resync'])
  assert.is(r.code, 0, r.err)
  assert.match(r.out, /PAYROLL/)
})

test('a missing password source, no accounts, an unknown -a: clear messages', async () => {
  const dir = scratchDir('ptabridge-sync-pw-')
  const noPw = await sync(dir, ['--config', config(dir, '/ok'), '-L'], {})
  assert.is(noPw.code, 1)
  assert.match(noPw.err, /the environment variable BANK_PW is not set/)
  const none = await sync(dir, ['-L'], {})
  assert.is(none.code, 2)
  assert.match(none.err, /no accounts configured: run ptabridge sync --add/)
  const unknown = await sync(dir, ['--config', config(dir, '/ok'), '-L', '-a', 'Assets:Nope'])
  assert.is(unknown.code, 2)
  const command = await sync(dir, ['--config', config(dir, '/ok', { password: { command: `printf '%s\\n' ${PASSWORD}` } }), '-L', '-a', 'Liabilities:Visa'], {})
  assert.is(command.code, 0, command.err)
  assert.match(command.out, /BOOKSTORE/)
})

test('--add: asks for an institution and its accounts, writes sync.json privately without a password; sync then uses it', async () => {
  const dir = scratchDir('ptabridge-sync-add-')
  const answers = ['Test Bank', `${server.url}/ok`, 'TESTBANK', '4321', 'me', 'env BANK_PW', '', 'creditcard', '222', 'Liabilities:Visa', 'n', ''].join('\n')
  const io = fakeIo({ cwd: dir, env: { HOME: dir }, stdin: answers })
  assert.is(await run(['sync', '--add', '--config', join(dir, 'cfg', 'sync.json')], io), 0, io.err())
  const file = join(dir, 'cfg', 'sync.json')
  assert.is(statSync(file).mode & 0o777, 0o600)
  const saved = JSON.parse(readFileSync(file, 'utf8')) as { institutions: Array<{ password: unknown; ofxVersion: number; accounts: unknown[] }> }
  assert.equal(saved.institutions[0]?.password, { env: 'BANK_PW' })
  assert.is(saved.institutions[0]?.ofxVersion, 102)
  const r = await sync(dir, ['--config', file, '-L'])
  assert.is(r.code, 0, r.err)
  assert.match(r.out, /FUEL/)
})

test.run()
