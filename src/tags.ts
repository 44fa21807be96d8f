/**
 * Tags and metadata, derived from comment text on demand (never stored).
 *
 * The two tools read the same comment differently (dialects.md §2.C):
 * - **ledger 3.3** (`item_t::parse_tags`), per comment line: a word that
 *   starts and ends with `:` is a list of valueless tags (`:a:b:`); the
 *   *first* word, if it ends with `:` (or `::`, a typed value), is a key whose
 *   value is the rest of the line, and nothing after it is read. A line with
 *   no `:` may carry a bracketed date `[DATE]` or `[=DATE2]`.
 * - **hledger 1.25** (`commenttagsp`): every `name:` anywhere (name = the
 *   last word before the colon) starts a tag whose value runs to the next
 *   comma or the end of the line. Bracketed dates are found independently.
 */
import type { Comment, Dialect, Posting, TransactionLine } from './ast.js'

/** One tag or metadata entry. */
export interface Tag {
  name: string
  /** The value, trimmed; `''` for a valueless tag. */
  value: string
  /** ledger `key:: value`: the value is an expression. */
  typed?: boolean
}

/** A bracketed date in a comment: `[DATE]`, `[=DATE2]` or `[DATE=DATE2]`, as written. */
export interface BracketDate {
  date?: string
  auxDate?: string
  /** The text between the brackets. */
  text: string
  /** Offset of `[` within the comment text. */
  index: number
}

/** The tags `dialect` reads from one comment line's text. */
export function tagsOf(text: string, dialect: Dialect): Tag[] {
  return dialect === 'ledger' ? ledgerTags(text) : hledgerTags(text)
}

function ledgerTags(text: string): Tag[] {
  if (text.indexOf(':') < 0) return []
  const tags: Tag[] = []
  const words = [...text.matchAll(/[^ \t]+/g)]
  let first = true
  for (let i = 0; i < words.length; i++) {
    const m = words[i] as RegExpMatchArray
    const word = m[0]
    if (word.length < 2) continue
    if (word.startsWith(':') && word.endsWith(':')) {
      for (const name of word.slice(1, -1).split(':')) if (name) tags.push({ name, value: '' })
    } else if (first && word.endsWith(':')) {
      const typed = word.endsWith('::') && word.length > 2
      const name = word.slice(0, typed ? -2 : -1)
      const next = words[i + 1]
      const value = next ? text.slice(next.index).trim() : ''
      tags.push(typed ? { name, value, typed } : { name, value })
      break
    }
    first = false
  }
  return tags
}

function hledgerTags(text: string): Tag[] {
  const tags: Tag[] = []
  let at = 0
  while (at < text.length) {
    const colon = text.indexOf(':', at)
    if (colon < 0) break
    const before = text.slice(at, colon)
    const name = before.split(/\s/).pop() ?? ''
    at = colon + 1
    if (name === '') continue
    let end = text.indexOf(',', at)
    if (end < 0) end = text.length
    tags.push({ name, value: text.slice(at, end).trim() })
    at = end + 1
  }
  return tags
}

/** Bracketed dates in a comment line, as `dialect` sees them (ledger ignores them on a line with a colon). */
export function bracketDatesOf(text: string, dialect: Dialect): BracketDate[] {
  if (dialect === 'ledger' && text.indexOf(':') >= 0) return []
  const out: BracketDate[] = []
  for (const m of text.matchAll(/\[(=?)([0-9][0-9/.-]*)(?:=([0-9][0-9/.-]*))?\]/g)) {
    const d: BracketDate = { text: m[0].slice(1, -1), index: m.index ?? 0 }
    if (m[1]) d.auxDate = m[2] as string
    else {
      d.date = m[2] as string
      if (m[3]) d.auxDate = m[3]
    }
    out.push(d)
  }
  return out
}

/**
 * The comments that belong to each posting of a transaction body: its own
 * end-of-line comment and the comment lines that follow it (both tools attach
 * indented comment lines to the preceding posting). Comment lines before the
 * first posting belong to the transaction and are returned under `null`.
 */
export function postingComments(lines: readonly TransactionLine[]): Map<Posting | null, Comment[]> {
  const out = new Map<Posting | null, Comment[]>()
  let owner: Posting | null = null
  out.set(null, [])
  for (const line of lines) {
    if (line.type === 'posting') {
      owner = line
      out.set(line, line.comment ? [line.comment] : [])
    } else if (line.type === 'comment') {
      out.get(owner)?.push(line)
    }
  }
  return out
}
