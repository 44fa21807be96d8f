/**
 * parseFile: includes relative to the including file, globs (with `**`),
 * `~`, format prefixes, and positioned errors for missing files and cycles.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { decodeJournal, encodeJournal, FileReadError, parseFile } from '../src/parse/files.js'
import { print } from '../src/print/index.js'
import { scratchDir } from './helpers/scratch.js'

function tree(files: Record<string, string>): string {
  const dir = scratchDir('ptabridge-files-')
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true })
    writeFileSync(join(dir, name), text)
  }
  return dir
}

const TXN = (d: string) => `${d} x\n    a  1\n    b\n`

test('includes resolve relative to the including file, recursively', () => {
  const dir = tree({
    'main.journal': 'include sub/one.journal\n',
    'sub/one.journal': 'include two.journal\n' + TXN('2024-01-01'),
    'sub/two.journal': TXN('2024-01-02'),
  })
  const r = parseFile(join(dir, 'main.journal'))
  assert.ok(r.ok, JSON.stringify(r.diagnostics))
  assert.equal(r.files.map((f) => f.path.slice(dir.length + 1)), ['main.journal', 'sub/one.journal', 'sub/two.journal'])
  assert.is(r.root.includes[0]?.files[0]?.includes[0]?.files[0]?.path, join(dir, 'sub/two.journal'))
})

test('globs expand in name order; ** reaches subfolders', () => {
  const dir = tree({
    'main.journal': 'include parts/*.journal\ninclude deep/**/*.journal\n',
    'parts/b.journal': TXN('2024-01-02'),
    'parts/a.journal': TXN('2024-01-01'),
    'deep/x/y/z.journal': TXN('2024-01-03'),
  })
  const r = parseFile(join(dir, 'main.journal'))
  assert.ok(r.ok)
  assert.equal(r.root.includes[0]?.files.map((f) => f.path.slice(dir.length + 1)), ['parts/a.journal', 'parts/b.journal'])
  assert.equal(r.root.includes[1]?.files.map((f) => f.path.slice(dir.length + 1)), ['deep/x/y/z.journal'])
})

test('a missing file is an error on the include line', () => {
  const dir = tree({ 'main.ledger': TXN('2024/01/01') + 'include nope.ledger\n' })
  const r = parseFile(join(dir, 'main.ledger'))
  assert.is(r.ok, false)
  const d = r.diagnostics.find((x) => x.code === 'include/not-found')
  assert.ok(d)
  assert.is(d?.line, 4)
  assert.is(d?.column, 1)
  assert.match(d?.message ?? '', /nope\.ledger/)
})

test('an include cycle is an error, not a hang', () => {
  const dir = tree({ 'a.journal': 'include b.journal\n', 'b.journal': 'include a.journal\n' })
  const r = parseFile(join(dir, 'a.journal'))
  assert.is(r.ok, false)
  assert.match(r.diagnostics.map((d) => d.message).join('\n'), /Include cycle: a\.journal → b\.journal → a\.journal/)
})

test('included files use their own extension to pick a dialect', () => {
  const dir = tree({ 'main.journal': 'include old.ledger\n', 'old.ledger': 'test\nanything\nend test\n' + TXN('2024/01/01') })
  const r = parseFile(join(dir, 'main.journal'))
  assert.ok(r.ok)
  assert.is(r.files[1]?.dialect, 'ledger')
})

test('CSV and timedot includes are reported, not parsed', () => {
  const dir = tree({ 'main.journal': 'include bank.csv\n', 'bank.csv': 'date,amount\n' })
  const r = parseFile(join(dir, 'main.journal'))
  assert.ok(r.diagnostics.some((d) => d.code === 'include/foreign-format' && d.severity === 'info'))
  assert.is(r.files.length, 1)
})

test('an unreadable top file throws a FileReadError with a clear message', () => {
  assert.throws(() => parseFile('/nonexistent/x.journal'), (e: unknown) => e instanceof FileReadError && /no such file/.test((e as Error).message))
})

test('non-UTF-8 files are read as Latin-1 and still round-trip byte for byte', () => {
  const bytes = Buffer.from('2024-01-01 Caf\xe9\n    a  1\n    b\n', 'latin1')
  const { text, encoding } = decodeJournal(bytes)
  assert.is(encoding, 'latin1')
  assert.equal(encodeJournal(text, encoding), bytes)
  const dir = tree({})
  writeFileSync(join(dir, 'l1.journal'), bytes)
  const r = parseFile(join(dir, 'l1.journal'))
  assert.ok(r.diagnostics.some((d) => d.code === 'io/not-utf8'))
  assert.equal(encodeJournal(print(r.root.journal), r.root.encoding), bytes)
})

test.run()
