/**
 * Reading an hledger CSV rules file (hledger 1.25's language, plus
 * `intra-day-reversed` from later versions): top-level directives, field
 * assignments, `if` blocks and `if` tables, `include`d files inlined where
 * they stand. Anything else is a {@link RulesError} at its line and column.
 */
import { readFileSync } from 'node:fs'
import { dirname, isAbsolute, resolve } from 'node:path'

/** A rules file problem, positioned. */
export class RulesError extends Error {
  constructor(readonly file: string, readonly line: number, readonly column: number, message: string, readonly hint = '') {
    super(message)
    this.name = 'RulesError'
  }
}

/** Where a rule was written. */
export interface RulePosition {
  file: string
  line: number
}

/** A pattern an `if` tests: the whole (comma-joined) record, or one field. */
export interface Matcher {
  /** The CSV field (name or 1-based number) for a field matcher. */
  field?: string
  regex: RegExp
  /** `&`: AND-ed with the previous matcher. */
  and: boolean
}

/** A field assignment. */
export interface Assignment {
  kind: 'assign'
  field: string
  value: string
  position: RulePosition
}

/** What an `if` can do. */
export type ConditionalRule = Assignment | { kind: 'skip'; count: number; position: RulePosition } | { kind: 'end'; position: RulePosition }

/** An `if` block (an `if` table becomes one block per row). */
export interface IfBlock {
  kind: 'if'
  matchers: Matcher[]
  rules: ConditionalRule[]
  position: RulePosition
}

/** The assertion operators `balance-type` can choose. */
export type BalanceType = '=' | '=*' | '==' | '==*'

/** A whole rules file. */
export interface CsvRules {
  file: string
  /** Top-level `skip` (last wins); undefined when absent. */
  skip?: number
  /** The `fields` list: one name per CSV column ('' for unnamed). */
  fields?: string[]
  separator?: string
  dateFormat?: string
  decimalMark?: '.' | ','
  newestFirst: boolean
  intraDayReversed: boolean
  balanceType: BalanceType
  /** Top-level assignments and if blocks, in file order (the fields list's assignments first). */
  statements: Array<Assignment | IfBlock>
}

const FIELD = /^(?:date2?|status|code|description|comment\d*|account\d+|amount\d*(?:-in|-out)?|currency\d*|balance\d*)$/

/** Whether `name` is an hledger field (or pseudo-field) that assignments and `fields` can set. */
export function isHledgerField(name: string): boolean {
  return FIELD.test(name)
}

/** A POSIX extended regular expression (with GNU `\<` `\>` word boundaries) as a case-insensitive JS RegExp. */
export function posixRegex(source: string, where: RulePosition, column: number): RegExp {
  // GNU word boundaries become \b; other escaped letters are the letters themselves (POSIX ERE has no \d, \w, \s)
  const js = source.replace(/\\([<>])/g, '\\b').replace(/\\([ac-zAC-Z])/g, '$1')
  try {
    return new RegExp(js, 'iu')
  } catch {
    try {
      return new RegExp(js, 'i')
    } catch (err) {
      throw new RulesError(where.file, where.line, column, `bad regular expression ${JSON.stringify(source)}: ${(err as Error).message}`, 'matchers are POSIX extended regular expressions')
    }
  }
}

function parseMatcher(text: string, where: RulePosition, column: number): Matcher {
  let t = text
  let and = false
  if (t.startsWith('&')) {
    and = true
    t = t.slice(1).trimStart()
  }
  const field = /^%([\w-]+)\s+(.*)$/.exec(t)
  if (field) return { field: field[1] as string, regex: posixRegex((field[2] as string).trim(), where, column), and }
  return { regex: posixRegex(t.trim(), where, column), and }
}

function parseAssignment(text: string, where: RulePosition, column: number): Assignment | undefined {
  const m = /^([\w-]+)(?:\s+(.*))?$/.exec(text)
  if (!m || !isHledgerField(m[1] as string)) return undefined
  void column
  return { kind: 'assign', field: m[1] as string, value: (m[2] ?? '').trimEnd(), position: where }
}

