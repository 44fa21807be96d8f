/**
 * The two query languages: hledger 1.25 query terms and ledger 3.3 query
 * expressions, read into one tree ({@link Query}) and matched against one
 * posting at a time ({@link QueryTarget}).
 *
 * Used by automated transactions (`= QUERY`: ledger reads its own language,
 * hledger its own) and by report commands (`ptabridge bal QUERY…`), which take
 * hledger terms; a bare word is an account pattern in both languages.
 *
 * What the real tools do (checked with `hledger reg` 1.25 and `ledger reg`
 * 3.3; the tests record each observation):
 *
 * - **hledger 1.25** reads each word as one term. Several `acct:` terms (bare
 *   words) are OR-ed, so are several `desc:` terms and several `status:`
 *   terms; everything else is AND-ed, also two `tag:`, `payee:`, `note:`,
 *   `code:`, `cur:`, `amt:` or `date:` terms, and every `not:` term.
 *   Regexes are POSIX extended (regex-tdfa), case-insensitive and unanchored,
 *   except `cur:`, which is `^` + text + `$`. `\d` is a literal `d` there,
 *   and `(?:`, lazy quantifiers and empty alternatives do not compile.
 * - **ledger 3.3** reads a boolean expression: `and`/`&` binds tighter than
 *   `or`/`|`, `not`/`!` applies to the next term, and adjacent terms are
 *   OR-ed at the lowest precedence (`a and b c` is `(a and b) or c`).
 *   `@`, `#`, `%` and the keywords `payee`/`desc`, `code`, `tag`/`meta`/`data`,
 *   `note` and `expr` choose the field of the next term (or parenthesised
 *   group). Regexes are Perl-style (Boost), case-insensitive, unanchored.
 *   `=NOTE` does not work in 3.3 (`=` is only read after a tag name).
 *   Inside `/…/`, `'…'` and `"…"` (and a value expression's `/…/`) a
 *   backslash is dropped and the next character kept: `/\d/` is `d`.
 */
import { Decimal } from 'decimal.js'
import { accountTypeMatches, type AccountTypeCode } from './account-types.js'
import type { Status } from '../ast.js'
import { daysInMonth } from '../dates.js'

// ---------------------------------------------------------------------------
// The tree
// ---------------------------------------------------------------------------

/** Which tool's regular-expression syntax a pattern was written in: hledger's POSIX or ledger's Perl-style. */
export type RegexFlavor = 'posix' | 'perl'

/** A regular expression as a query wrote it, with its compiled JavaScript form. */
export interface Pattern {
  /** The expression as the tool reads it (quotes and ledger's pattern escapes removed). */
  source: string
  /** The syntax `source` is written in. */
  flavor: RegexFlavor
  /** A case-insensitive JavaScript equivalent; `test()` is the match. */
  regex: RegExp
}

/**
 * Posting fields a text term matches: `account` (full name), `description`
 * (whole), `payee` and `note` (see {@link QueryTarget}), `code`, and
 * `comment` (ledger's `note`: the comment text).
 */
export type TextField = 'account' | 'description' | 'payee' | 'note' | 'code' | 'comment'

/** Comparison operators of amount terms. */
export type AmountOp = '<' | '<=' | '>' | '>=' | '='

/** Matches every posting (an empty query). */
export interface AnyQuery {
  type: 'any'
}

/** Matches no posting. */
export interface NoneQuery {
  type: 'none'
}

/** Matches when every item matches. */
export interface AndQuery {
  type: 'and'
  items: Query[]
}

/** Matches when some item matches. */
export interface OrQuery {
  type: 'or'
  items: Query[]
}

/** Matches when `item` does not. */
export interface NotQuery {
  type: 'not'
  item: Query
}

/** A regex on one text field (hledger `acct:` `desc:` `payee:` `note:` `code:`; ledger bare, `@`, `#`, `note`). */
export interface TextTerm {
  type: 'text'
  field: TextField
  pattern: Pattern
}

/** Some tag of the posting (its own or its transaction's) has a matching name, and value when given. */
export interface TagTerm {
  type: 'tag'
  name: Pattern
  value?: Pattern
}

/** Some amount of the posting has a matching commodity symbol. */
export interface CommodityTerm {
  type: 'commodity'
  /** `regex` is already anchored when `whole` is set. */
  pattern: Pattern
  /** hledger `cur:`: the regex is `^` + source + `$` (literally joined). */
  whole: boolean
}

/** Some amount of the posting compares with `quantity` (its absolute value when `absolute`). */
export interface AmountTerm {
  type: 'amount'
  op: AmountOp
  quantity: Decimal
  absolute: boolean
}

/** The posting's effective status is `status`. */
export interface StatusTerm {
  type: 'status'
  status: Status
}

/** The posting is real (`real: true`) or virtual. */
export interface RealTerm {
  type: 'real'
  real: boolean
}

/**
 * hledger `depth:N`. Reports clip accounts to this depth and match every
 * posting (pass `ignoreDepth`); in an auto rule hledger 1.25 matches only
 * postings whose account has at most N parts (observed: `= depth:1` matched
 * nothing on two-level accounts, `= depth:2` everything).
 */
export interface DepthTerm {
  type: 'depth'
  depth: number
}

/** The posting's date (or secondary date) is in `[from, to)`; a missing side is open. */
export interface DateTerm {
  type: 'date'
  field: 'date' | 'date2'
  from?: string
  to?: string
}

/** hledger `type:ALRE…`: the posting's account is of one of these types (declared or inferred; see account-types.ts). */
export interface AccountTypeTerm {
  type: 'accountType'
  codes: AccountTypeCode[]
}

/** A ledger value expression ptabridge does not evaluate; it matches nothing. */
export interface ExprTerm {
  type: 'expr'
  text: string
}

/** One leaf of a query. */
export type Term = TextTerm | TagTerm | CommodityTerm | AmountTerm | StatusTerm | RealTerm | DepthTerm | DateTerm | AccountTypeTerm | ExprTerm

/** A query: a tree of and/or/not over terms. */
export type Query = AnyQuery | NoneQuery | AndQuery | OrQuery | NotQuery | Term

/**
 * One posting, seen with its transaction: what a query can test.
 * The caller fills it in for the journal's dialect.
 */
export interface QueryTarget {
  /** The full account name, without the brackets of a virtual posting. */
  account: string
  /** The whole transaction description. */
  description: string
  /**
   * What `payee` terms match. hledger: the part of the description before `|`
   * (see {@link hledgerPayeeAndNote}); ledger (`@`): the whole description,
   * or the posting's or transaction's `Payee:` tag.
   */
  payee: string
  /** hledger `note:`: the part of the description after `|`, or all of it when there is no `|`. */
  note: string
  /** ledger `note`: the posting's comment text followed by the transaction's (ledger joins the two); default `''`. */
  comment?: string
  /** The transaction code; default `''`. */
  code?: string
  /** The posting's date (its own, else the transaction's), `YYYY-MM-DD`. */
  date: string
  /** The secondary date, `YYYY-MM-DD`; `date2:` terms use `date` without it. */
  date2?: string
  /** The effective status: the posting's own mark, else the transaction's (both tools do this). */
  status: Status
  /** The posting's amounts; none (an amount still to be inferred) reads as a single zero with no commodity, as hledger does. */
  amounts: ReadonlyArray<{ quantity: Decimal; commodity: string }>
  /** False for `(virtual)` and `[balanced virtual]` postings. */
  real: boolean
  /**
   * The posting's own tags followed by its transaction's (postings inherit
   * them in both tools), names as written. A list, not a map: names may
   * repeat, and a term matches when any one pair matches. Matching is
   * case-insensitive, so names need no folding. Default none.
   */
  tags?: ReadonlyArray<{ name: string; value: string }>
  /** The account's hledger type, for `type:` terms (none: they match nothing). */
  accountType?: AccountTypeCode
}

/** Options for {@link matchesPosting}. */
export interface MatchOptions {
  /** Treat `depth:` terms as matching every posting, as reports do. */
  ignoreDepth?: boolean
}

/** The result of {@link parseHledgerQuery}. */
export interface HledgerQueryResult {
  query: Query
  /** Problems hledger 1.25 would refuse the query for (or silently misread); empty when fine. */
  errors: string[]
}

/** The result of {@link parseLedgerQuery}. */
export interface LedgerQueryResult {
  query: Query
  /** Problems ledger 3.3 would refuse the query for, or read in a surprising way. */
  errors: string[]
  /** Parts ledger accepts that ptabridge does not evaluate (value expressions, `show`, `for` …). */
  unsupported: string[]
}

/** The result of the translators: `text` is absent when no translation exists; `lossy` says what is lost or approximated. */
export interface Translation {
  text?: string
  lossy: string[]
}

/** hledger's split of a description into payee and note at the first `|` (both trimmed); without `|` both are the whole description. */
export function hledgerPayeeAndNote(description: string): { payee: string; note: string } {
  const bar = description.indexOf('|')
  if (bar < 0) return { payee: description, note: description }
  return { payee: description.slice(0, bar).trim(), note: description.slice(bar + 1).trim() }
}

// ---------------------------------------------------------------------------
// Regular expressions
// ---------------------------------------------------------------------------

const POSIX_CLASSES: Record<string, string> = {
  alpha: 'a-zA-Z', digit: '0-9', alnum: 'a-zA-Z0-9', upper: 'A-Z', lower: 'a-z', space: ' \\t\\n\\r\\f\\v',
  blank: ' \\t', punct: '!-\\/:-@\\[-`{-~', xdigit: '0-9A-Fa-f', cntrl: '\\x00-\\x1f\\x7f', print: ' -~',
  graph: '!-~', word: '\\w',
}

