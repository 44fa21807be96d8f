/**
 * Node builders the grammar's actions call (`options.helpers`, `H` in the
 * grammar). Keeping them here keeps the grammar about syntax, and lets the
 * number and date rules live in tested TypeScript (numbers.ts, dates.ts).
 */
import type {
  Amount, Comment, Dialect, Directive, DirectiveLine, DirectiveName, Eol, TimeclockEntry,
} from '../ast.js'
import { readDate, readDateWithFormat } from '../dates.js'
import { factsFor } from '../dialect/index.js'
import type { Severity } from '../diagnostic.js'
import { readLedgerQuantity, readNumber, type NumberReading } from '../numbers.js'

/** A problem the grammar found without failing: offsets are file offsets. */
export interface RawProblem {
  severity: Severity
  code: string
  message: string
  /** What to do about it. */
  hint?: string
  start: number
  end: number
}

/** What to do, for the parser's own problem codes. */
export const PARSE_HINTS: Readonly<Record<string, string>> = {
  'parse/invalid-date': 'write a real calendar date, such as 2024-01-31',
  'parse/invalid-number': 'write the number with one decimal mark and, if any, digit groups of three: 1,234.56',
  'parse/negative-cost': 'write the cost as a positive amount; the sign belongs to the quantity',
  'parse/cost-same-commodity': 'a cost converts into another commodity; remove the cost or change its commodity',
  'syntax/missing-argument': "give the directive its argument, or start the line with ';' to make it a comment",
  'syntax/indented-top-level-line': 'indent only the postings and comments of the entry above: remove the blank line before this one, or the indentation',
  'syntax/unknown-directive': "check the spelling; to read a journal written for the other tool, use --from or 'ptabridge convert'",
  'syntax/periodic-txn-description': 'put the description on an indented comment line under the ~ line, or (hledger) two spaces after the period',
  'syntax/date-tag-invalid': "rename the tag (for example 'when:') or give it a date such as 2024-01-31",
  'syntax/byte-order-mark': 'save the file as UTF-8 without a byte-order mark',
}

interface DirectiveParts {
  name: string
  prefix: string
  keyword: string
  after: string
  rest: string
  eol: Eol
  children: DirectiveLine[]
  start: number
  restStart: number
  lineEnd: number
}

interface TimeclockParts {
  prefix: string
  code: TimeclockEntry['code']
  afterCode: string
  datetime: string
  rest: string
  eol: Eol
  start: number
  lineEnd: number
}

/** The helper object handed to the generated parser. */
export interface GrammarHelpers {
  problem(severity: Severity, code: string, message: string, start: number, end: number): void
  /** ledger: apply an option line's effect on reading (`--decimal-comma`, `--input-date-format`). */
  option(keyword: string, args: string): void
  /** ledger: whether `--input-date-format` is in force (dates may then use other separators). */
  customDateFormat(): boolean
  date(raw: string, start: number): string
  /**
   * Build an amount. `symbol` is as written (quotes included) or null; `signs`
   * are the outer and inner sign characters, if any.
   */
  amount(side: 'left' | 'right', sign: string | null, sign2: string | null, symbol: string | null, gap: string, num: string, text: string, start: number, end: number): Amount
  directive(parts: DirectiveParts): Directive
  timeclock(parts: TimeclockParts): TimeclockEntry
}

const APPLY_KINDS: Record<string, DirectiveName> = {
  account: 'apply account', tag: 'apply tag', fixed: 'apply fixed', rate: 'apply fixed', year: 'apply year',
}
const END_APPLY_KINDS: Record<string, DirectiveName> = {
  account: 'end apply account', tag: 'end apply tag', fixed: 'end apply fixed', rate: 'end apply fixed', year: 'end apply year',
}

