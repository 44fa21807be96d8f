/**
 * Paths the tests use: the project root (tests run from dist/test), the
 * project's own corpus, and ../shared when it is present.
 */
import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The project root. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..')
/** The project's own corpus. */
export const CORPUS = join(ROOT, 'corpus')
/** ../shared, beside the project. */
export const SHARED = resolve(ROOT, '../shared')
/** Whether ../shared/oracle is available. */
export const HAS_ORACLE = existsSync(join(SHARED, 'oracle/manifest.tsv'))

/** Print why a test group is skipped, once. */
export function skipNote(what: string, why: string): void {
  console.log(`  (skipped ${what}: ${why})`)
}