/** `table[key]` for the table's own keys only (`constructor` is not a POSIX class). */
function lookup<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined
}

function escapeJs(c: string): string {
  return /[\\^$.*+?()[\]{}|]/.test(c) ? `\\${c}` : c
}

/**
 * `/src/` as a regex literal of a ledger value expression. ledger 3.3 drops
 * a backslash there and keeps the next character (observed: `/\\d/` matched
 * accounts with a d), so `\\` and `/` are escaped.
 */
function exprRegexLiteral(src: string): string {
  return `/${src.replace(/[\\/]/g, (c) => `\\${c}`)}/`
}

function escapeClassChar(c: string): string {
  return c === '\\' || c === ']' || c === '[' || c === '^' ? `\\${c}` : c
}

/** Reads a POSIX bracket expression starting at `start` (`[`); returns its JavaScript form and the index after `]`. */
function readPosixBracket(src: string, start: number): { js: string; end: number } | undefined {
  let i = start + 1
  let negate = false
  if (src[i] === '^') {
    negate = true
    i++
  }
  const parts: string[] = []
  let first = true
  while (i < src.length) {
    const c = src[i] as string
    if (c === ']' && !first) {
      const body = parts.join('')
      const js = body === '' ? (negate ? '[^]' : '[]') : `[${negate ? '^' : ''}${body}]`
      return { js, end: i + 1 }
    }
    first = false
    const kind = src[i + 1]
    if (c === '[' && (kind === ':' || kind === '.' || kind === '=')) {
      const close = src.indexOf(`${kind}]`, i + 2)
      if (close < 0) return undefined
      const name = src.slice(i + 2, close)
      // An unknown class adds nothing (hledger: `[[:foo:]]` matches nothing, no error).
      parts.push(kind === ':' ? (lookup(POSIX_CLASSES, name) ?? '') : [...name].map(escapeClassChar).join(''))
      i = close + 2
      continue
    }
    parts.push(escapeClassChar(c))
    i++
  }
  return undefined
}

type RegexState = 'start' | 'bar' | 'atom' | 'quantified' | 'anchor'

/**
 * Translates a POSIX extended regex, as hledger 1.25 (regex-tdfa) reads it,
 * into JavaScript syntax; returns an error message for what hledger cannot
 * compile. Backslash makes any character literal (`\d` is `d`).
 */
function posixToJs(src: string): string | { error: string } {
  const fail = { error: `this regular expression could not be compiled: ${src}` }
  const out: string[] = []
  let state: RegexState = 'start'
  let depth = 0
  const quantify = (text: string): boolean => {
    if (state === 'start' || state === 'bar' || state === 'quantified') return false
    if (state === 'anchor') out.push(`(?:${out.pop() ?? ''})`)
    out.push(text)
    state = 'quantified'
    return true
  }
  for (let i = 0; i < src.length; i++) {
    const c = src[i] as string
    if (c === '\\') {
      const next = src[i + 1]
      if (next === undefined) return fail
      out.push(escapeJs(next))
      i++
      state = 'atom'
    } else if (c === '[') {
      const bracket = readPosixBracket(src, i)
      if (!bracket) return fail
      out.push(bracket.js)
      i = bracket.end - 1
      state = 'atom'
    } else if (c === '(') {
      out.push('(')
      depth++
      state = 'start'
    } else if (c === ')') {
      if (depth === 0 || state === 'bar') return fail
      out.push(')')
      depth--
      state = 'atom'
    } else if (c === '|') {
      if (state === 'start' || state === 'bar') return fail
      out.push('|')
      state = 'bar'
    } else if (c === '*' || c === '+' || c === '?') {
      if (!quantify(c)) return fail
    } else if (c === '{') {
      const interval = /^\{(\d+)(?:,(\d*))?\}/.exec(src.slice(i))
      if (!interval) {
        if (/^\{\d/.test(src.slice(i))) return fail
        out.push('\\{')
        state = 'atom'
        continue
      }
      const [text, low, high] = interval as unknown as [string, string, string | undefined]
      if (high !== undefined && high !== '' && Number(high) < Number(low)) return fail
      if (!quantify(text)) return fail
      i += text.length - 1
    } else if (c === '^' || c === '$') {
      out.push(c)
      state = 'anchor'
    } else {
      out.push(c === '.' ? '.' : escapeJs(c))
      state = 'atom'
    }
  }
  if (src === '' || depth !== 0 || state === 'bar') return fail
  return out.join('')
}

/** Compiles a regex the way hledger 1.25 reads it (case-insensitive). */
function hledgerPattern(source: string, anchored = false): Pattern | { error: string } {
  const js = posixToJs(anchored ? `^${source}$` : source)
  if (typeof js !== 'string') return { error: `this regular expression could not be compiled: ${source}` }
  try {
    return { source, flavor: 'posix', regex: new RegExp(js, 'i') }
  } catch {
    return { error: `this regular expression could not be compiled: ${source}` }
  }
}

/** Compiles a regex the way ledger 3.3 reads it (Perl-style, case-insensitive); POSIX classes inside brackets are understood too. */
function ledgerPattern(source: string): Pattern | { error: string } {
  const js = source.replace(/\[:([a-z]+):\]/g, (whole, name: string) => lookup(POSIX_CLASSES, name) ?? whole)
  try {
    return { source, flavor: 'perl', regex: new RegExp(js, 'i') }
  } catch (e) {
    return { error: `invalid regular expression /${source}/: ${(e as Error).message.replace(/^Invalid regular expression: /, '')}` }
  }
}

function isPattern(p: Pattern | { error: string }): p is Pattern {
  return 'regex' in p
}

const PERL_ESCAPES: Record<string, string> = {
  d: '[0-9]', D: '[^0-9]', w: '[[:alnum:]_]', W: '[^[:alnum:]_]', s: '[[:space:]]', S: '[^[:space:]]', t: '\t', n: '\n',
}
const PERL_CLASS_ESCAPES: Record<string, string> = { d: '0-9', w: '[:alnum:]_', s: '[:space:]' }

/** Rewrites a Perl-style bracket expression starting at `start` for POSIX; undefined when it cannot be. */
function perlBracketToPosix(src: string, start: number): { text: string; end: number } | undefined {
  let i = start + 1
  let out = '['
  if (src[i] === '^') {
    out += '^'
    i++
  }
  let first = true
  while (i < src.length) {
    const c = src[i] as string
    if (c === ']' && !first) return { text: `${out}]`, end: i + 1 }
    first = false
    if (c === '\\') {
      const next = src[i + 1] ?? ''
      const mapped = lookup(PERL_CLASS_ESCAPES, next)
      if (mapped !== undefined) out += mapped
      else if (/^[^A-Za-z0-9\]^-]$/.test(next)) out += next
      else return undefined
      i += 2
      continue
    }
    out += c
    i++
  }
  return undefined
}

/**
 * Rewrites a ledger (Perl-style) regex in hledger 1.25's POSIX syntax, for
 * the translator: `\d` `\w` `\s` become classes, `(?:` a plain group, lazy
 * quantifiers greedy ones (the same postings match). Returns a reason when
 * the regex uses something POSIX cannot say.
 */
function perlToPosix(src: string): string | { reason: string } {
  const cannot = (what: string) => ({ reason: `the regex /${src}/ uses ${what}, which hledger 1.25 cannot read` })
  let out = ''
  for (let i = 0; i < src.length; i++) {
    const c = src[i] as string
    if (c === '\\') {
      const next = src[i + 1]
      if (next === undefined) return cannot('a trailing backslash')
      const mapped = lookup(PERL_ESCAPES, next)
      if (mapped !== undefined) out += mapped
      else if (/[A-Za-z0-9]/.test(next)) return cannot(`\\${next}`)
      else out += `\\${next}`
      i++
    } else if (c === '[') {
      const bracket = perlBracketToPosix(src, i)
      if (!bracket) return cannot('a bracket expression with escapes')
      out += bracket.text
      i = bracket.end - 1
    } else if (c === '(' && src[i + 1] === '?') {
      if (src[i + 2] !== ':') return cannot(`(?${src[i + 2] ?? ''}`)
      out += '('
      i += 2
    } else if ((c === '?' || c === '+') && /[*+?}]$/.test(out) && !out.endsWith('\\' + (out.at(-1) ?? ''))) {
      if (c === '+') return cannot('a possessive quantifier')
      // lazy quantifier: whether a posting matches does not change
    } else {
      out += c
    }
  }
  const check = posixToJs(out)
  if (typeof check !== 'string') return { reason: `the regex /${src}/ cannot be written for hledger 1.25 (it would read /${out}/ as invalid)` }
  return out
}

/** The regex as Perl/JavaScript syntax, for ledger output. */
function perlSource(p: Pattern): string {
  if (p.flavor === 'perl') return p.source
  const js = posixToJs(p.source)
  return typeof js === 'string' ? js : p.source
}

/** The regex as POSIX syntax, for hledger output. */
function posixSource(p: Pattern): string | { reason: string } {
  return p.flavor === 'posix' ? p.source : perlToPosix(p.source)
}

// ---------------------------------------------------------------------------
// Tree helpers
// ---------------------------------------------------------------------------

const ANY: AnyQuery = { type: 'any' }
const NONE: NoneQuery = { type: 'none' }

function and(items: Query[]): Query {
  const flat = items.flatMap((q) => (q.type === 'and' ? q.items : q.type === 'any' ? [] : [q]))
  if (flat.length === 0) return ANY
  return flat.length === 1 ? (flat[0] as Query) : { type: 'and', items: flat }
}

