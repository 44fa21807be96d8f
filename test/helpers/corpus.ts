/**
 * Enumerating corpus files: the project's own corpus/ and, when present, the
 * journals of ../shared/oracle with what each real tool accepts.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import type { Dialect } from '../../src/ast.js'
import { dialectOfExtension } from '../../src/dialect/index.js'
import { CORPUS, SHARED } from './paths.js'

/** A corpus journal. */
export interface CorpusFile {
  /** Path relative to corpus/. */
  name: string
  path: string
  dialect: Dialect
}

const JOURNAL_EXT = /\.(journal|ledger|j|dat|ldg)$/

function walk(dir: string, out: string[]): void {
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name)
    if (statSync(full).isDirectory()) walk(full, out)
    else if (JOURNAL_EXT.test(name)) out.push(full)
  }
}

/** Journals under corpus/<sub> (recursively), with the dialect their extension selects. */
export function corpusFiles(sub: string): CorpusFile[] {
  const out: string[] = []
  walk(join(CORPUS, sub), out)
  return out.map((path) => ({ name: relative(CORPUS, path), path, dialect: dialectOfExtension(path) ?? 'ledger' }))
}

/** One row of ../shared/oracle/manifest.tsv. */
export interface OracleCase {
  id: string
  path: string
  ledgerOk: boolean
  hledgerOk: boolean
}

/** The oracle manifest (call only when HAS_ORACLE). */
export function oracleCases(): OracleCase[] {
  const lines = readFileSync(join(SHARED, 'oracle/manifest.tsv'), 'utf8').trim().split('\n').slice(1)
  return lines.map((line) => {
    const cols = line.split('\t')
    const id = cols[0] as string
    return { id, path: join(SHARED, 'oracle/corpus', id), ledgerOk: cols[3] === '1', hledgerOk: cols[4] === '1' }
  })
}