interface Line {
  text: string
  number: number
  file: string
}

function readLines(file: string, seen: Set<string>, from?: RulePosition): Line[] {
  const absolute = resolve(file)
  if (seen.has(absolute)) throw new RulesError(from?.file ?? file, from?.line ?? 1, 1, `include cycle: ${absolute} includes itself`)
  let text: string
  try {
    text = readFileSync(absolute, 'utf8')
  } catch {
    throw new RulesError(from?.file ?? file, from?.line ?? 1, 1, `cannot read rules file ${absolute}`, 'check the path (relative paths are relative to the including file)')
  }
  seen.add(absolute)
  const out: Line[] = []
  text.replace(/^\uFEFF/, '').split(/\r?\n/).forEach((raw, i) => {
    const inc = /^include\s+(.+?)\s*$/.exec(raw)
    if (inc) {
      const target = inc[1] as string
      out.push(...readLines(isAbsolute(target) ? target : resolve(dirname(absolute), target), seen, { file, line: i + 1 }))
    } else {
      out.push({ text: raw, number: i + 1, file })
    }
  })
  seen.delete(absolute)
  return out
}

const isBlank = (l: string): boolean => l.trim() === ''
const isComment = (l: string): boolean => /^\s*[#;*]/.test(l)

/** Read and parse the rules file at `path` (includes inlined). */
export function parseRulesFile(path: string): CsvRules {
  return parseRuleLines(readLines(path, new Set()), path)
}

/** Parse rules text (no includes are followed from text given this way unless a file is named). */
export function parseRulesText(text: string, file = '<rules>'): CsvRules {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/).map((t, i) => ({ text: t, number: i + 1, file }))
  return parseRuleLines(lines, file)
}