function or(items: Query[]): Query {
  const flat = items.flatMap((q) => (q.type === 'or' ? q.items : [q]))
  if (flat.length === 0) return ANY
  return flat.length === 1 ? (flat[0] as Query) : { type: 'or', items: flat }
}

function isCompound(q: Query): q is AndQuery | OrQuery | NotQuery {
  return q.type === 'and' || q.type === 'or' || q.type === 'not'
}

function isoDate(year: number, month: number, day: number): string | undefined {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(month, year)) return undefined
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  const t = new Date(Date.UTC(y, m - 1, d + days))
  return t.toISOString().slice(0, 10)
}

function dateTerm(field: 'date' | 'date2', from: string | undefined, to: string | undefined): DateTerm {
  const term: DateTerm = { type: 'date', field }
  if (from !== undefined) term.from = from
  if (to !== undefined) term.to = to
  return term
}

// ---------------------------------------------------------------------------
// hledger 1.25
// ---------------------------------------------------------------------------

const HLEDGER_PREFIXES = ['inacctonly:', 'inacct:', 'amt:', 'code:', 'desc:', 'payee:', 'note:', 'acct:', 'date:', 'date2:', 'status:', 'cur:', 'real:', 'empty:', 'depth:', 'tag:', 'type:']

/**
 * Splits one line of hledger query text into terms as hledger 1.25's
 * `words''` does: spaces separate terms; `'…'` or `"…"` quote a whole term or
 * the part after a prefix (`acct:'a b'`, `not:desc:"x y"`, `not:'a b'`);
 * an unclosed quote is an ordinary character.
 */
export function splitHledgerQuery(text: string): { words: string[]; errors: string[] } {
  const words: string[] = []
  const errors: string[] = []
  let i = 0
  while (i < text.length) {
    while (text[i] === ' ' || text[i] === '\t') i++
    if (i >= text.length) break
    const quoted = readQuotedTerm(text, i)
    if (quoted) {
      words.push(quoted.word)
      i = quoted.end
      if (i < text.length && text[i] !== ' ' && text[i] !== '\t') {
        errors.push(`unexpected text after a closing quote: ${text.slice(i).split(/[ \t]/)[0] ?? ''}`)
        while (i < text.length && text[i] !== ' ' && text[i] !== '\t') i++
      }
      continue
    }
    const start = i
    while (i < text.length && !/[ \n\r]/.test(text[i] as string)) i++ // a tab does not end a word in words''
    words.push(text.slice(start, i))
  }
  return { words, errors }
}

function readQuotedTerm(text: string, at: number): { word: string; end: number } | undefined {
  let prefix = ''
  let i = at
  if (text.startsWith('not:', i)) {
    prefix = 'not:'
    i += 4
  }
  const named = HLEDGER_PREFIXES.find((p) => text.startsWith(p, i))
  if (named) {
    prefix += named
    i += named.length
  } else if (prefix === '') {
    i = at
  }
  const quote = text[i]
  if (quote !== "'" && quote !== '"') return undefined
  const close = text.indexOf(quote, i + 1)
  if (close < 0) return undefined
  return { word: prefix + text.slice(i + 1, close), end: close + 1 }
}

/**
 * Reads hledger 1.25 query terms: an array is one term per element (as on a
 * command line; quotes are literal), a string is split as an `= QUERY` line is
 * (see {@link splitHledgerQuery}). Terms combine as hledger 1.25 combines
 * them: `acct:` terms OR-ed, `desc:` terms OR-ed, `status:` terms OR-ed,
 * those groups and all other terms AND-ed.
 */
export function parseHledgerQuery(args: readonly string[] | string): HledgerQueryResult {
  const errors: string[] = []
  let words: readonly string[]
  if (typeof args === 'string') {
    const split = splitHledgerQuery(args)
    words = split.words
    errors.push(...split.errors)
  } else {
    words = args
  }
  const terms = words.map((w) => parseHledgerTerm(w, errors))
  return { query: combineHledgerTerms(terms), errors }
}

/** Combines parsed terms as hledger 1.25's `parseQueryList` does. */
function combineHledgerTerms(terms: Query[]): Query {
  const acct: Query[] = []
  const desc: Query[] = []
  const status: Query[] = []
  const other: Query[] = []
  for (const t of terms) {
    if (t.type === 'text' && t.field === 'account') acct.push(t)
    else if (t.type === 'text' && t.field === 'description') desc.push(t)
    else if (t.type === 'status') status.push(t)
    else other.push(t)
  }
  const groups = [acct, desc, status].filter((g) => g.length > 0).map(or)
  return and([...groups, ...other])
}

/** Reads one hledger 1.25 query term; problems go to `errors`. */
function parseHledgerTerm(word: string, errors: string[]): Query {
  if (word === '') return ANY
  const colon = word.indexOf(':')
  const prefix = colon < 0 ? '' : word.slice(0, colon + 1)
  const arg = word.slice(colon + 1)
  switch (prefix) {
    case 'not:': {
      const inner = parseHledgerTerm(arg, errors)
      return inner.type === 'any' ? NONE : { type: 'not', item: inner }
    }
    case 'inacct:':
    case 'inacctonly:':
      return ANY // a report option (register focus), not a filter
    case 'acct:': return hledgerTextTerm('account', arg, errors)
    case 'desc:': return hledgerTextTerm('description', arg, errors)
    case 'payee:': return hledgerTextTerm('payee', arg, errors)
    case 'note:': return hledgerTextTerm('note', arg, errors)
    case 'code:': return hledgerTextTerm('code', arg, errors)
    case 'tag:': return hledgerTagTerm(arg, errors)
    case 'cur:': return hledgerCommodityTerm(arg, errors)
    case 'amt:': return hledgerAmountTerm(arg, errors)
    case 'status:': return hledgerStatusTerm(arg, errors)
    case 'real:': return { type: 'real', real: arg === '' || arg === '1' }
    case 'depth:': return hledgerDepthTerm(arg, errors)
    case 'date:':
    case 'date2:': return hledgerDateTerm(prefix === 'date:' ? 'date' : 'date2', arg, errors)
    case 'type:': {
      const codes = [...arg.toUpperCase()].filter((c): c is AccountTypeCode => 'ALERXCV'.includes(c))
      if (codes.length !== arg.length || codes.length === 0) {
        errors.push(`type: takes account type letters (A, L, E, R, X, C, V), not '${arg}'`)
        return NONE
      }
      return { type: 'accountType', codes }
    }
    default: return hledgerTextTerm('account', word, errors)
  }
}

function hledgerTextTerm(field: TextField, source: string, errors: string[]): Query {
  const pattern = hledgerPattern(source)
  if (!isPattern(pattern)) {
    errors.push(pattern.error)
    return NONE
  }
  return { type: 'text', field, pattern }
}

function hledgerTagTerm(arg: string, errors: string[]): Query {
  const eq = arg.indexOf('=')
  const name = hledgerPattern(eq < 0 ? arg : arg.slice(0, eq))
  const value = eq < 0 ? undefined : hledgerPattern(arg.slice(eq + 1))
  if (!isPattern(name)) errors.push(name.error)
  if (value && !isPattern(value)) errors.push(value.error)
  if (!isPattern(name) || (value && !isPattern(value))) return NONE
  return value ? { type: 'tag', name, value } : { type: 'tag', name }
}

function hledgerCommodityTerm(arg: string, errors: string[]): Query {
  const pattern = hledgerPattern(arg, true)
  if (!isPattern(pattern)) {
    errors.push(pattern.error)
    return NONE
  }
  return { type: 'commodity', pattern, whole: true }
}

/**
 * `amt:` as hledger 1.25 reads it: an operator (`<` `<=` `>` `>=` `=`, none
 * meaning `=`) and a number. A signed number (`+5`, `-5`) or zero compares
 * the signed quantity; an unsigned non-zero number compares the absolute
 * value (observed: `amt:5` matched 5 EUR and -5 EUR, `amt:+5` only 5 EUR,
 * `amt:<0` the negative postings).
 */
function hledgerAmountTerm(arg: string, errors: string[]): Query {
  const m = /^(<=|>=|<|>|=)?(.*)$/s.exec(arg.trim()) as RegExpExecArray
  const op = (m[1] ?? '=') as AmountOp
  const number = (m[2] ?? '').replace(/ /g, '')
  const n = /^([+-]?)(\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)$/.exec(number)
  if (!n) {
    errors.push(`could not parse as a comparison operator followed by an optionally-signed number: ${arg}`)
    return NONE
  }
  const magnitude = new Decimal(n[2] as string)
  const quantity = n[1] === '-' ? magnitude.neg() : magnitude
  return { type: 'amount', op, quantity, absolute: n[1] === '' && !magnitude.isZero() }
}

function hledgerStatusTerm(arg: string, errors: string[]): Query {
  if (arg === '*' || arg === '1') return { type: 'status', status: '*' }
  if (arg === '!') return { type: 'status', status: '!' }
  if (arg === '' || arg === '0') return { type: 'status', status: '' }
  errors.push(`"status:${arg}" gave a parse error: could not parse "${arg}" as a status (should be *, ! or empty)`)
  return NONE
}

function hledgerDepthTerm(arg: string, errors: string[]): Query {
  if (/^\d+$/.test(arg)) return { type: 'depth', depth: Number(arg) }
  if (/^-\d+$/.test(arg)) {
    errors.push('depth: should have a positive number')
    return NONE
  }
  errors.push(`depth:${arg} is not a number (hledger 1.25 silently reads it as depth:0)`)
  return { type: 'depth', depth: 0 }
}

