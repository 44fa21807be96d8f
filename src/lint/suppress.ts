/**
 * Inline suppressions: a comment line `; ptabridge-disable-next-line ID[, ID…]`
 * hides the findings of those rules (of every rule without ids) on the next
 * line. The comment may start with any comment character and may sit in an
 * entry (indented) or between entries.
 */
import { readFileSync } from 'node:fs'
import { decodeJournal, type ParseFileResult } from '../parse/files.js'

/** Per file name (as in diagnostics), per 1-based line: the rule ids disabled there (`*` for all). */
export type Suppressions = Map<string, Map<number, Set<string>>>

const DIRECTIVE = /^[ \t]*[;#*%|][ \t]*ptabridge-disable-next-line\b(.*)$/

/** Find the disable comments in every file of a parsed journal; `rootText` is the top file's text when it was not read from disk. */
export function suppressions(parsed: ParseFileResult, rootText?: string): Suppressions {
  const out: Suppressions = new Map()
  for (const f of parsed.files) {
    let text: string
    try {
      text = f === parsed.root && rootText !== undefined ? rootText : decodeJournal(readFileSync(f.path)).text
    } catch {
      continue
    }
    if (!text.includes('ptabridge-disable-next-line')) continue
    const lines = new Map<number, Set<string>>()
    text.split(/\r?\n/).forEach((line, i) => {
      const m = DIRECTIVE.exec(line)
      if (!m) return
      const ids = (m[1] ?? '').split(/[\s,]+/).filter((x) => x !== '' && !x.startsWith('--'))
      lines.set(i + 2, new Set(ids.length ? ids : ['*']))
    })
    out.set(f.journal.file ?? f.path, lines)
  }
  return out
}