/** The canonical name of a directive from its keyword and argument text. */
export function directiveName(keyword: string, args: string): DirectiveName {
  if (keyword === 'apply') {
    const kind = args.split(/[ \t]+/, 1)[0] ?? ''
    return APPLY_KINDS[kind] ?? 'apply'
  }
  if (keyword === 'end') {
    const words = args.trim().split(/[ \t]+/)
    if (words[0] === 'apply') return END_APPLY_KINDS[words[1] ?? ''] ?? 'end apply'
    if (words[0] === 'aliases') return 'end aliases'
    if (words[0] === 'tag') return 'end tag'
    return 'end'
  }
  return keyword as DirectiveName
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9
}

/**
 * Find where a trailing `;` comment starts in a directive's argument text,
 * or -1. `rule` is the dialect's: `'any'` takes the first `;`, `'blank'` needs a
 * blank before it, `'hard'` two spaces or a tab.
 */
export function findTrailingComment(rest: string, rule: 'any' | 'blank' | 'hard'): number {
  for (let i = rest.indexOf(';'); i >= 0; i = rest.indexOf(';', i + 1)) {
    if (i === 0 || rule === 'any') return i
    if (!isBlank(rest.charCodeAt(i - 1))) continue
    if (rule === 'blank') return i
    if (rest.charCodeAt(i - 1) === 9 || (i >= 2 && isBlank(rest.charCodeAt(i - 2)))) return i
  }
  return -1
}

function trimEndIndex(s: string, end = s.length): number {
  let i = end
  while (i > 0 && isBlank(s.charCodeAt(i - 1))) i--
  return i
}