function hledgerDateTerm(field: 'date' | 'date2', arg: string, errors: string[]): Query {
  const span = parseHledgerPeriod(arg)
  if ('error' in span) {
    errors.push(`"${field}:${arg}" gave a date parse error (${span.error})`)
    return NONE
  }
  return dateTerm(field, span.from, span.to)
}

const SIMPLE_DATE = String.raw`\d{4}(?:[qQ][1-4]|\d{4}|[-/.]\d{1,2}(?:[-/.]\d{1,2})?)?`

/**
 * The span `[start, end)` one simple date names: `2024`, `2024-01`, `2024/1/5`,
 * `2024.01.05`, `20240105`, `2024q1`.
 */
function simpleDateSpan(text: string): { from: string; to: string } | undefined {
  let m = /^(\d{4})$/.exec(text)
  if (m) return { from: `${m[1]}-01-01`, to: `${Number(m[1]) + 1}-01-01` }
  m = /^(\d{4})[qQ]([1-4])$/.exec(text)
  if (m) {
    const year = Number(m[1])
    const q = Number(m[2])
    return { from: isoDate(year, q * 3 - 2, 1) as string, to: q === 4 ? `${year + 1}-01-01` : (isoDate(year, q * 3 + 1, 1) as string) }
  }
  m = /^(\d{4})[-/.](\d{1,2})$/.exec(text)
  if (m) {
    const [year, month] = [Number(m[1]), Number(m[2])]
    const from = isoDate(year, month, 1)
    return from ? { from, to: month === 12 ? `${year + 1}-01-01` : (isoDate(year, month + 1, 1) as string) } : undefined
  }
  m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(text)
  if (m) {
    const from = isoDate(Number(m[1]), Number(m[2]), Number(m[3]))
    return from ? { from, to: addDays(from, 1) } : undefined
  }
  return undefined
}

/**
 * Reads the period of a `date:` term: a simple date (its whole span), or a
 * range `A-B`, `A..B`, `A to B`, `from A to B`, `in A`, with either side
 * open (`2024-02-`, `-2024-03`, `..2024-02`, `from A`, `until B`). Ends are
 * exclusive: a range ends where B begins (observed: `date:2024-01..2024-03`
 * excluded March). Relative dates (`today`, `jan`, `last month`) are not read.
 */
export function parseHledgerPeriod(text: string): { from?: string; to?: string } | { error: string } {
  const t = text.trim().toLowerCase()
  const single = simpleDateSpan(t.replace(/^in\s+/, ''))
  if (single) return single
  const m = PERIOD_RANGE.exec(t) ?? PERIOD_FROM.exec(t)
  if (!m || (m[1] === undefined && m[2] === undefined)) return { error: unreadablePeriod(text) }
  const start = m[1] === undefined ? undefined : simpleDateSpan(m[1])
  const end = m[2] === undefined ? undefined : simpleDateSpan(m[2])
  if ((m[1] !== undefined && !start) || (m[2] !== undefined && !end)) return { error: `invalid date in ${JSON.stringify(text)}` }
  const span: { from?: string; to?: string } = {}
  if (start) span.from = start.from
  if (end) span.to = end.from
  return span
}

const PERIOD_RANGE = new RegExp(`^(?:from\\s+)?(${SIMPLE_DATE})?\\s*(?:\\.\\.|-|to|until)\\s*(${SIMPLE_DATE})?$`)
const PERIOD_FROM = new RegExp(`^from\\s+(${SIMPLE_DATE})()?$`)

function unreadablePeriod(text: string): string {
  return `ptabridge reads numeric dates and ranges only (2024, 2024-01, 2024-01-05, A-B, A..B, from A to B), not ${JSON.stringify(text)}`
}

// ---------------------------------------------------------------------------
// ledger 3.3: lexer
// ---------------------------------------------------------------------------

type LedgerKeyword = 'and' | 'or' | 'not' | 'payee' | 'code' | 'note' | 'meta' | 'expr' | 'show' | 'only' | 'bold' | 'for' | 'since' | 'until'
type LedgerTokenKind = LedgerKeyword | 'term' | 'lparen' | 'rparen' | 'eq' | 'end'
/** The field a term is read for (ledger's `tok_context`). */
type LedgerContext = 'account' | 'payee' | 'code' | 'note' | 'meta' | 'expr'

interface LedgerToken {
  kind: LedgerTokenKind
  value?: string
  /** The character or word, for messages. */
  symbol: string
}

const LEDGER_KEYWORDS: Record<string, LedgerKeyword> = {
  and: 'and', or: 'or', not: 'not', code: 'code', desc: 'payee', payee: 'payee', note: 'note',
  tag: 'meta', meta: 'meta', data: 'meta', show: 'show', only: 'only', bold: 'bold', for: 'for',
  since: 'since', until: 'until', expr: 'expr',
}
const LEDGER_SINGLE: Record<string, LedgerTokenKind> = {
  '(': 'lparen', ')': 'rparen', '&': 'and', '|': 'or', '!': 'not', '@': 'payee', '#': 'code', '%': 'meta', '=': 'eq',
}
const LEDGER_SPECIAL = new Set(['(', ')', '&', '|', '!', '@', '#', '%', '='])

/** Thrown inside the ledger parser; becomes an error entry. */
class LedgerQueryError extends Error {}

/**
 * ledger 3.3's query lexer (`query_t::lexer_t`). With one string (an
 * `= QUERY` line) whitespace separates terms; with several arguments (a
 * command line) each argument is read on its own and may contain spaces.
 */
class LedgerLexer {
  private arg = 0
  private pos = 0
  private cache: LedgerToken | undefined
  /** Set by `expr`: the next argument is read whole (3.3 never clears it on a one-line query). */
  consumeNextArg = false
  private consumeWhitespace = false
  /** Where the term read for the last `expr` ended, on a one-line query. */
  exprEnd: number | undefined

  constructor(private readonly args: readonly string[], private readonly multipleArgs: boolean) {}

  push(tok: LedgerToken): void {
    this.cache = tok
  }

  peek(context: LedgerContext): LedgerToken {
    const tok = this.next(context)
    this.push(tok)
    return tok
  }

  /** The text not yet read from the current argument. */
  rest(): string {
    return (this.args[this.arg] ?? '').slice(this.pos)
  }

  next(context: LedgerContext): LedgerToken {
    if (this.cache) {
      const tok = this.cache
      this.cache = undefined
      return tok
    }
    for (;;) {
      const text = this.args[this.arg]
      if (text === undefined) return { kind: 'end', symbol: '<end>' }
      while (this.pos < text.length && /[ \t\r\n]/.test(text[this.pos] as string)) this.pos++
      if (this.pos < text.length) return this.readToken(text, context)
      this.arg++
      this.pos = 0
    }
  }

  private readToken(text: string, context: LedgerContext): LedgerToken {
    const c = text[this.pos] as string
    if (c === "'" || c === '"' || c === '/') return this.readDelimited(text, c)
    if (this.multipleArgs && this.consumeNextArg) {
      this.consumeNextArg = false
      const value = text.slice(this.pos)
      this.pos = text.length
      return { kind: 'term', value, symbol: value }
    }
    const single = lookup(LEDGER_SINGLE, c)
    if (single) {
      this.pos++
      if (c === '(' && context === 'expr') this.consumeWhitespace = true
      if (c === ')' && context === 'expr') this.consumeWhitespace = false
      return { kind: single, symbol: c }
    }
    return this.readIdent(text, context)
  }

  /** `'…'`, `"…"`, `/…/`: a backslash makes the next character literal and is dropped (observed: `/\d/` matched accounts with a `d`). */
  private readDelimited(text: string, close: string): LedgerToken {
    let value = ''
    let i = this.pos + 1
    for (; i < text.length; i++) {
      let ch = text[i] as string
      if (ch === '\\') {
        i++
        if (i >= text.length) throw new LedgerQueryError("Unexpected '\\' at end of pattern")
        ch = text[i] as string
      } else if (ch === close) {
        break
      }
      value += ch
    }
    if (i >= text.length) throw new LedgerQueryError(`Expected '${close}' at end of pattern`)
    if (value === '') throw new LedgerQueryError('Match pattern is empty')
    const start = this.pos
    this.pos = i + 1
    return { kind: 'term', value, symbol: text.slice(start, this.pos) }
  }

  private readIdent(text: string, context: LedgerContext): LedgerToken {
    let consumeNext = false
    if (text[this.pos] === '\\') {
      consumeNext = true
      this.pos++
    }
    let ident = ''
    let stopped = false
    for (; this.pos < text.length; this.pos++) {
      const ch = text[this.pos] as string
      if (/[ \t\r\n]/.test(ch) && !this.multipleArgs && !this.consumeWhitespace && !this.consumeNextArg) {
        stopped = true
        break
      }
      // 3.3: `)` ends a value expression (observed: `expr abs(amount) > 5` → "abs(amount");
      // the other specials end any other term.
      if (ch === ')' && !consumeNext && context === 'expr') {
        stopped = true
        break
      }
      if (LEDGER_SPECIAL.has(ch) && !consumeNext && context !== 'expr') {
        stopped = true
        break
      }
      ident += ch
    }
    if (!stopped) this.consumeWhitespace = false
    const keyword = lookup(LEDGER_KEYWORDS, ident) // even after a backslash (observed: `food \\and drinks` is an and)
    if (keyword === 'expr') this.consumeNextArg = true
    if (keyword) return { kind: keyword, symbol: ident }
    return { kind: 'term', value: ident, symbol: ident }
  }
}

// ---------------------------------------------------------------------------
// ledger 3.3: parser
// ---------------------------------------------------------------------------

