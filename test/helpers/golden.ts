/**
 * Golden files without a snapshot library: compare `actual` with the sidecar
 * file; write it when it is missing or when UPDATE=1, and show a unified diff
 * on mismatch (the mdast-util-from-markdown fixture technique).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { createTwoFilesPatch } from 'diff'
import * as assert from 'uvu/assert'

/** Whether goldens are being rewritten (`UPDATE=1`). */
export const UPDATING = process.env.UPDATE === '1'

/** Assert that `actual` equals the golden file at `path` (creating or updating it when asked). */
export function golden(path: string, actual: string): void {
  if (UPDATING || !existsSync(path)) {
    if (!UPDATING && process.env.CI) assert.unreachable(`missing golden file ${path}; run npm run test:update and commit it`)
    writeFileSync(path, actual)
    return
  }
  const expected = readFileSync(path, 'utf8')
  if (expected !== actual) {
    const patch = createTwoFilesPatch(path, 'actual', expected, actual, '', '', { context: 2 })
    assert.unreachable(`golden mismatch (run npm run test:update if the change is intended)\n${patch.split('\n').slice(0, 60).join('\n')}`)
  }
}
