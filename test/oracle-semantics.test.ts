/**
 * Issue 3's acceptance, kept as a test: on the ../shared/oracle journals,
 * ptabridge's per-account totals equal ledger's and hledger's for at least
 * 98% of the files each tool accepts, and ptabridge reports an error for at
 * least 95% of the files a tool rejects for balancing or assertions
 * (scripts/oracle-totals.mjs does the counting and lists every difference).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { execa } from 'execa'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { ROOT, SHARED, skipNote } from './helpers/paths.js'

interface Tally { tried: number; matched: number; threw: number; rejected: number; flagged: number }

test('oracle totals: ≥ 98% equal to each tool, ≥ 95% of rejected files flagged', async () => {
  if (!existsSync(join(SHARED, 'oracle/expected-totals.jsonl'))) return skipNote('oracle totals', '../shared/oracle/expected-totals.jsonl is not present')
  const dir = mkdtempSync(join(tmpdir(), 'ptabridge-oracle-'))
  try {
    const out = join(dir, 'report.json')
    await execa(process.execPath, [join(ROOT, 'scripts/oracle-totals.mjs'), '--json', out], { cwd: ROOT })
    const report = JSON.parse(readFileSync(out, 'utf8')) as Record<'ledger' | 'hledger', Tally>
    for (const tool of ['ledger', 'hledger'] as const) {
      const r = report[tool]
      assert.is(r.threw, 0, `${tool}: resolving threw`)
      assert.ok(r.matched / r.tried >= 0.98, `${tool}: totals equal for ${r.matched}/${r.tried}`)
      assert.ok(r.flagged / r.rejected >= 0.95, `${tool}: rejected files flagged ${r.flagged}/${r.rejected}`)
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})

test.run()