const CONTEXT_OF: Partial<Record<LedgerTokenKind, LedgerContext>> = { payee: 'payee', code: 'code', note: 'note', meta: 'meta', expr: 'expr' }
const SYMBOL_OF: Partial<Record<LedgerTokenKind, string>> = { payee: 'payee', code: 'code', note: 'note', meta: 'meta', expr: 'expr', not: 'not', and: 'and', or: 'or' }
const REPORT_KEYWORDS = new Set<LedgerTokenKind>(['show', 'only', 'bold', 'for', 'since', 'until'])

/** ledger 3.3's recursive-descent query parser (`query_t::parser_t`). */
class LedgerParser {
  readonly errors: string[] = []
  readonly unsupported: string[] = []

  constructor(private readonly lexer: LedgerLexer, private readonly oneLine: boolean) {}

  parse(): Query {
    const query = this.parseQueryExpr('account', false)
    const rest = this.lexer.next('account')
    if (rest.kind !== 'end') this.errors.push(`unexpected '${rest.symbol}': ledger 3.3 ignores it and the rest of the query`)
    return query ?? ANY
  }

  /** Adjacent terms are OR-ed; at the top level, `show`/`only`/`bold`/`for`/`since`/`until` end the predicate. */
  private parseQueryExpr(context: LedgerContext, sub: boolean): Query | undefined {
    let limiter: Query | undefined
    for (let next = this.parseOr(context); next; next = this.parseOr(context)) limiter = limiter ? or([limiter, next]) : next
    if (!sub) this.readReportKeywords(context)
    return limiter
  }

  private readReportKeywords(context: LedgerContext): void {
    const tok = this.lexer.peek(context)
    if (!REPORT_KEYWORDS.has(tok.kind)) return
    const words: string[] = []
    for (let t = this.lexer.next(context); t.kind !== 'end'; t = this.lexer.next(context)) words.push(t.symbol)
    this.unsupported.push(`${words.join(' ')} (a report keyword, not a posting predicate)`)
  }

  private parseOr(context: LedgerContext): Query | undefined {
    let node = this.parseAnd(context)
    if (!node) return undefined
    for (;;) {
      const tok = this.lexer.next(context)
      if (tok.kind !== 'or') {
        this.lexer.push(tok)
        return node
      }
      const right = this.parseAnd(context)
      if (!right) throw new LedgerQueryError('or operator not followed by argument')
      node = or([node, right])
    }
  }

  private parseAnd(context: LedgerContext): Query | undefined {
    let node = this.parseUnary(context)
    if (!node) return undefined
    for (;;) {
      const tok = this.lexer.next(context)
      if (tok.kind !== 'and') {
        this.lexer.push(tok)
        return node
      }
      const right = this.parseUnary(context)
      if (!right) throw new LedgerQueryError('and operator not followed by argument')
      node = and([node, right])
    }
  }

  private parseUnary(context: LedgerContext): Query | undefined {
    const tok = this.lexer.next(context)
    if (tok.kind !== 'not') {
      this.lexer.push(tok)
      return this.parseTerm(context)
    }
    const term = this.parseTerm(context)
    if (!term) throw new LedgerQueryError('not operator not followed by argument')
    return { type: 'not', item: term }
  }

  private parseTerm(context: LedgerContext): Query | undefined {
    const tok = this.lexer.next(context)
    const field = CONTEXT_OF[tok.kind]
    if (field) {
      const node = this.parseTerm(field)
      if (!node) throw new LedgerQueryError(`${SYMBOL_OF[tok.kind] ?? tok.symbol} operator not followed by argument`)
      return node
    }
    if (tok.kind === 'term') return this.termFor(context, tok.value ?? '')
    if (tok.kind === 'lparen') {
      const node = this.parseQueryExpr(context, true)
      const close = this.lexer.next(context)
      if (close.kind !== 'rparen') throw new LedgerQueryError("Missing ')'")
      return node ?? ANY
    }
    if (tok.kind === 'eq' && context === 'account') {
      this.errors.push("ledger 3.3 does not read '=NOTE' (observed: the query then matches everything, and an '= QUERY' line fails with \"Expected predicate after '='\"); write 'note REGEX'")
      const node = this.parseTerm('note')
      if (node) return node
    }
    this.lexer.push(tok)
    return undefined
  }

  private termFor(context: LedgerContext, value: string): Query {
    switch (context) {
      case 'expr': return this.exprTerm(value)
      case 'meta': return this.tagTerm(value)
      case 'payee': return this.textTerm('payee', value)
      case 'code': return this.textTerm('code', value)
      case 'note': return this.textTerm('comment', value)
      default: return this.textTerm('account', value)
    }
  }

  private textTerm(field: TextField, source: string): Query {
    const pattern = ledgerPattern(source)
    if (!isPattern(pattern)) throw new LedgerQueryError(pattern.error)
    return { type: 'text', field, pattern }
  }

  private tagTerm(nameSource: string): Query {
    const name = ledgerPattern(nameSource)
    if (!isPattern(name)) throw new LedgerQueryError(name.error)
    if (this.lexer.peek('meta').kind !== 'eq') return { type: 'tag', name }
    this.lexer.next('meta')
    const tok = this.lexer.next('meta')
    if (tok.kind !== 'term') throw new LedgerQueryError('Metadata equality operator not followed by term')
    const value = ledgerPattern(tok.value ?? '')
    if (!isPattern(value)) throw new LedgerQueryError(value.error)
    return { type: 'tag', name, value }
  }

  private exprTerm(text: string): Query {
    const rest = this.lexer.rest()
    if (rest.startsWith(')') && text.split('(').length > text.split(')').length) {
      this.errors.push(`ledger 3.3 ends an unquoted expr at its first ')' (observed: '= expr abs(amount) > 5' fails, reading 'abs(amount'); quote it: expr '${text}${rest}'`)
    } else if (this.oneLine && /[^\s)]/.test(rest)) {
      this.errors.push(`ledger 3.3 misreads what follows 'expr ${text}' on a one-line query (it joins the words after it into one account pattern); put the expr term last`)
    }
    const q = valueExprToQuery(text)
    if (q) return q
    this.unsupported.push(`expr ${text}`)
    return { type: 'expr', text }
  }
}

/**
 * Reads a ledger 3.3 query: one string as an `= QUERY` line is read, or an
 * array as command-line arguments (`ledger reg ARG…`). `expr` terms are
 * evaluated when they use the subset {@link valueExprToQuery} knows, else
 * kept as {@link ExprTerm} and listed in `unsupported`. Never throws.
 */
export function parseLedgerQuery(text: string | readonly string[]): LedgerQueryResult {
  const oneLine = typeof text === 'string'
  const lexer = new LedgerLexer(oneLine ? [text] : text, !oneLine)
  const parser = new LedgerParser(lexer, oneLine)
  try {
    const query = parser.parse()
    return { query, errors: parser.errors, unsupported: parser.unsupported }
  } catch (e) {
    if (!(e instanceof LedgerQueryError)) throw e
    return { query: NONE, errors: [...parser.errors, e.message], unsupported: parser.unsupported }
  }
}

// ---------------------------------------------------------------------------
// ledger value expressions (a subset)
// ---------------------------------------------------------------------------

interface ExprToken {
  kind: 'id' | 'num' | 'str' | 're' | 'date' | 'op'
  text: string
}

function lexValueExpr(text: string): ExprToken[] | undefined {
  const tokens: ExprToken[] = []
  const re = /\s*(?:([A-Za-z_][A-Za-z0-9_.]*)|(\d+(?:\.\d+)?)|"([^"]*)"|'([^']*)'|\/((?:[^/\\]|\\.)*)\/|\[([^\]]*)\]|(=~|==|!=|<=|>=|[<>&|!(),-]))/y
  let at = 0
  while (at < text.length) {
    if (/^\s*$/.test(text.slice(at))) break
    re.lastIndex = at
    const m = re.exec(text)
    if (!m) return undefined
    at = re.lastIndex
    if (m[1] !== undefined) tokens.push({ kind: 'id', text: m[1] })
    else if (m[2] !== undefined) tokens.push({ kind: 'num', text: m[2] })
    else if (m[3] !== undefined || m[4] !== undefined) tokens.push({ kind: 'str', text: m[3] ?? m[4] ?? '' })
    else if (m[5] !== undefined) tokens.push({ kind: 're', text: m[5].replace(/\\(.)/gs, '$1') }) // ledger drops the backslash
    else if (m[6] !== undefined) tokens.push({ kind: 'date', text: m[6] })
    else tokens.push({ kind: 'op', text: m[7] ?? '' })
  }
  return tokens
}

/** A value inside an expression: a predicate, or an operand of a comparison. */
type ExprValue =
  | { kind: 'query'; query: Query }
  | { kind: 'name'; name: string }
  | { kind: 'amount'; absolute: boolean; bare: boolean }
  | { kind: 'number'; value: Decimal }
  | { kind: 'string' | 'regex' | 'date'; text: string }

class Unsupported extends Error {}

const BOOLEAN_NAMES: Record<string, Query> = {
  cleared: { type: 'status', status: '*' },
  pending: { type: 'status', status: '!' },
  real: { type: 'real', real: true },
  virtual: { type: 'real', real: false },
  true: ANY,
  false: NONE,
}
const REGEX_FIELDS: Record<string, TextField> = { account: 'account', payee: 'payee', note: 'comment', code: 'code' }
const COMPARISONS: Record<string, AmountOp> = { '<': '<', '<=': '<=', '>': '>', '>=': '>=', '==': '=' }

/** Recursive descent over a value expression, into query terms. */
class ValueExprReader {
  private i = 0
  constructor(private readonly tokens: ExprToken[]) {}

  read(): Query {
    const q = this.orExpr()
    if (this.i !== this.tokens.length) throw new Unsupported()
    return q
  }