function parseRuleLines(lines: Line[], file: string): CsvRules {
  const rules: CsvRules = { file, newestFirst: false, intraDayReversed: false, balanceType: '=', statements: [] }
  const fieldAssignments: Assignment[] = []
  let i = 0
  const error = (line: Line, message: string, hint = '', column = 1): never => {
    throw new RulesError(line.file, line.number, column, message, hint)
  }
  while (i < lines.length) {
    const line = lines[i] as Line
    const where = { file: line.file, line: line.number }
    const text = line.text
    if (isBlank(text) || isComment(text)) {
      i++
      continue
    }
    if (/^\s/.test(text)) error(line, 'an indented rule outside an if block', 'indent only the rules under an `if`')
    const [word = '', ...restWords] = text.trim().split(/\s+/)
    const rest = text.trim().slice(word.length).trim()
    if (/^if[^\w\s]/.test(text)) {
      // if table: if<SEP>field1<SEP>field2 …, rows until an empty line
      const sep = text[2] as string
      const names = text.trimEnd().slice(3).split(sep).map((n) => n.trim())
      for (const n of names) if (!isHledgerField(n)) error(line, `if table: ${JSON.stringify(n)} is not an hledger field name`, 'the header names the fields each row assigns: account2, comment …')
      i++
      while (i < lines.length && !isBlank((lines[i] as Line).text)) {
        const row = lines[i] as Line
        i++
        if (isComment(row.text)) continue
        const cells = row.text.split(sep)
        if (cells.length !== names.length + 1) error(row, `if table row has ${cells.length - 1} values for ${names.length} fields`, `each row is MATCHER${sep}${names.join(sep)}`)
        const rowWhere = { file: row.file, line: row.number }
        rules.statements.push({
          kind: 'if',
          matchers: [parseMatcher((cells[0] as string).trim(), rowWhere, 1)],
          rules: names.map((field, k) => ({ kind: 'assign' as const, field, value: (cells[k + 1] as string).trim(), position: rowWhere })),
          position: rowWhere,
        })
      }
      continue
    }
    switch (word) {
      case 'skip': {
        const n = rest === '' ? 1 : Number(rest)
        if (!Number.isInteger(n) || n < 0) error(line, `skip takes a number of lines, not ${JSON.stringify(rest)}`)
        // hledger 1.25: the first skip wins (its manual says the last)
        rules.skip ??= n
        i++
        continue
      }
      case 'fields': {
        const names = rest.split(',').map((n) => n.trim())
        for (const n of names) if (/\s/.test(n)) error(line, `field names cannot contain spaces: ${JSON.stringify(n)}`)
        rules.fields = names
        fieldAssignments.length = 0
        names.forEach((n, k) => {
          if (isHledgerField(n)) fieldAssignments.push({ kind: 'assign', field: n, value: `%${k + 1}`, position: where })
        })
        i++
        continue
      }
      case 'separator': {
        const s = rest.toLowerCase() === 'tab' ? '\t' : rest.toLowerCase() === 'space' ? ' ' : rest
        if ([...s].length !== 1) error(line, `separator takes one character (or TAB, SPACE), not ${JSON.stringify(rest)}`)
        rules.separator = s
        i++
        continue
      }
      case 'date-format':
        if (rest === '') error(line, 'date-format needs a strptime pattern, like %d/%m/%Y')
        rules.dateFormat ??= rest
        i++
        continue
      case 'decimal-mark':
        if (rest !== '.' && rest !== ',') error(line, `decimal-mark takes . or , not ${JSON.stringify(rest)}`)
        rules.decimalMark = rest as '.' | ','
        i++
        continue
      case 'newest-first':
        rules.newestFirst = true
        i++
        continue
      case 'intra-day-reversed':
        rules.intraDayReversed = true
        i++
        continue
      case 'balance-type':
        if (!['=', '=*', '==', '==*'].includes(rest)) error(line, `balance-type takes =, =*, == or ==*, not ${JSON.stringify(rest)}`)
        rules.balanceType = rest as BalanceType
        i++
        continue
      case 'if': {
        const block: IfBlock = { kind: 'if', matchers: [], rules: [], position: where }
        if (rest !== '') block.matchers.push(parseMatcher(rest, where, text.indexOf(rest) + 1))
        i++
        while (i < lines.length) {
          const m = lines[i] as Line
          if (isBlank(m.text) || /^\s/.test(m.text) || isComment(m.text)) break
          block.matchers.push(parseMatcher(m.text.trim(), { file: m.file, line: m.number }, 1))
          i++
        }
        if (block.matchers.length === 0) error(line, 'if without a matcher', 'write the pattern after `if` or on the next, unindented lines')
        while (i < lines.length) {
          const r = lines[i] as Line
          if (isComment(r.text) && /^\s/.test(r.text)) {
            i++
            continue
          }
          if (!/^\s+\S/.test(r.text)) break
          const body = r.text.trim()
          const rWhere = { file: r.file, line: r.number }
          const [rw = '', ...rr] = body.split(/\s+/)
          if (rw === 'skip') {
            const n = rr.length === 0 ? 1 : Number(rr.join(' '))
            if (!Number.isInteger(n) || n < 0) error(r, `skip takes a number of records, not ${JSON.stringify(rr.join(' '))}`)
            block.rules.push({ kind: 'skip', count: n, position: rWhere })
          } else if (rw === 'end') {
            block.rules.push({ kind: 'end', position: rWhere })
          } else {
            const a = parseAssignment(body, rWhere, r.text.indexOf(body) + 1)
            if (!a) error(r, `unknown rule ${JSON.stringify(rw)} in an if block`, 'an if block can hold field assignments (account2 …, comment …), skip and end', r.text.indexOf(body) + 1)
            block.rules.push(a as Assignment)
          }
          i++
        }
        if (block.rules.length === 0) error(line, 'if block without rules', 'indent the rules under the matchers by at least one space')
        rules.statements.push(block)
        continue
      }
      default: {
        const a = parseAssignment(text.trim(), where, 1)
        if (!a) error(line, `unknown rule ${JSON.stringify(word)}`, 'rules are: skip, fields, separator, date-format, decimal-mark, newest-first, intra-day-reversed, balance-type, include, if, and field assignments (date, description, account1, amount1 …)')
        rules.statements.push(a as Assignment)
        void restWords
        i++
      }
    }
  }
  rules.statements.unshift(...fieldAssignments)
  return rules
}