/** Make the helpers for one parse in `dialect`, collecting problems into `problems`. */
export function makeGrammarHelpers(dialect: Dialect, problems: RawProblem[]): GrammarHelpers {
  const facts = factsFor(dialect)
  // ledger reading state, in file order (textual.cc): option lines, and the
  // commodities whose amounts have shown a decimal comma (sticky per commodity).
  let inputDateFormat: string | undefined
  let decimalCommaByDefault = false
  const decimalCommaCommodities = new Set<string>()
  const noteLedgerStyle = (text: string): void => {
    const m = /^\s*-?\s*("[^"]*"|[^\s\d.,;:?!\-+*/^&|=<>{}[\]()@"]*)\s*-?([\d.,]*\d)\s*("[^"]*"|[^\s\d.,;:?!\-+*/^&|=<>{}[\]()@"]*)/.exec(text)
    if (!m) return
    const symbol = (m[1] || m[3] || '').replace(/^"|"$/g, '')
    if (symbol && readLedgerQuantity(m[2] as string, decimalCommaByDefault || decimalCommaCommodities.has(symbol)).setsDecimalComma) {
      decimalCommaCommodities.add(symbol)
    }
  }

  const problem = (severity: Severity, code: string, message: string, start: number, end: number): void => {
    problems.push({ severity, code, message, start, end })
  }

  return {
    problem,

    option(keyword, args) {
      if (dialect !== 'ledger') return
      if (keyword === '--decimal-comma') decimalCommaByDefault = true
      else if (keyword === '--input-date-format' && args.trim()) inputDateFormat = args.trim()
    },

    customDateFormat: () => inputDateFormat !== undefined,

    date(raw, start) {
      const reading = inputDateFormat !== undefined ? readDateWithFormat(raw, inputDateFormat) : readDate(raw, dialect)
      if (reading.error) problem('error', 'parse/invalid-date', `Invalid date ${raw}: ${reading.error}`, start, start + raw.length)
      return reading.value
    },

    amount(side, sign, sign2, symbol, gap, num, text, start, end) {
      const quoted = symbol !== null && symbol.charCodeAt(0) === 34
      const commodity = symbol === null ? '' : quoted ? symbol.slice(1, -1) : symbol
      let reading: NumberReading
      if (dialect === 'ledger') {
        const ledgerReading = readLedgerQuantity(num, decimalCommaByDefault || (commodity !== '' && decimalCommaCommodities.has(commodity)))
        if (ledgerReading.setsDecimalComma && commodity) decimalCommaCommodities.add(commodity)
        reading = ledgerReading
      } else {
        reading = readNumber(num, dialect)
      }
      if (reading.error) {
        const numStart = side === 'right' && symbol !== null ? end - symbol.length - gap.length - num.length : end - num.length
        problem('error', 'parse/invalid-number', `Invalid number ${num}: ${reading.error}`, numStart, numStart + num.length)
      }
      const quantity = (sign === '-') !== (sign2 === '-') ? reading.value.negated() : reading.value
      return {
        type: 'amount', quantity, commodity, side, quoted,
        raws: { text, quantity, commodity, side, quoted, number: num, gap },
        span: { start, end },
      }
    },

    directive(p) {
      const name = p.name === 'apply' || p.name === 'end' ? directiveName(p.name, p.rest) : (p.name as DirectiveName)
      if (dialect === 'ledger') {
        if (name === 'D') noteLedgerStyle(p.rest)
        else if (name === 'commodity') {
          for (const child of p.children) if (child.type === 'subdirective' && child.keyword === 'format') noteLedgerStyle(child.args)
        }
      }
      const fact = facts.directives[name]
      let args = p.rest
      let comment: Comment | undefined
      let trailing: string
      const at = fact && fact.comment ? findTrailingComment(p.rest, fact.comment) : -1
      if (at >= 0) {
        const cut = trimEndIndex(p.rest, at)
        args = p.rest.slice(0, cut)
        const text = p.rest.slice(at + 1)
        comment = {
          type: 'comment', marker: ';', text,
          raws: { before: p.rest.slice(cut, at) },
          span: { start: p.restStart + at, end: p.restStart + p.rest.length },
        }
        trailing = ''
      } else {
        const cut = trimEndIndex(p.rest)
        args = p.rest.slice(0, cut)
        trailing = p.rest.slice(cut)
      }
      const raws: Directive['raws'] = { afterKeyword: p.after, eol: p.eol }
      if (trailing) raws.trailing = trailing
      const node: Directive = {
        type: 'directive', name, prefix: p.prefix as Directive['prefix'], keyword: p.keyword, args,
        children: p.children, raws, span: { start: p.start, end: lastEnd(p.lineEnd, p.children) },
      }
      if (comment) node.comment = comment
      return node
    },

    timeclock(p) {
      // After the date and time: [blanks ACCOUNT [hard-separator DESCRIPTION]] [; NOTE]
      const rest = p.rest
      const raws: TimeclockEntry['raws'] = { afterCode: p.afterCode, eol: p.eol }
      const node: TimeclockEntry = {
        type: 'timeclock', code: p.code, datetime: p.datetime, raws,
        span: { start: p.start, end: p.lineEnd },
      }
      if (p.prefix) node.prefix = p.prefix as '!' | '@'
      let i = 0
      while (i < rest.length && isBlank(rest.charCodeAt(i))) i++
      const commentAt = rest.indexOf(';', i)
      const body = commentAt >= 0 ? rest.slice(0, commentAt) : rest
      const bodyEnd = trimEndIndex(body)
      if (i < bodyEnd) {
        raws.beforeAccount = rest.slice(0, i)
        const sep = /(?: [ \t]|\t)/.exec(body.slice(i, bodyEnd))
        if (sep) {
          node.account = body.slice(i, i + sep.index)
          let j = i + sep.index
          const k = j
          while (j < bodyEnd && isBlank(body.charCodeAt(j))) j++
          raws.beforeDescription = body.slice(k, j)
          node.description = body.slice(j, bodyEnd)
        } else {
          node.account = body.slice(i, bodyEnd)
        }
      } else if (commentAt < 0) {
        // nothing after the time
      }
      const pending = i < bodyEnd ? body.slice(bodyEnd) : body
      if (commentAt >= 0) {
        node.comment = {
          type: 'comment', marker: ';', text: rest.slice(commentAt + 1), raws: { before: pending },
          span: { start: p.lineEnd - rest.length + commentAt, end: p.lineEnd },
        }
      } else if (pending) raws.trailing = pending
      return node
    },
  }
}

function lastEnd(lineEnd: number, children: readonly { span?: { end: number } }[]): number {
  const last = children[children.length - 1]
  return last?.span ? last.span.end : lineEnd
}