  private peek(): ExprToken | undefined {
    return this.tokens[this.i]
  }

  private accept(...texts: string[]): string | undefined {
    const t = this.peek()
    if (t && (t.kind === 'op' || t.kind === 'id') && texts.includes(t.text)) {
      this.i++
      return t.text
    }
    return undefined
  }

  private orExpr(): Query {
    const items = [this.andExpr()]
    while (this.accept('|', 'or')) items.push(this.andExpr())
    return or(items)
  }

  private andExpr(): Query {
    const items = [this.unary()]
    while (this.accept('&', 'and')) items.push(this.unary())
    return and(items)
  }

  private unary(): Query {
    if (this.accept('!', 'not')) return { type: 'not', item: this.unary() }
    return this.comparison()
  }

  private comparison(): Query {
    const left = this.primary()
    const t = this.peek()
    if (!t || t.kind !== 'op' || !['=~', '==', '!=', '<', '<=', '>', '>='].includes(t.text)) return asPredicate(left)
    this.i++
    return compare(left, t.text, this.primary())
  }

  private primary(): ExprValue {
    const t = this.tokens[this.i++]
    if (!t) throw new Unsupported()
    if (t.kind === 'op' && t.text === '(') {
      const q = this.orExpr()
      if (!this.accept(')')) throw new Unsupported()
      return { kind: 'query', query: q }
    }
    if (t.kind === 'op' && t.text === '-') {
      const n = this.tokens[this.i++]
      if (!n || n.kind !== 'num') throw new Unsupported()
      return { kind: 'number', value: new Decimal(n.text).neg() }
    }
    if (t.kind === 'num') return { kind: 'number', value: new Decimal(t.text) }
    if (t.kind === 'str') return { kind: 'string', text: t.text }
    if (t.kind === 're') return { kind: 'regex', text: t.text }
    if (t.kind === 'date') return { kind: 'date', text: t.text }
    if (t.kind === 'id') return this.nameOrCall(t.text)
    throw new Unsupported()
  }

  private nameOrCall(name: string): ExprValue {
    if (!this.accept('(')) return name === 'amount' ? { kind: 'amount', absolute: false, bare: true } : { kind: 'name', name }
    const arg = this.primary()
    if (!this.accept(')')) throw new Unsupported()
    if (name === 'quantity' && arg.kind === 'amount' && arg.bare) return { kind: 'amount', absolute: false, bare: false }
    if (name === 'abs' && arg.kind === 'amount') return { kind: 'amount', absolute: true, bare: false }
    if (name === 'has_tag' && arg.kind === 'regex') {
      const pattern = ledgerPattern(arg.text)
      if (isPattern(pattern)) return { kind: 'query', query: { type: 'tag', name: pattern } }
    }
    throw new Unsupported()
  }
}

function asPredicate(v: ExprValue): Query {
  if (v.kind === 'query') return v.query
  const named = v.kind === 'name' ? lookup(BOOLEAN_NAMES, v.name) : undefined
  if (named) return named
  throw new Unsupported()
}

function compare(left: ExprValue, op: string, right: ExprValue): Query {
  if (op === '!=') return { type: 'not', item: compare(left, '==', right) }
  if (op === '=~' && left.kind === 'name' && right.kind === 'regex') {
    const pattern = ledgerPattern(right.text)
    if (!isPattern(pattern)) throw new Unsupported()
    if (left.name === 'commodity') return { type: 'commodity', pattern, whole: false }
    const field = lookup(REGEX_FIELDS, left.name)
    if (field) return { type: 'text', field, pattern }
  }
  if (op === '==' && left.kind === 'name' && left.name === 'commodity' && right.kind === 'string') {
    const source = [...right.text].map(escapeJs).join('')
    return { type: 'commodity', pattern: { source, flavor: 'perl', regex: new RegExp(`^${source}$`, 'i') }, whole: true }
  }
  // `amount == 5` did not match `5 EUR` in 3.3 (the commodity differs); `quantity(amount) == 5` did.
  const amountOp = lookup(COMPARISONS, op)
  if (left.kind === 'amount' && right.kind === 'number' && amountOp && !(left.bare && op === '==')) {
    return { type: 'amount', op: amountOp, quantity: right.value, absolute: left.absolute }
  }
  if (left.kind === 'name' && left.name === 'date' && right.kind === 'date') return compareDate(op, right.text)
  throw new Unsupported()
}

function compareDate(op: string, text: string): Query {
  const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text.trim())
  const date = m ? isoDate(Number(m[1]), Number(m[2]), Number(m[3])) : undefined
  if (!date) throw new Unsupported()
  switch (op) {
    case '>=': return dateTerm('date', date, undefined)
    case '>': return dateTerm('date', addDays(date, 1), undefined)
    case '<': return dateTerm('date', undefined, date)
    case '<=': return dateTerm('date', undefined, addDays(date, 1))
    case '==': return dateTerm('date', date, addDays(date, 1))
    default: throw new Unsupported()
  }
}

/**
 * The query a ledger value expression means, for the subset ptabridge
 * evaluates: `account|payee|note|code|commodity =~ /RE/`, `commodity == "X"`,
 * `amount`, `quantity(amount)`, `abs(amount)`, `abs(quantity(amount))`
 * compared (`< <= > >=`, and `==` on the quantity forms) with a number,
 * `date OP [DATE]`, `has_tag(/RE/)`, `cleared`, `pending`, `real`,
 * `virtual`, `true`, `false`, combined with `& and | or ! not` and
 * parentheses. Undefined for anything else.
 */
export function valueExprToQuery(text: string): Query | undefined {
  const tokens = lexValueExpr(text)
  if (!tokens || tokens.length === 0) return undefined
  try {
    return new ValueExprReader(tokens).read()
  } catch (e) {
    if (e instanceof Unsupported) return undefined
    throw e
  }
}

// ---------------------------------------------------------------------------
// Matching
// ---------------------------------------------------------------------------

const NO_AMOUNT = [{ quantity: new Decimal(0), commodity: '' }]

function textOf(t: QueryTarget, field: TextField): string {
  switch (field) {
    case 'account': return t.account
    case 'description': return t.description
    case 'payee': return t.payee
    case 'note': return t.note
    case 'code': return t.code ?? ''
    case 'comment': return t.comment ?? ''
  }
}

/** Whether a quantity satisfies an `amt:` term (its absolute value when the term says so). */
export function compareQuantity(quantity: Decimal, term: AmountTerm): boolean {
  const q = term.absolute ? quantity.abs() : quantity
  const c = q.comparedTo(term.quantity)
  switch (term.op) {
    case '<': return c < 0
    case '<=': return c <= 0
    case '>': return c > 0
    case '>=': return c >= 0
    case '=': return c === 0
  }
}

function inDateSpan(date: string, term: DateTerm): boolean {
  return (term.from === undefined || date >= term.from) && (term.to === undefined || date < term.to)
}

/** Whether the posting `t` matches `q`. */
export function matchesPosting(q: Query, t: QueryTarget, options: MatchOptions = {}): boolean {
  switch (q.type) {
    case 'any': return true
    case 'none': return false
    case 'and': return q.items.every((item) => matchesPosting(item, t, options))
    case 'or': return q.items.some((item) => matchesPosting(item, t, options))
    case 'not': return !matchesPosting(q.item, t, options)
    case 'text': return q.pattern.regex.test(textOf(t, q.field))
    case 'tag': return (t.tags ?? []).some((tag) => q.name.regex.test(tag.name) && (!q.value || q.value.regex.test(tag.value)))
    case 'commodity': return (t.amounts.length ? t.amounts : NO_AMOUNT).some((a) => q.pattern.regex.test(a.commodity))
    case 'amount': return (t.amounts.length ? t.amounts : NO_AMOUNT).some((a) => compareQuantity(a.quantity, q))
    case 'status': return t.status === q.status
    case 'real': return t.real === q.real
    case 'depth': return options.ignoreDepth === true || t.account.split(':').length <= q.depth
    case 'accountType': return q.codes.some((c) => accountTypeMatches(c, t.accountType))
    case 'date': return inDateSpan(q.field === 'date2' ? (t.date2 ?? t.date) : t.date, q)
    case 'expr': return false
  }
}

// ---------------------------------------------------------------------------
// Reading a query
// ---------------------------------------------------------------------------

/** The smallest `depth:` in `q` outside any `not`, as hledger's `queryDepth`; undefined when there is none. */
export function queryDepth(q: Query): number | undefined {
  const depths: number[] = []
  const walk = (node: Query): void => {
    if (node.type === 'depth') depths.push(node.depth)
    else if (node.type === 'and' || node.type === 'or') node.items.forEach(walk)
  }
  walk(q)
  return depths.length ? Math.min(...depths) : undefined
}

/** `q` without its `depth:` terms, for matching in reports (hledger drops them before matching). */
export function withoutDepth(q: Query): Query {
  switch (q.type) {
    case 'depth': return ANY
    case 'and': return and(q.items.map(withoutDepth))
    case 'or': return q.items.some((i) => i.type === 'depth') ? ANY : or(q.items.map(withoutDepth))
    case 'not': return q.item.type === 'depth' ? ANY : { type: 'not', item: withoutDepth(q.item) }
    default: return q
  }
}

interface Span {
  from?: string | undefined
  to?: string | undefined
}

function intersect(a: Span, b: Span): Span {
  const from = a.from === undefined ? b.from : b.from === undefined ? a.from : a.from > b.from ? a.from : b.from
  const to = a.to === undefined ? b.to : b.to === undefined ? a.to : a.to < b.to ? a.to : b.to
  return { from, to }
}

