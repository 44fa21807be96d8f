/**
 * The CLI, run in-process through run(argv, io), plus two smoke tests of the
 * built executable.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { execa } from 'execa'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { run } from '../src/cli/index.js'
import { fakeIo } from './helpers/fake-io.js'
import { scratchDir } from './helpers/scratch.js'
import { CORPUS, ROOT } from './helpers/paths.js'

const SAMPLE = join(CORPUS, 'syntax/common/hdr-all-fields.journal')

test('print FILE returns the same bytes', async () => {
  const io = fakeIo()
  assert.is(await run(['print', SAMPLE], io), 0)
  assert.is(io.out(), readFileSync(SAMPLE, 'utf8'))
  assert.is(io.err(), '')
})

test('print -f FILE, print - (stdin) and LEDGER_FILE', async () => {
  const text = '2024-01-05 x\n    a  1\n    b\n'
  let io = fakeIo({ stdin: text })
  assert.is(await run(['print', '-'], io), 0)
  assert.is(io.out(), text)
  io = fakeIo({ stdin: text })
  assert.is(await run(['print', '-f', '-'], io), 0)
  assert.is(io.out(), text)
  io = fakeIo({ env: { LEDGER_FILE: SAMPLE } })
  assert.is(await run(['print'], io), 0)
  assert.is(io.out(), readFileSync(SAMPLE, 'utf8'))
})

test('a journal with errors: positioned diagnostics with an excerpt, exit 1, nothing printed', async () => {
  const io = fakeIo({ stdin: '2024-01-05 x\n    a  1 foo bar\n    b\n' })
  assert.is(await run(['print', '-', '--from', 'hledger'], io), 1)
  assert.is(io.out(), '')
  assert.match(io.err(), /^<stdin>:2:14: error: Unexpected 'b', expected .*\[parse\/syntax\]\n 2 \|     a  1 foo bar\n   \| {14}\^/)
  assert.not.match(io.err(), /at .*\.js:\d+/)
})

test('usage errors exit 2 with a message and no stack trace', async () => {
  for (const argv of [['print', '/no/such/file.journal'], ['frobnicate'], ['print', '--from', 'beancount', SAMPLE], []]) {
    const io = fakeIo()
    assert.is(await run(argv, io), 2, argv.join(' '))
    assert.match(io.err(), /^ptabridge: /)
    assert.not.match(io.err(), /at .*\.js:\d+/)
  }
})

test('no journal at all says how to give one', async () => {
  const io = fakeIo()
  assert.is(await run(['print'], io), 2)
  assert.match(io.err(), /pass FILE, -f FILE, - for standard input, or set LEDGER_FILE/)
})

test('--help and --version', async () => {
  let io = fakeIo()
  assert.is(await run(['--help'], io), 0)
  assert.match(io.out(), /ptabridge print \[journal\]/)
  io = fakeIo()
  assert.is(await run(['--version'], io), 0)
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }
  assert.is(io.out().trim(), pkg.version)
})

test('parse --json prints the tree with amounts as decimal strings', async () => {
  const io = fakeIo({ stdin: '2024-01-05 x\n    a  1.50 EUR\n    b\n' })
  assert.is(await run(['parse', '-', '--from', 'hledger'], io), 0)
  const out = JSON.parse(io.out()) as { dialect: string; journal: { children: Array<{ children: Array<{ amount?: { quantity: string } }> }> } }
  assert.is(out.dialect, 'hledger')
  assert.is(out.journal.children[0]?.children[0]?.amount?.quantity, '1.5')
})

test('parse --includes lists every file read', async () => {
  const io = fakeIo()
  assert.is(await run(['parse', join(CORPUS, 'syntax/common/dir-include.journal'), '--includes'], io), 0)
  const out = JSON.parse(io.out()) as { files: Array<{ file: string }> }
  assert.ok(out.files.length >= 2)
})

test('warnings go to stderr and the journal is still printed (ledger ignores unknown directives)', async () => {
  const text = 'frobnicate x\n2024/01/05 x\n    a  1\n    b\n'
  const io = fakeIo({ stdin: text })
  assert.is(await run(['print', '-', '--from', 'ledger'], io), 0)
  assert.is(io.out(), text)
  assert.match(io.err(), /warning: Unknown directive 'frobnicate'/)
})

test('the built executable runs (smoke test)', async () => {
  const bin = join(ROOT, 'dist/src/cli/bin.js')
  const r = await execa(process.execPath, [bin, 'print', SAMPLE], { reject: false })
  assert.is(r.exitCode, 0)
  assert.is(r.stdout + '\n', readFileSync(SAMPLE, 'utf8'))
  const bad = await execa(process.execPath, [bin, 'print', '-', '--from', 'ledger'], { input: '2024/13/01 x\n', reject: false, env: { NO_COLOR: '1' } })
  assert.is(bad.exitCode, 1)
  assert.match(bad.stderr, /<stdin>:1:1: error: Invalid date 2024\/13\/01/)
})

test('convert -o keeps a latin1 journal latin1', async () => {
  const dir = scratchDir('ptabridge-cli-')
  writeFileSync(join(dir, 'a.ledger'), Buffer.from('% caf\u00e9\n2024-01-01 x\n    a  1\n    b\n', 'latin1'))
  const io = fakeIo({ cwd: dir })
  assert.is(await run(['convert', '--to', 'hledger', 'a.ledger', '-o', 'a.journal'], io), 0)
  assert.equal([...readFileSync(join(dir, 'a.journal'))], [...Buffer.from('; caf\u00e9\n2024-01-01 x\n    a  1\n    b\n', 'latin1')])
})

test.run()
