/**
 * ptabridge against the real tools: for every corpus journal a tool
 * accepts, `ptabridge bal` and `ptabridge reg` under that tool's semantics
 * print exactly what `ledger bal`/`reg` and `hledger bal`/`reg` print. The
 * known differences are listed with their reason; the test fails if one of
 * them disappears as well as if a new one appears. Skipped when ledger or
 * hledger is not installed (CI installs both).
 */
import { spawnSync } from 'node:child_process'
import { basename, dirname } from 'node:path'
import { execa } from 'execa'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { run } from '../src/cli/index.js'
import { corpusFiles } from './helpers/corpus.js'
import { fakeIo } from './helpers/fake-io.js'
import { skipNote } from './helpers/paths.js'

const have = (tool: string): boolean => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0

/** Where ptabridge's text differs from the tool's, and why (the values agree). */
const KNOWN: Record<string, string> = {
  'hledger bal syntax/hledger/amt-digit-groups-indian.journal': 'hledger keeps the Indian 2-digit grouping; ptabridge groups by 3',
  'hledger reg syntax/hledger/amt-digit-groups-indian.journal': 'hledger keeps the Indian 2-digit grouping; ptabridge groups by 3',
  'hledger bal syntax/hledger/amt-digit-groups-space.journal': 'hledger shows 125 000,00 SEK with a period as the decimal mark',
  'hledger reg syntax/hledger/amt-digit-groups-space.journal': 'hledger shows 125 000,00 SEK with a period as the decimal mark',
  'hledger reg syntax/hledger/post-virtual-elided-amount.journal': 'hledger shows an amountless virtual posting with blank amount and total',
  'ledger bal syntax/ledger/cost-fixated-at.ledger': 'ledger shows fixated lot prices {=$3.85} in balances',
  'ledger reg syntax/ledger/cost-fixated-at.ledger': 'ledger shows fixated lot prices {=$3.85} in the register',
  'ledger bal syntax/ledger/dir-python-block.ledger': 'the amount calls a function defined in Python, which ptabridge does not run',
  'ledger reg syntax/ledger/dir-python-block.ledger': 'the amount calls a function defined in Python, which ptabridge does not run',
  'ledger reg syntax/ledger/dir-end-apply-shorthand.ledger': 'ledger 3.3 spreads the shortening of long account names over several parents',
  'ledger reg syntax/ledger/feat-auto-multiplier-expr.ledger': 'ledger 3.3 spreads the shortening of long account names over several parents',
}

async function ours(command: string, file: string, tool: string): Promise<string> {
  const io = fakeIo()
  await run([command, file, '--semantics', tool, '--today', '2026-11-22'], io)
  return io.out()
}

async function theirs(tool: string, command: string, file: string): Promise<string | undefined> {
  const args = tool === 'ledger' ? ['--args-only', '-f', basename(file), command] : ['-f', basename(file), command]
  const r = await execa(tool, args, { cwd: dirname(file), reject: false, timeout: 10000, stripFinalNewline: false })
  return r.exitCode === 0 ? r.stdout : undefined // (a tool that rejects the file is not compared)
}

/** Run `work` over `items`, `limit` at a time. */
async function pool<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0
  await Promise.all(Array.from({ length: limit }, async () => {
    while (next < items.length) await work(items[next++] as T)
  }))
}

for (const command of ['bal', 'reg']) {
  test(`${command}: the same text as ledger and hledger on the corpus`, async () => {
    if (!have('ledger') || !have('hledger')) return skipNote('the tool comparison', 'ledger or hledger is not installed')
    const differ: string[] = []
    let compared = 0
    const runs = corpusFiles('syntax').filter((f) => !f.name.includes('/inc/')).flatMap((f) => {
      const tools = f.name.startsWith('syntax/ledger/') ? ['ledger'] : f.name.startsWith('syntax/hledger/') ? ['hledger'] : ['ledger', 'hledger']
      return tools.map((tool) => ({ f, tool }))
    })
    await pool(runs, 4, async ({ f, tool }) => {
      const expected = await theirs(tool, command, f.path)
      if (expected === undefined) return
      compared++
      if ((await ours(command, f.path, tool)) !== expected) differ.push(`${tool} ${command} ${f.name}`)
    })
    assert.ok(compared > 150, `compared ${compared} runs`)
    const known = Object.keys(KNOWN).filter((k) => k.split(' ')[1] === command).sort()
    assert.equal(differ.sort(), known)
  })
}

test.run()