function union(a: Span, b: Span): Span {
  const from = a.from === undefined || b.from === undefined ? undefined : a.from < b.from ? a.from : b.from
  const to = a.to === undefined || b.to === undefined ? undefined : a.to > b.to ? a.to : b.to
  return { from, to }
}

function spanOf(q: Query, field: 'date' | 'date2'): Span {
  if (q.type === 'date' && q.field === field) return { from: q.from, to: q.to }
  if (q.type === 'and') return q.items.map((i) => spanOf(i, field)).reduce(intersect, {})
  if (q.type === 'or') return q.items.map((i) => spanOf(i, field)).reduce(union)
  return {}
}

function hasDateTerm(q: Query, field: 'date' | 'date2'): boolean {
  if (q.type === 'date') return q.field === field
  return (q.type === 'and' || q.type === 'or') && q.items.some((i) => hasDateTerm(i, field))
}

/**
 * The report period `q`'s date terms set, as hledger's `queryDateSpan`:
 * `and` intersects, `or` takes the enclosing span, `not` is ignored. `from`
 * is inclusive, `to` exclusive; an empty intersection gives `from === to`.
 * Undefined when `q` has no `date:` (or, with `'date2'`, `date2:`) term.
 */
export function queryDateSpan(q: Query, field: 'date' | 'date2' = 'date'): { from?: string; to?: string } | undefined {
  if (!hasDateTerm(q, field)) return undefined
  const span = spanOf(q, field)
  const out: { from?: string; to?: string } = {}
  if (span.from !== undefined) out.from = span.from
  if (span.to !== undefined) out.to = span.from !== undefined && span.to < span.from ? span.from : span.to
  return out
}

const FIELD_LABEL: Record<TextField, string> = {
  account: 'account', description: 'description', payee: 'payee', note: 'note', code: 'code', comment: 'comment',
}

function describeTerm(q: Term): string {
  switch (q.type) {
    case 'text': return `${FIELD_LABEL[q.field]} ~ /${q.pattern.source}/`
    case 'tag': return `tag /${q.name.source}/${q.value ? ` = /${q.value.source}/` : ''}`
    case 'commodity': return q.whole ? `commodity ~ /^${q.pattern.source}$/` : `commodity ~ /${q.pattern.source}/`
    case 'amount': return `${q.absolute ? '|amount|' : 'amount'} ${q.op} ${q.quantity.toFixed()}`
    case 'status': return q.status === '*' ? 'cleared' : q.status === '!' ? 'pending' : 'unmarked'
    case 'real': return q.real ? 'real posting' : 'virtual posting'
    case 'depth': return `account depth <= ${q.depth}`
    case 'accountType': return `account type ${q.codes.join('')}`
    case 'date':
      if (q.from !== undefined && q.to !== undefined) return `${q.field} from ${q.from} to ${q.to} (exclusive)`
      if (q.from !== undefined) return `${q.field} >= ${q.from}`
      return q.to !== undefined ? `${q.field} < ${q.to}` : `any ${q.field}`
    case 'expr': return `ledger expression (not evaluated): ${q.text}`
  }
}

/** A one-line human-readable account of `q`, e.g. `account ~ /food/ and not (payee ~ /shop/)`. */
export function describeQuery(q: Query): string {
  const inner = (item: Query): string => (isCompound(item) && item.type !== 'not' ? `(${describeQuery(item)})` : describeQuery(item))
  switch (q.type) {
    case 'any': return 'all postings'
    case 'none': return 'no postings'
    case 'and': return q.items.map(inner).join(' and ')
    case 'or': return q.items.map(inner).join(' or ')
    case 'not': return `not ${isCompound(q.item) ? `(${describeQuery(q.item)})` : describeQuery(q.item)}`
    default: return describeTerm(q)
  }
}

// ---------------------------------------------------------------------------
// Translation: ledger → hledger
// ---------------------------------------------------------------------------

/** hledger's OR-combined term kinds; each may appear in one AND-ed group only. */
type HledgerGroup = 'acct' | 'desc' | 'status'

function hledgerGroupOf(q: Query): HledgerGroup | undefined {
  if (q.type === 'status') return 'status'
  if (q.type !== 'text') return undefined
  if (q.field === 'account') return 'acct'
  return q.field === 'description' || (q.field === 'payee' && q.pattern.flavor === 'perl') ? 'desc' : undefined
}

/** Writes `prefix` + `value` as one hledger word, quoting the value when it has spaces. */
function hledgerWord(prefix: string, value: string, reasons: string[]): string | undefined {
  if (value.includes(';')) {
    reasons.push(`'${value}' contains ';', which ends the query on an hledger '=' line`)
    return undefined
  }
  if (!/[\s'"]/.test(value)) return prefix + value
  if (!value.includes("'")) return `${prefix}'${value}'`
  if (!value.includes('"')) return `${prefix}"${value}"`
  reasons.push(`'${value}' contains both quote characters, which hledger 1.25 cannot quote`)
  return undefined
}

function posixOrReason(p: Pattern, reasons: string[]): string | undefined {
  const s = posixSource(p)
  if (typeof s === 'string') return s
  reasons.push(s.reason)
  return undefined
}

/** The hledger word for one term; pushes a reason and returns undefined when there is none. */
function hledgerTermWord(q: Term, reasons: string[]): string | undefined {
  switch (q.type) {
    case 'text': {
      if (q.field === 'comment') {
        reasons.push(`ledger 'note ${q.pattern.source}' matches comments, which hledger 1.25 queries cannot`)
        return undefined
      }
      const prefix = { account: 'acct:', description: 'desc:', payee: q.pattern.flavor === 'perl' ? 'desc:' : 'payee:', note: 'note:', code: 'code:' }[q.field]
      const re = posixOrReason(q.pattern, reasons)
      return re === undefined ? undefined : hledgerWord(prefix, re, reasons)
    }
    case 'tag': {
      const name = posixOrReason(q.name, reasons)
      const value = q.value ? posixOrReason(q.value, reasons) : ''
      if (name === undefined || value === undefined) return undefined
      return hledgerWord('tag:', q.value ? `${name}=${value}` : name, reasons)
    }
    case 'commodity': {
      const re = posixOrReason(q.pattern, reasons)
      if (re === undefined) return undefined
      return hledgerWord('cur:', q.whole ? re : unanchoredCommodity(re), reasons)
    }
    case 'amount': return hledgerAmountWord(q, reasons)
    case 'status': return `status:${q.status}`
    case 'real': return q.real ? 'real:1' : 'real:0'
    case 'depth': return `depth:${q.depth}`
    case 'accountType': return `type:${q.codes.join('')}`
    case 'date': return `${q.field}:${q.from ?? ''}..${q.to ?? ''}`
    case 'expr':
      reasons.push(`ledger 'expr ${q.text}' has no hledger 1.25 equivalent`)
      return undefined
  }
}

/** hledger's `cur:` is `^` + text + `$`; a ledger `commodity =~ /^X$/` is therefore `cur:X`, others need `.*(…).*`. */
function unanchoredCommodity(re: string): string {
  const m = /^\^(.*[^\\])\$$/s.exec(re)
  return m ? (m[1] as string) : `.*(${re}).*`
}

function hledgerAmountWord(q: AmountTerm, reasons: string[]): string | undefined {
  const op = q.op === '=' ? '' : q.op
  const n = q.quantity
  if (q.absolute) {
    if (n.gt(0)) return `amt:${op}${n.toFixed()}`
    reasons.push(`abs(amount) ${q.op} ${n.toFixed()} has no single hledger amt: term`)
    return undefined
  }
  if (n.isZero()) return `amt:${op}0`
  return `amt:${op}${n.isNeg() ? '' : '+'}${n.toFixed()}`
}

/** Several terms OR-ed on one field (hledger would AND them): one word with the regexes joined by `|`. */
function mergedOrWord(items: Query[], reasons: string[]): string | undefined {
  const first = items[0]
  if (!first || !items.every((i) => i.type === first.type)) return undefined
  if (first.type === 'text' && items.every((i) => i.type === 'text' && i.field === first.field)) {
    const res = items.map((i) => posixOrReason((i as TextTerm).pattern, reasons))
    if (res.some((r) => r === undefined)) return undefined
    return hledgerTermWord({ ...first, pattern: { ...first.pattern, flavor: 'posix', source: res.join('|') } }, reasons)
  }
  if (first.type === 'tag' && items.every((i) => i.type === 'tag' && !i.value) && !first.value) {
    const res = items.map((i) => posixOrReason((i as TagTerm).name, reasons))
    if (res.some((r) => r === undefined)) return undefined
    return hledgerWord('tag:', res.join('|'), reasons)
  }
  return undefined
}

/** AND-ed date terms of one field as one term (their intersection), as hledger's simplifyQuery does. */
function mergeDateTerms(items: Query[]): Query[] {
  const out: Query[] = []
  for (const item of items) {
    const prev = item.type === 'date' ? out.find((o): o is DateTerm => o.type === 'date' && o.field === item.field) : undefined
    if (!prev || item.type !== 'date') {
      out.push(item)
      continue
    }
    const span = intersect(prev, item)
    out[out.indexOf(prev)] = dateTerm(item.field, span.from, span.to)
  }
  return out
}

function flattenOr(q: Query): Query[] {
  return q.type === 'or' ? q.items.flatMap(flattenOr) : [q]
}

function flattenAnd(q: Query): Query[] {
  return q.type === 'and' ? q.items.flatMap(flattenAnd) : [q]
}

function isTerm(q: Query): q is Term {
  return !isCompound(q) && q.type !== 'any' && q.type !== 'none'
}

/** Adds the hledger words for one AND-ed part of a ledger query. */
function addHledgerConjunct(q: Query, words: string[], used: Set<HledgerGroup>, reasons: string[]): void {
  const claim = (group: HledgerGroup): boolean => {
    if (!used.has(group)) {
      used.add(group)
      return true
    }
    reasons.push(`two AND-ed ${group === 'acct' ? 'account' : group === 'desc' ? 'payee/description' : 'status'} conditions: hledger 1.25 ORs all such terms`)
    return false
  }
  const push = (w: string | undefined) => (w === undefined ? undefined : words.push(w))
  if (q.type === 'any') return
  if (q.type === 'none') {
    reasons.push('the query matches nothing')
    return
  }
  if (q.type === 'not') return addHledgerNegation(q.item, words, used, reasons)
  if (q.type === 'or') {
    const items = flattenOr(q)
    const groups = items.map(hledgerGroupOf)
    const group = groups[0]
    if (group && items.every(isTerm) && groups.every((g) => g === group)) {
      if (claim(group)) items.forEach((i) => push(hledgerTermWord(i as Term, reasons)))
      return
    }
    const merged = mergedOrWord(items, reasons)
    if (merged === undefined) reasons.push(`'or' between ${describeQuery(q)}: hledger 1.25 ANDs terms of different fields`)
    return void push(merged)
  }
  if (q.type === 'and') return mergeDateTerms(flattenAnd(q)).forEach((i) => addHledgerConjunct(i, words, used, reasons))
  const group = hledgerGroupOf(q)
  if (group && !claim(group)) return
  push(hledgerTermWord(q, reasons))
}

function addHledgerNegation(item: Query, words: string[], used: Set<HledgerGroup>, reasons: string[]): void {
  if (item.type === 'not') return addHledgerConjunct(item.item, words, used, reasons)
  const items = flattenOr(item) // not (a or b) = not a and not b
  for (const i of items) {
    if (!isTerm(i)) {
      reasons.push(`not (${describeQuery(item)}) cannot be written as hledger 1.25 not: terms`)
      return
    }
    const w = hledgerTermWord(i, reasons)
    if (w !== undefined) words.push(`not:${w}`)
  }
}

/**
 * Translates a ledger 3.3 `= QUERY` predicate into hledger 1.25 query text.
 * Exact where hledger's grouping can say the same: bare and `/re/` → `acct:`,
 * `@re` → `desc:` (ledger's payee is the whole description), `%t`/`%t=v` →
 * `tag:`, `not X` → `not:X`, `#c` → `code:`, `and` between different fields,
 * `or` within one field; evaluated `expr` forms → `amt:`, `cur:`, `status:`,
 * `real:`, `date:`. `text` is absent when some part cannot be said.
 */
export function translateLedgerToHledger(text: string): Translation {
  const parsed = parseLedgerQuery(text)
  if (parsed.errors.length || parsed.unsupported.length) {
    return { lossy: [...parsed.errors.map((e) => `ledger query: ${e}`), ...parsed.unsupported.map((u) => `not translatable: ${u}`)] }
  }
  const words: string[] = []
  const reasons: string[] = []
  addHledgerConjunct(parsed.query, words, new Set(), reasons)
  return reasons.length ? { lossy: reasons } : { text: words.join(' '), lossy: [] }
}

// ---------------------------------------------------------------------------
// Translation: hledger → ledger
// ---------------------------------------------------------------------------

const LEDGER_WORDS = new Set(Object.keys(LEDGER_KEYWORDS))

/** A regex as one ledger query term: bare when safe, else `'…'` with `\` and `'` escaped. */
function ledgerPatternText(source: string): string {
  if (/^[^\s()&|!@#%='"/\\][^\s()&|!@#%=]*$/.test(source) && !LEDGER_WORDS.has(source)) return source
  return `'${source.replace(/[\\']/g, (c) => `\\${c}`)}'`
}

/** Whether `q` can be written with ledger's query operators (no `expr`). */
function isLedgerNative(q: Query): boolean {
  if (q.type === 'text') return q.field !== 'note' && q.field !== 'comment'
  if (q.type === 'tag') return true
  if (q.type === 'not') return isLedgerNative(q.item)
  if (q.type === 'or' || q.type === 'and') return q.items.every(isLedgerNative)
  return false
}

function ledgerNativeText(q: Query, lossy: string[], nested: boolean): string {
  switch (q.type) {
    case 'text': {
      const re = ledgerPatternText(perlSource(q.pattern))
      if (q.field === 'payee' && q.pattern.flavor === 'posix') {
        lossy.push(`hledger 'payee:${q.pattern.source}' matches the description before '|'; ledger '@' matches the whole payee`)
      }
      return { account: re, description: `@${re}`, payee: `@${re}`, code: `#${re}`, note: re, comment: `note ${re}` }[q.field]
    }
    case 'tag': return `%${ledgerPatternText(perlSource(q.name))}${q.value ? `=${ledgerPatternText(perlSource(q.value))}` : ''}`
    case 'not': return `not ${isCompound(q.item) ? `(${ledgerNativeText(q.item, lossy, false)})` : ledgerNativeText(q.item, lossy, true)}`
    case 'or': {
      const text = q.items.map((i) => ledgerNativeText(i, lossy, true)).join(' or ')
      return nested ? `(${text})` : text
    }
    case 'and': {
      const text = q.items.map((i) => ledgerNativeText(i, lossy, true)).join(' and ')
      return nested ? `(${text})` : text
    }
    default: return ''
  }
}

function ledgerDate(iso: string): string {
  return `[${iso.replace(/-/g, '/')}]`
}

/** A ledger value expression for `q`; pushes a reason and returns undefined when there is none. */
function ledgerExprText(q: Query, reasons: string[]): string | undefined {
  const wrap = (item: Query) => {
    const t = ledgerExprText(item, reasons)
    return t === undefined || !/\s/.test(t) ? t : `(${t})`
  }
  const join = (items: Query[], op: string) => {
    const parts = items.map(wrap)
    return parts.some((p) => p === undefined) ? undefined : parts.join(op)
  }
  switch (q.type) {
    case 'any': return 'true'
    case 'none': return 'false'
    case 'and': return join(q.items, ' & ')
    case 'or': return join(q.items, ' | ')
    case 'not': {
      const inner = wrap(q.item)
      return inner === undefined ? undefined : `!${inner}`
    }
    case 'amount': return `${q.absolute ? 'abs(quantity(amount))' : 'quantity(amount)'} ${q.op === '=' ? '==' : q.op} ${q.quantity.toFixed()}`
    case 'commodity': {
      const re = q.whole && q.pattern.flavor === 'posix' ? posixToJs(`^${q.pattern.source}$`) : perlSource(q.pattern)
      return `commodity =~ ${exprRegexLiteral(typeof re === 'string' ? re : q.pattern.source)}`
    }
    case 'status': return q.status === '*' ? 'cleared' : q.status === '!' ? 'pending' : '!cleared & !pending'
    case 'real': return q.real ? 'real' : 'virtual'
    case 'date':
      if (q.field === 'date2') break
      return [q.from && `date >= ${ledgerDate(q.from)}`, q.to && `date < ${ledgerDate(q.to)}`].filter(Boolean).join(' & ') || 'true'
    case 'text':
      if (q.field === 'note' || q.field === 'description' || q.field === 'payee') break
      return `${q.field === 'comment' ? 'note' : q.field} =~ ${exprRegexLiteral(perlSource(q.pattern))}`
    case 'tag':
      if (q.value) break
      return `has_tag(${exprRegexLiteral(perlSource(q.name))})`
    default: break
  }
  reasons.push(`${describeQuery(q)} has no ledger 3.3 query equivalent here`)
  return undefined
}

/** `'…'` for an `expr` argument: ledger drops a backslash before any character in it, so `\` and `'` are escaped. */
function quoteLedgerExpr(text: string): string {
  return `'${text.replace(/[\\']/g, (c) => `\\${c}`)}'`
}

/**
 * Translates hledger 1.25 query text (an `= QUERY` line) into a ledger 3.3
 * predicate. Account, description, tag and code terms use ledger's query
 * operators (`acct:re` → `re`, `desc:re` → `@re`, `tag:t=v` → `%t=v`,
 * `code:c` → `#c`, `not:X` → `not X`, hledger's OR groups → `(a or b)`);
 * `amt:`, `cur:`, `status:`, `real:` and `date:` go into one quoted
 * `expr '…'` placed last (3.3 misreads terms after an expr on one line, and
 * cuts an unquoted expr at its first `)`). Regexes are rewritten from POSIX
 * (`\d` is a literal d in hledger) to Perl syntax. `text` is absent when some
 * part (`note:`, `depth:`, `date2:`) cannot be said.
 */
export function translateHledgerToLedger(text: string): Translation {
  const parsed = parseHledgerQuery(text)
  if (parsed.errors.length) return { lossy: parsed.errors.map((e) => `hledger query: ${e}`) }
  const lossy: string[] = []
  const reasons: string[] = []
  const conjuncts = flattenAnd(parsed.query).filter((q) => q.type !== 'any')
  const native = conjuncts.filter(isLedgerNative)
  const exprs = conjuncts.filter((q) => !isLedgerNative(q))
  const parts = native.map((q) => ledgerNativeText(q, lossy, native.length > 1 || exprs.length > 0))
  if (exprs.length || parts.length === 0) {
    const e = ledgerExprText(exprs.length ? and(exprs) : ANY, reasons)
    if (e !== undefined) parts.push(`expr ${quoteLedgerExpr(e)}`)
  }
  if (reasons.length) return { lossy: [...reasons, ...lossy] }
  return { text: parts.join(' and '), lossy }
}
