/**
 * Ledger 3.3 value expressions: parsing and evaluation.
 *
 * Value expressions appear in journals as posting amounts, costs and balance
 * assertions in parentheses (`($10 / 3)`, `@ ($5 / 2)`, `= ($1 + $2)`), in
 * automated transactions (`(amount * 0.1)`), in `define`/`def` directives and
 * in `check`/`assert` lines. This module reads them as ledger 3.3's
 * `expr_t::parser_t` does and computes them as its `value_t` does. The rules
 * below follow ledger 3.3's source and were checked against its binary (the
 * tests record what it printed).
 *
 * Syntax, from the loosest to the tightest binding:
 *
 * | form | meaning |
 * | --- | --- |
 * | `a ; b` | evaluate both, the value is `b` |
 * | `x = e`, `f(x, y) = e` | define a variable or a function (the value is null) |
 * | `x -> e`, `(x, y) -> e` | a lambda |
 * | `a, b` | a sequence (function arguments) |
 * | `c ? a : b`, `a if c else b` | choice; `a if c` gives null when `c` is false |
 * | `a \| b`, `a \|\| b`, `a or b` | `a` when true, else `b` |
 * | `a & b`, `a && b`, `a and b` | `b` when `a` is true, else false |
 * | `== != < <= > >= =~ !~` | comparisons, left-associative |
 * | `+ -`, then `* / div` | arithmetic, left-associative |
 * | `-a`, `!a`, `not a` | one prefix operator only (`--1` is an error in ledger) |
 * | `f(args)` | a call |
 * | literals | amounts (`$10`, `10 EUR`, `EUR 10`, `5 "AAPL 2"`, `{$10}`), strings (`"x"`, `'x'`), dates (`[2024/01/05]`), regular expressions (`/x/`), `true`, `false` |
 *
 * Tokens are read as ledger reads them: an amount is tried before an
 * identifier, so `x -1` is the amount `-1` of commodity `x` and `rate2` is the
 * amount `2` of commodity `rate`; `1,5` is the number 1.5 (a decimal comma),
 * so write `roundto(x, 2)` with a blank after the comma; backslashes in
 * strings and regular expressions escape the next character (`/a\.b/` is the
 * pattern `a.b`); regular expressions ignore case.
 *
 * Semantics (ledger 3.3's `value_t`):
 *
 * - Amounts carry a commodity (`''` for a plain number). `+` and `-` of
 *   different commodities (a plain number counts as one) give a *balance*;
 *   a posting amount must be a single amount, so {@link evaluateAmountExpr}
 *   reports that as an error, as ledger does ("Amount expressions must result
 *   in a simple amount"). A subtraction that leaves one commodity gives an
 *   amount again, and one that leaves zero gives the plain number 0.
 * - `*` and `/` keep the left commodity, or take the right one when the left
 *   has none: `$10 / 3` is `$3.33…`, `2 * $3` is `$6`, and `$10 / $4` is
 *   `$2.5` (ledger does not cancel the commodity).
 * - Ledger computes with exact rationals. Here `+`, `-` and `*` are exact (up to
 *   1000 significant digits) and **a division is rounded to 40 significant
 *   digits** (half to even), so `$10 / 3 * 3` is `$9.999…9` (40 nines), where
 *   ledger has exactly `$10`.
 * - Truth: null, false, a zero amount, an all-zero balance and the empty
 *   string are false ({@link isTruthy}). Ledger judges zero at the
 *   commodity's display precision; here zero means exactly zero.
 * - `==` needs the same commodity (`$1 == 1` is false); `<` compares the
 *   quantities when either side has no commodity, else orders by commodity
 *   symbol; `a > b` is `b < a`, `a <= b` is `!(b < a)`, `a >= b` is `!(a < b)`.
 *   Comparing values of different kinds (a boolean to an amount) is an error.
 * - `round(x)` returns `x` unchanged: in ledger it only drops extra display
 *   precision. `roundto(x, n)` rounds half up (towards +∞): `roundto(-2.345, 2)`
 *   is `-2.34`.
 *
 * Names resolve through an {@link ExprScope} first, then the built-in
 * functions (`abs`, `quantity`, `commodity`, `round`, `unround`, `roundto`,
 * `floor`, `ceiling`, `min`, `max`, `to_amount`, `to_string`, `str`,
 * `to_int`, `to_boolean`, `strip`, `is_seq`, `today`). {@link postingScope}
 * supplies a posting's `amount`, `account`, `payee`, `date`, `tag(…)`,
 * `has_tag(…)` and friends; {@link Definitions} keeps `define` directives.
 * A name that resolves nowhere raises `Unknown identifier 'name'`.
 *
 * Not supported: ledger's report and session variables (`total`,
 * `display_amount`, options…), the `.` member lookup, lot annotations on
 * amounts, date/time values, period expressions in brackets other than
 * `[YYYY]`, `[YYYY/MM]` and full dates, and commodity display precision.
 */
import { Decimal } from 'decimal.js'
import type { Span } from '../ast.js'
import { readDate } from '../dates.js'
import { readLedgerQuantity } from '../numbers.js'

// ---------------------------------------------------------------------------
// Values
// ---------------------------------------------------------------------------

/** A quantity of one commodity (`''` for a plain number). */
export interface ExprAmount {
  quantity: Decimal
  commodity: string
}

/** ledger's uninitialised value: an unknown tag, `if` without `else`, a definition. */
export interface NullValue {
  type: 'null'
}

/** `true`, `false`, or the result of a comparison. */
export interface BooleanValue {
  type: 'boolean'
  value: boolean
}

/** An amount of one commodity, or a plain number when `commodity` is `''`. */
export interface AmountValue extends ExprAmount {
  type: 'amount'
}

/** A sum of several commodities (`$1 + 1 EUR`), sorted by commodity, zeros dropped. */
export interface BalanceValue {
  type: 'balance'
  amounts: ExprAmount[]
}

/** A string, from a literal, an account name, a payee or a tag. */
export interface StringValue {
  type: 'string'
  value: string
}

/** A calendar date, `YYYY-MM-DD`. */
export interface DateValue {
  type: 'date'
  value: string
}

/** A regular expression literal `/…/`; it matches ignoring case. */
export interface MaskValue {
  type: 'mask'
  pattern: string
}

/** The value of a comma list `(a, b)`. */
export interface SequenceValue {
  type: 'sequence'
  values: ExprValue[]
}

/**
 * A function. A `native` function is called with no arguments when it is
 * named without parentheses (as ledger does for `amount` or `today`); a
 * `lambda` is a value until it is called.
 */
export interface ExprFunction {
  type: 'function'
  name: string
  kind: 'native' | 'lambda'
  /** Compute the result; `scope` is the scope at the point of the call. */
  call(args: readonly ExprValue[], scope: ExprScope): ExprValue
}

/** Any value an expression can have. */
export type ExprValue = NullValue | BooleanValue | AmountValue | BalanceValue | StringValue | DateValue | MaskValue | SequenceValue | ExprFunction

/** A parsed `NAME = EXPR` or `NAME(PARAMS) = EXPR`. */
export interface ExprDefinition {
  name: string
  /** Present for a function definition. */
  params?: readonly string[]
  body: ExprNode
}

/**
 * Where names come from. `lookup` returns undefined for a name the scope does
 * not know; `define`, when present, receives the expression's own definitions
 * (`(x = $3; x * 2)`), which in ledger outlive the expression.
 */
export interface ExprScope {
  lookup(name: string): ExprValue | undefined
  define?(definition: ExprDefinition): void
  /** The scopes of every posting of the transaction, for ledger's `any(…)` and `all(…)`. */
  postings?(): ExprScope[]
}

/** An expression that cannot be parsed or evaluated; `span` says where, when known. */
export class ExprError extends Error {
  /** The offending part of the expression text. */
  span?: Span

  constructor(message: string, span?: Span) {
    super(message)
    this.name = 'ExprError'
    if (span) this.span = span
  }
}

// ---------------------------------------------------------------------------
// Syntax tree
// ---------------------------------------------------------------------------

/** The binary operators. `&` and `|` also stand for `and`/`&&` and `or`/`||`; `/` for `div`. */
export type ExprBinaryOp = '+' | '-' | '*' | '/' | '==' | '!=' | '<' | '<=' | '>' | '>=' | '=~' | '!~' | '&' | '|'

/** A parsed value expression. Spans are offsets into the parsed text. */
export type ExprNode =
  | { type: 'literal'; value: ExprValue; span: Span }
  | { type: 'ident'; name: string; span: Span }
  | { type: 'unary'; op: '-' | '!'; operand: ExprNode; span: Span }
  | { type: 'binary'; op: ExprBinaryOp; left: ExprNode; right: ExprNode; span: Span }
  | { type: 'conditional'; test: ExprNode; consequent: ExprNode; alternate: ExprNode; span: Span }
  | { type: 'call'; callee: ExprNode; args: ExprNode[]; span: Span }
  | { type: 'member'; object: ExprNode; property: ExprNode; span: Span }
  /** `a, b, c`: evaluates to a sequence value. */
  | { type: 'list'; items: ExprNode[]; span: Span }
  /** `a; b; c`: evaluates each in turn, the value is the last. */
  | { type: 'steps'; items: ExprNode[]; span: Span }
  | { type: 'lambda'; params: string[]; body: ExprNode; span: Span }
  | { type: 'define'; name: string; params?: string[]; body: ExprNode; span: Span }

/** The outcome of {@link parseExpr}: a tree, or an error and where it is. */
export interface ExprParseResult {
  expr?: ExprNode
  error?: string
  errorOffset?: number
}

// ---------------------------------------------------------------------------
// Numbers
// ---------------------------------------------------------------------------

/** Significant digits kept by a division. */
export const DIVISION_PRECISION = 40

const Exact = Decimal.clone({ precision: 1000, rounding: Decimal.ROUND_HALF_EVEN })
const Divide = Decimal.clone({ precision: DIVISION_PRECISION, rounding: Decimal.ROUND_HALF_EVEN })

const plus = (a: Decimal, b: Decimal): Decimal => new Decimal(Exact.add(a, b))
const minus = (a: Decimal, b: Decimal): Decimal => new Decimal(Exact.sub(a, b))
const times = (a: Decimal, b: Decimal): Decimal => new Decimal(Exact.mul(a, b))
const over = (a: Decimal, b: Decimal): Decimal => new Decimal(Divide.div(a, b))

// ---------------------------------------------------------------------------
// Tokens
// ---------------------------------------------------------------------------

type Context = 'term' | 'op'

type Token =
  | { kind: 'eof'; start: number; end: number }
  | { kind: 'value'; value: ExprValue; raw: string; start: number; end: number }
  | { kind: 'ident'; name: string; start: number; end: number }
  | { kind: 'op'; op: string; start: number; end: number }

class ParseFailure extends Error {
  constructor(message: string, readonly offset: number) {
    super(message)
  }
}

/** Characters that cannot be part of an unquoted commodity symbol (ledger 3.3). */
const NOT_SYMBOL = /[\s\d.,;:?!\-+*/^&|=<>{}[\]()@"~]/
const RESERVED = new Set(['and', 'div', 'else', 'false', 'if', 'or', 'not', 'true'])
const WS = /\s/

function isSymbolChar(ch: string | undefined): ch is string {
  return ch !== undefined && !NOT_SYMBOL.test(ch)
}

function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9'
}

function skipWs(text: string, i: number): number {
  while (i < text.length && WS.test(text[i] as string)) i++
  return i
}

/** ledger's READ_INTO: read up to `stop`, a backslash taking the next character literally. */
function readEscaped(text: string, i: number, stop: string): { content: string; end: number } {
  let content = ''
  while (i < text.length && text[i] !== stop && text[i] !== '\n') {
    let ch = text[i] as string
    if (ch === '\\' && i + 1 < text.length) {
      i++
      ch = text[i] as string
      ch = ({ b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' } as Record<string, string>)[ch] ?? ch
    }
    content += ch
    i++
  }
  return { content, end: i }
}

/** A commodity symbol at `i` (after blanks): quoted, or a run of symbol characters that is not a reserved word. */
function readSymbol(text: string, i: number): { symbol: string; end: number } | undefined {
  const at = skipWs(text, i)
  if (text[at] === '"') {
    const close = text.indexOf('"', at + 1)
    if (close < 0) throw new ParseFailure('Quoted commodity symbol lacks closing quote', at)
    return { symbol: text.slice(at + 1, close), end: close + 1 }
  }
  let end = at
  while (isSymbolChar(text[end])) end++
  const symbol = text.slice(at, end)
  return symbol && !RESERVED.has(symbol) ? { symbol, end } : undefined
}

/** The digits of a quantity at `i`: `[-]` then digits, periods and commas, ending in a digit. */
function readDigits(text: string, i: number, allowSign: boolean): { digits: string; negative: boolean; start: number; end: number } | undefined {
  const start = skipWs(text, i)
  let j = start
  let negative = false
  if (allowSign && text[j] === '-') {
    negative = true
    j++
  }
  const from = j
  while (isDigit(text[j]) || text[j] === '.' || text[j] === ',') j++
  while (j > from && !isDigit(text[j - 1])) j--
  if (j === from) return undefined
  return { digits: text.slice(from, j), negative, start, end: j }
}

function quantityOf(digits: string, negative: boolean, at: number): Decimal {
  const reading = readLedgerQuantity(digits, false)
  if (reading.error) throw new ParseFailure(reading.error, at)
  // Build the value from the digits: readLedgerQuantity's own value is
  // limited by the global Decimal precision.
  const plain = digits.replace(/[.,]/g, '')
  const p = reading.precision
  const text = p > 0 ? `${plain.slice(0, plain.length - p) || '0'}.${plain.slice(plain.length - p)}` : plain
  const value = new Decimal(text)
  return negative && !value.isZero() ? value.neg() : value
}

/**
 * ledger's `amount_t::parse` at `i` without annotations: a number and an
 * optional symbol after it, or a symbol and a number. Returns undefined
 * where there is no quantity (the caller then reads an identifier).
 */
function readAmountLiteral(text: string, i: number, inBraces: boolean): { value: AmountValue; end: number } | undefined {
  let at = skipWs(text, i)
  let negative = false
  if (inBraces && text[at] === '-') {
    negative = true
    at = skipWs(text, at + 1)
  }
  if (isDigit(text[at])) {
    const q = readDigits(text, at, false) as NonNullable<ReturnType<typeof readDigits>>
    const quantity = quantityOf(q.digits, negative, q.start)
    const sym = q.end < text.length && text[q.end] !== '\n' ? readSymbol(text, q.end) : undefined
    return { value: { type: 'amount', quantity, commodity: sym?.symbol ?? '' }, end: sym?.end ?? q.end }
  }
  if (!inBraces && text[at] === '"') return undefined
  const sym = readSymbol(text, at)
  const q = readDigits(text, sym?.end ?? at, true)
  if (!q) return undefined
  const quantity = quantityOf(q.digits, negative !== q.negative, q.start)
  return { value: { type: 'amount', quantity, commodity: sym?.symbol ?? '' }, end: q.end }
}

function readBracketDate(content: string, at: number): DateValue {
  const text = content.trim()
  if (/^\d{4}$/.test(text)) return { type: 'date', value: `${text}-01-01` }
  if (/^\d+[/.-]\d+([/.-]\d+)?$/.test(text)) {
    const reading = readDate(text, 'ledger')
    if (reading.error) throw new ParseFailure(`Invalid date [${content}]: ${reading.error}`, at)
    if (reading.value.length === 5) throw new ParseFailure(`The date [${content}] has no year; write [YYYY/MM/DD]`, at)
    return { type: 'date', value: reading.value }
  }
  throw new ParseFailure(`Unsupported date [${content}]: only [YYYY], [YYYY/MM] and [YYYY/MM/DD] are supported`, at)
}

function lex(text: string, pos: number, ctx: Context): Token {
  const start = skipWs(text, pos)
  const c = text[start]
  if (c === undefined) return { kind: 'eof', start, end: start }
  const next = text[start + 1]
  const op = (o: string, length = o.length): Token => ({ kind: 'op', op: o, start, end: start + length })
  switch (c) {
    case '&':
      return op('&', next === '&' ? 2 : 1)
    case '|':
      return op('|', next === '|' ? 2 : 1)
    case '(':
    case ')':
    case '?':
    case ':':
    case '+':
    case '*':
    case '.':
    case ',':
    case ';':
      return op(c)
    case '!':
      return next === '=' || next === '~' ? op(`!${next}`) : op('!')
    case '-':
      return next === '>' ? op('->') : op('-')
    case '=':
      return next === '=' || next === '~' ? op(`=${next}`) : op('=')
    case '<':
    case '>':
      return next === '=' ? op(`${c}=`) : op(c)
    case '/': {
      if (ctx === 'op') return op('/')
      const { content, end } = readEscaped(text, start + 1, '/')
      if (text[end] !== '/') throw new ParseFailure("Missing '/' at the end of the regular expression", end)
      try {
        new RegExp(content, 'i')
      } catch (e) {
        throw new ParseFailure(`Invalid regular expression /${content}/: ${(e as Error).message}`, start)
      }
      return { kind: 'value', value: { type: 'mask', pattern: content }, raw: text.slice(start, end + 1), start, end: end + 1 }
    }
    case '"':
    case "'": {
      const { content, end } = readEscaped(text, start + 1, c)
      if (text[end] !== c) throw new ParseFailure(`Missing '${c}' at the end of the string`, end)
      return { kind: 'value', value: { type: 'string', value: content }, raw: text.slice(start, end + 1), start, end: end + 1 }
    }
    case '[': {
      const { content, end } = readEscaped(text, start + 1, ']')
      if (text[end] !== ']') throw new ParseFailure("Missing ']' at the end of the date", end)
      return { kind: 'value', value: readBracketDate(content, start), raw: text.slice(start, end + 1), start, end: end + 1 }
    }
    case '{': {
      const amount = readAmountLiteral(text, start + 1, true)
      if (!amount) throw new ParseFailure('No quantity specified for amount', start + 1)
      if (text[amount.end] !== '}') {
        const found = text[amount.end]
        throw new ParseFailure(found === undefined ? "Missing '}'" : `Invalid char '${found}' (wanted '}')`, amount.end)
      }
      return { kind: 'value', value: amount.value, raw: text.slice(start, amount.end + 1), start, end: amount.end + 1 }
    }
    default:
      break
  }
  // ledger reads up to five letters for a reserved word, so `falsey` is `false` then `y`.
  if ('adefiont'.includes(c)) {
    const word = /^[A-Za-z]{1,5}/.exec(text.slice(start, start + 5))?.[0] ?? ''
    if (RESERVED.has(word)) {
      if (word === 'true' || word === 'false') return { kind: 'value', value: { type: 'boolean', value: word === 'true' }, raw: word, start, end: start + word.length }
      const as = ({ and: '&', or: '|', not: '!', div: '/' } as Record<string, string>)[word] ?? word
      return op(as, word.length)
    }
  }
  const amount = readAmountLiteral(text, start, false)
  if (amount) return { kind: 'value', value: amount.value, raw: text.slice(start, amount.end), start, end: amount.end }
  const ident = /^[A-Za-z0-9_]+/.exec(text.slice(start, start + 256))?.[0]
  if (!ident) throw new ParseFailure(`Invalid char '${c}'`, start)
  return { kind: 'ident', name: ident, start, end: start + ident.length }
}

function describe(tok: Token): string {
  switch (tok.kind) {
    case 'eof':
      return 'end of expression'
    case 'value':
      return `value '${tok.raw}'`
    case 'ident':
      return `identifier '${tok.name}'`
    case 'op':
      return `'${tok.op}'`
  }
}

// ---------------------------------------------------------------------------
// Parser (ledger's precedence climbing, parser.cc)
// ---------------------------------------------------------------------------

const COMPARISONS = new Set(['==', '!=', '<', '<=', '>', '>=', '=~', '!~'])
const MAX_NESTING = 200

class Parser {
  private pos = 0
  private nesting = 0
  private cache: { pos: number; ctx: Context; tok: Token } | undefined

  constructor(private readonly text: string) {}

  private peek(ctx: Context): Token {
    const c = this.cache
    if (c && c.pos === this.pos && c.ctx === ctx) return c.tok
    const tok = lex(this.text, this.pos, ctx)
    this.cache = { pos: this.pos, ctx, tok }
    return tok
  }

  private take(tok: Token): void {
    this.pos = tok.end
  }

  private isOp(tok: Token, op: string): boolean {
    return tok.kind === 'op' && tok.op === op
  }

  private required(node: ExprNode | undefined, what: string, at: Token): ExprNode {
    if (node) return node
    const found = this.peek('term')
    throw new ParseFailure(`${what} not followed by an argument${found.kind === 'eof' ? '' : ` (found ${describe(found)})`}`, found.kind === 'eof' ? at.start : found.start)
  }

  private expect(op: string): Token {
    const tok = this.peek('op')
    if (this.isOp(tok, op)) {
      this.take(tok)
      return tok
    }
    throw new ParseFailure(tok.kind === 'eof' ? `Missing '${op}'` : `Unexpected ${describe(tok)} (wanted '${op}')`, tok.start)
  }

  parse(): ExprNode {
    const first = this.peek('term')
    if (first.kind === 'eof') throw new ParseFailure('Empty expression', first.start)
    const node = this.steps()
    if (!node) throw new ParseFailure(`Unexpected ${describe(this.peek('term'))}`, this.peek('term').start)
    const rest = this.peek('op')
    if (rest.kind !== 'eof') throw new ParseFailure(`Unexpected ${describe(rest)}`, rest.start)
    return node
  }

  private steps(): ExprNode | undefined {
    const first = this.assign()
    if (!first) return undefined
    const items = [first]
    for (let tok = this.peek('op'); this.isOp(tok, ';'); tok = this.peek('op')) {
      this.take(tok)
      const after = this.peek('term')
      if (after.kind === 'eof' || this.isOp(after, ')')) break
      items.push(this.required(this.assign(), "';' operator", tok))
    }
    return items.length === 1 ? first : { type: 'steps', items, span: spanOf(first, items[items.length - 1] as ExprNode) }
  }

  private assign(): ExprNode | undefined {
    const left = this.lambda()
    if (!left) return undefined
    const tok = this.peek('op')
    if (!this.isOp(tok, '=')) return left
    this.take(tok)
    const body = this.required(this.lambda(), "'=' operator", tok)
    const span = spanOf(left, body)
    if (left.type === 'ident') return { type: 'define', name: left.name, body, span }
    if (left.type === 'call' && left.callee.type === 'ident') {
      const params = paramNames(left.args)
      if (params) return { type: 'define', name: left.callee.name, params, body, span }
    }
    throw new ParseFailure('Invalid function definition: the left side of = must be NAME or NAME(PARAM, …)', left.span.start)
  }

  private lambda(): ExprNode | undefined {
    const left = this.list()
    if (!left) return undefined
    const tok = this.peek('op')
    if (!this.isOp(tok, '->')) return left
    this.take(tok)
    const body = this.required(this.conditional(), "'->' operator", tok)
    const params = left.type === 'list' ? paramNames(left.items) : paramNames([left])
    if (!params) throw new ParseFailure('Invalid lambda parameter: parameters must be names', left.span.start)
    return { type: 'lambda', params, body, span: spanOf(left, body) }
  }

  private list(): ExprNode | undefined {
    const first = this.conditional()
    if (!first) return undefined
    if (!this.isOp(this.peek('op'), ',')) return first
    const items = [first]
    for (let tok = this.peek('op'); this.isOp(tok, ','); tok = this.peek('op')) {
      this.take(tok)
      if (this.isOp(this.peek('term'), ')')) break
      items.push(this.required(this.conditional(), "',' operator", tok))
    }
    return { type: 'list', items, span: spanOf(first, items[items.length - 1] as ExprNode) }
  }

  private conditional(): ExprNode | undefined {
    const first = this.or()
    if (!first) return undefined
    const tok = this.peek('op')
    if (this.isOp(tok, '?')) {
      this.take(tok)
      const consequent = this.required(this.or(), "'?' operator", tok)
      this.expect(':')
      const alternate = this.required(this.or(), "':' operator", tok)
      return { type: 'conditional', test: first, consequent, alternate, span: spanOf(first, alternate) }
    }
    if (this.isOp(tok, 'if')) {
      this.take(tok)
      const test = this.required(this.or(), "'if' keyword", tok)
      const elseTok = this.peek('op')
      if (this.isOp(elseTok, 'else')) {
        this.take(elseTok)
        const alternate = this.required(this.or(), "'else' keyword", elseTok)
        return { type: 'conditional', test, consequent: first, alternate, span: spanOf(first, alternate) }
      }
      const alternate: ExprNode = { type: 'literal', value: NULL, span: { start: test.span.end, end: test.span.end } }
      return { type: 'conditional', test, consequent: first, alternate, span: spanOf(first, test) }
    }
    return first
  }

  private binaryLevel(next: () => ExprNode | undefined, ops: (op: string) => boolean): ExprNode | undefined {
    let left = next()
    if (!left) return undefined
    for (let tok = this.peek('op'); tok.kind === 'op' && ops(tok.op); tok = this.peek('op')) {
      this.take(tok)
      const right = this.required(next(), `'${tok.op}' operator`, tok)
      left = { type: 'binary', op: tok.op as ExprBinaryOp, left, right, span: spanOf(left, right) }
    }
    return left
  }

  private or(): ExprNode | undefined {
    return this.binaryLevel(() => this.and(), (op) => op === '|')
  }

  private and(): ExprNode | undefined {
    return this.binaryLevel(() => this.logic(), (op) => op === '&')
  }

  private logic(): ExprNode | undefined {
    return this.binaryLevel(() => this.add(), (op) => COMPARISONS.has(op))
  }

  private add(): ExprNode | undefined {
    return this.binaryLevel(() => this.mul(), (op) => op === '+' || op === '-')
  }

  private mul(): ExprNode | undefined {
    return this.binaryLevel(() => this.unary(), (op) => op === '*' || op === '/')
  }

  private unary(): ExprNode | undefined {
    const tok = this.peek('term')
    if (!this.isOp(tok, '-') && !this.isOp(tok, '!')) return this.dot()
    this.take(tok)
    const op = (tok as { op: '-' | '!' }).op
    const operand = this.required(this.dot(), `'${op}' operator`, tok)
    const span = { start: tok.start, end: operand.span.end }
    // ledger folds a minus into a literal amount: `-$5` is the amount $-5.
    if (op === '-' && operand.type === 'literal' && operand.value.type === 'amount') {
      return { type: 'literal', value: amount(operand.value.quantity.neg(), operand.value.commodity), span }
    }
    return { type: 'unary', op, operand, span }
  }

  private dot(): ExprNode | undefined {
    let left = this.call()
    if (!left) return undefined
    for (let tok = this.peek('op'); this.isOp(tok, '.'); tok = this.peek('op')) {
      this.take(tok)
      const property = this.required(this.call(), "'.' operator", tok)
      left = { type: 'member', object: left, property, span: spanOf(left, property) }
    }
    return left
  }

  private call(): ExprNode | undefined {
    let left = this.term()
    if (!left) return undefined
    for (let tok = this.peek('op'); this.isOp(tok, '('); tok = this.peek('op')) {
      this.take(tok)
      this.enter(tok)
      let args: ExprNode[] = []
      if (!this.isOp(this.peek('term'), ')')) {
        const inner = this.required(this.steps(), "'(' of a call", tok)
        // `f(1, 2)` has two arguments, `f((1, 2))` one sequence (a list in
        // parentheses has a span that starts before its first item).
        const bare = inner.type === 'list' && inner.span.start === (inner.items[0] as ExprNode).span.start
        args = bare ? inner.items : [inner]
      }
      const close = this.expect(')')
      this.nesting--
      left = { type: 'call', callee: left, args, span: { start: left.span.start, end: close.end } }
    }
    return left
  }

  private term(): ExprNode | undefined {
    const tok = this.peek('term')
    if (tok.kind === 'value') {
      this.take(tok)
      return { type: 'literal', value: tok.value, span: { start: tok.start, end: tok.end } }
    }
    if (tok.kind === 'ident') {
      this.take(tok)
      return { type: 'ident', name: tok.name, span: { start: tok.start, end: tok.end } }
    }
    if (this.isOp(tok, '(')) {
      this.take(tok)
      this.enter(tok)
      if (this.isOp(this.peek('term'), ')')) throw new ParseFailure('Empty parentheses: expected an expression', tok.end)
      const inner = this.required(this.steps(), "'('", tok)
      const close = this.expect(')')
      this.nesting--
      return { ...inner, span: { start: tok.start, end: close.end } } as ExprNode
    }
    return undefined
  }

  private enter(tok: Token): void {
    if (++this.nesting > MAX_NESTING) throw new ParseFailure(`Expression nested more than ${MAX_NESTING} parentheses deep`, tok.start)
  }
}

function spanOf(first: ExprNode, last: ExprNode): Span {
  return { start: first.span.start, end: last.span.end }
}

function paramNames(nodes: readonly ExprNode[]): string[] | undefined {
  const names: string[] = []
  for (const n of nodes) {
    if (n.type !== 'ident') return undefined
    names.push(n.name)
  }
  return names
}

/**
 * Parse a value expression. The whole text must be one expression; a posting
 * amount is passed with its parentheses (`($10 / 3)`).
 */
export function parseExpr(text: string): ExprParseResult {
  try {
    return { expr: new Parser(text).parse() }
  } catch (e) {
    if (e instanceof ParseFailure) return { error: e.message, errorOffset: e.offset }
    if (e instanceof RangeError) return { error: 'Expression too deeply nested', errorOffset: 0 }
    throw e
  }
}

function parseOrThrow(text: string): ExprNode {
  const r = parseExpr(text)
  if (!r.expr) throw new ExprError(r.error ?? 'Invalid expression', { start: r.errorOffset ?? 0, end: r.errorOffset ?? 0 })
  return r.expr
}

// ---------------------------------------------------------------------------
// Value helpers
// ---------------------------------------------------------------------------

const NULL: NullValue = { type: 'null' }

/** What ledger 3.3's definitions see for a posting's names: nothing (see {@link Definitions}). */
const UNBOUND_POSTING_NAMES: ReadonlyMap<string, ExprValue> = new Map<string, ExprValue>([
  ['amount', NULL], ['a', NULL], ['cost', NULL], ['b', NULL], ['date', NULL], ['d', NULL],
  ['payee', { type: 'string', value: '' }], ['account', { type: 'string', value: '' }], ['account_base', { type: 'string', value: '' }],
  ['note', { type: 'string', value: '' }], ['code', { type: 'string', value: '' }],
])
const TRUE: BooleanValue = { type: 'boolean', value: true }
const FALSE: BooleanValue = { type: 'boolean', value: false }
const ZERO = new Decimal(0)

const bool = (b: boolean): BooleanValue => (b ? TRUE : FALSE)
/** An amount value; a negative zero becomes zero. */
const amount = (quantity: Decimal, commodity: string): AmountValue => ({ type: 'amount', quantity: quantity.isZero() ? ZERO : quantity, commodity })

/** ledger's name for a kind of value, as used in its error messages ("an amount"). */
export function labelOf(v: ExprValue): string {
  switch (v.type) {
    case 'null':
      return 'an uninitialized value'
    case 'boolean':
      return 'a boolean'
    case 'amount':
      return 'an amount'
    case 'balance':
      return 'a balance'
    case 'string':
      return 'a string'
    case 'date':
      return 'a date'
    case 'mask':
      return 'a regexp'
    case 'sequence':
      return 'a sequence'
    case 'function':
      return 'a function'
  }
}

/** Ledger's truth of a value: null, false, zero, an all-zero balance, `""` and an empty sequence are false. A regexp has no truth value. */
export function isTruthy(v: ExprValue): boolean {
  switch (v.type) {
    case 'null':
      return false
    case 'boolean':
      return v.value
    case 'amount':
      return !v.quantity.isZero()
    case 'balance':
      return v.amounts.some((a) => !a.quantity.isZero())
    case 'string':
      return v.value !== ''
    case 'date':
      return true
    case 'mask':
      throw new ExprError(`Cannot determine truth of a regexp (did you mean 'account =~ /${v.pattern}/'?)`)
    case 'sequence':
      return v.values.some(isTruthy)
    case 'function':
      return true
  }
}

function symbolText(commodity: string): string {
  return [...commodity].some((ch) => NOT_SYMBOL.test(ch)) ? `"${commodity}"` : commodity
}

function formatAmount(a: ExprAmount): string {
  const n = a.quantity.toFixed()
  if (!a.commodity) return n
  const sym = symbolText(a.commodity)
  return [...a.commodity].length === 1 && !/\p{L}/u.test(a.commodity) ? `${sym}${n}` : `${n} ${sym}`
}

/**
 * A value as text, roughly as ledger's `to_string` writes it: amounts at full
 * precision with the symbol before a one-character non-letter symbol (`$-3.5`)
 * and after others (`10 EUR`), dates as `YYYY/MM/DD`, booleans as
 * `true`/`false`, null as `''`.
 */
export function formatExprValue(v: ExprValue): string {
  switch (v.type) {
    case 'null':
      return ''
    case 'boolean':
      return v.value ? 'true' : 'false'
    case 'amount':
      return formatAmount(v)
    case 'balance':
      return v.amounts.length ? v.amounts.map(formatAmount).join(', ') : '0'
    case 'string':
      return v.value
    case 'date':
      return v.value.replace(/-/g, '/')
    case 'mask':
      return v.pattern
    case 'sequence':
      return `(${v.values.map(formatExprValue).join(', ')})`
    case 'function':
      return `<function ${v.name}>`
  }
}

function balanceOf(entries: Iterable<[string, Decimal]>): BalanceValue {
  const amounts: ExprAmount[] = []
  for (const [commodity, quantity] of entries) if (!quantity.isZero()) amounts.push({ quantity, commodity })
  amounts.sort((a, b) => (a.commodity < b.commodity ? -1 : a.commodity > b.commodity ? 1 : 0))
  return { type: 'balance', amounts }
}

function entriesOf(v: AmountValue | BalanceValue): Map<string, Decimal> {
  const map = new Map<string, Decimal>()
  const list = v.type === 'amount' ? [v] : v.amounts
  for (const a of list) if (!a.quantity.isZero()) map.set(a.commodity, a.quantity)
  return map
}

function combine(a: AmountValue | BalanceValue, b: AmountValue | BalanceValue, sign: 1 | -1): BalanceValue {
  const map = entriesOf(a)
  for (const x of b.type === 'amount' ? [b] : b.amounts) {
    const cur = map.get(x.commodity) ?? ZERO
    map.set(x.commodity, sign === 1 ? plus(cur, x.quantity) : minus(cur, x.quantity))
  }
  return balanceOf(map)
}

/** ledger's `in_place_simplify`, applied after a subtraction. */
function simplify(v: ExprValue): ExprValue {
  if (v.type === 'amount' && v.quantity.isZero()) return amount(ZERO, '')
  if (v.type === 'balance') {
    if (v.amounts.length === 0) return amount(ZERO, '')
    if (v.amounts.length === 1) return amount((v.amounts[0] as ExprAmount).quantity, (v.amounts[0] as ExprAmount).commodity)
  }
  return v
}

/** The single amount of a balance, or an error. */
function singleAmount(v: BalanceValue): AmountValue | undefined {
  if (v.amounts.length === 0) return amount(ZERO, '')
  if (v.amounts.length === 1) return amount((v.amounts[0] as ExprAmount).quantity, (v.amounts[0] as ExprAmount).commodity)
  return undefined
}

function balanceToAmount(v: BalanceValue): AmountValue {
  const single = singleAmount(v)
  if (!single) throw new ExprError(`Cannot convert a balance with several commodities (${formatExprValue(v)}) to an amount`)
  return single
}

/** ledger's `to_long`: the nearest integer, halves to even. */
function toInteger(v: ExprValue, what: string): number {
  let q: Decimal
  if (v.type === 'amount') q = v.quantity
  else if (v.type === 'boolean') q = new Decimal(v.value ? 1 : 0)
  else if (v.type === 'null') q = ZERO
  else throw new ExprError(`${what} needs a number, not ${labelOf(v)}`)
  return q.toDecimalPlaces(0, Decimal.ROUND_HALF_EVEN).toNumber()
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}

// ---------------------------------------------------------------------------
// Operators (ledger's value_t)
// ---------------------------------------------------------------------------

function add(a: ExprValue, b: ExprValue): ExprValue {
  if (a.type === 'string') return { type: 'string', value: a.value + formatExprValue(b) }
  if (a.type === 'null') return b
  if (a.type === 'date' && b.type === 'amount') return { type: 'date', value: addDays(a.value, toInteger(b, 'Date arithmetic')) }
  if (a.type === 'sequence' && b.type === 'sequence') return pairwise(a, b, add, 'add')
  if ((a.type === 'amount' || a.type === 'balance') && (b.type === 'amount' || b.type === 'balance')) {
    if (a.type === 'amount' && b.type === 'amount' && a.commodity === b.commodity) return amount(plus(a.quantity, b.quantity), a.commodity)
    return combine(a, b, 1)
  }
  throw new ExprError(`Cannot add ${labelOf(b)} to ${labelOf(a)}`)
}

function subtract(a: ExprValue, b: ExprValue): ExprValue {
  if (a.type === 'date' && b.type === 'amount') return { type: 'date', value: addDays(a.value, -toInteger(b, 'Date arithmetic')) }
  if (a.type === 'sequence' && b.type === 'sequence') return pairwise(a, b, subtract, 'subtract')
  if ((a.type === 'amount' || a.type === 'balance') && (b.type === 'amount' || b.type === 'balance')) {
    if (a.type === 'amount' && b.type === 'amount' && a.commodity === b.commodity) return simplify(amount(minus(a.quantity, b.quantity), a.commodity))
    return simplify(combine(a, b, -1))
  }
  throw new ExprError(`Cannot subtract ${labelOf(b)} from ${labelOf(a)}`)
}

function pairwise(a: SequenceValue, b: SequenceValue, f: (x: ExprValue, y: ExprValue) => ExprValue, verb: string): SequenceValue {
  if (a.values.length !== b.values.length) throw new ExprError(`Cannot ${verb} sequences of different lengths`)
  return { type: 'sequence', values: a.values.map((x, i) => f(x, b.values[i] as ExprValue)) }
}

function multiply(a: ExprValue, b: ExprValue): ExprValue {
  if (a.type === 'string') return { type: 'string', value: a.value.repeat(Math.max(0, toInteger(b, 'Repeating a string'))) }
  if (a.type === 'amount') {
    const right = b.type === 'balance' ? singleAmount(b) : b
    if (right?.type === 'amount') return amount(times(a.quantity, right.quantity), a.commodity || right.commodity)
  }
  if (a.type === 'balance' && b.type === 'amount') {
    const single = singleAmount(a)
    if (single) return amount(times(single.quantity, b.quantity), single.commodity || b.commodity)
    if (!b.commodity) return balanceOf(a.amounts.map((x) => [x.commodity, times(x.quantity, b.quantity)]))
  }
  throw new ExprError(`Cannot multiply ${labelOf(a)} with ${labelOf(b)}`)
}

function divide(a: ExprValue, b: ExprValue): ExprValue {
  const check = (d: Decimal): Decimal => {
    if (d.isZero()) throw new ExprError('Divide by zero')
    return d
  }
  if (a.type === 'amount') {
    const right = b.type === 'balance' ? singleAmount(b) : b
    if (right?.type === 'amount') return amount(over(a.quantity, check(right.quantity)), a.commodity || right.commodity)
  }
  if (a.type === 'balance' && b.type === 'amount') {
    const single = singleAmount(a)
    if (single) return amount(over(single.quantity, check(b.quantity)), single.commodity || b.commodity)
    if (!b.commodity) return balanceOf(a.amounts.map((x) => [x.commodity, over(x.quantity, check(b.quantity))]))
  }
  throw new ExprError(`Cannot divide ${labelOf(a)} by ${labelOf(b)}`)
}

function negate(v: ExprValue): ExprValue {
  switch (v.type) {
    case 'amount':
      return amount(v.quantity.neg(), v.commodity)
    case 'balance':
      return balanceOf(v.amounts.map((x) => [x.commodity, x.quantity.neg()]))
    case 'boolean':
      return bool(!v.value)
    case 'sequence':
      return { type: 'sequence', values: v.values.map(negate) }
    default:
      throw new ExprError(`Cannot negate ${labelOf(v)}`)
  }
}

function not(v: ExprValue): ExprValue {
  if (v.type === 'mask') throw new ExprError("Cannot 'not' a regexp")
  return bool(!isTruthy(v))
}

function cannotCompare(a: ExprValue, b: ExprValue): ExprError {
  return new ExprError(`Cannot compare ${labelOf(a)} to ${labelOf(b)}`)
}

function balanceEqualsAmount(bal: BalanceValue, a: AmountValue): boolean {
  if (a.quantity.isZero()) return bal.amounts.length === 0
  const only = bal.amounts[0]
  return bal.amounts.length === 1 && only !== undefined && only.commodity === a.commodity && only.quantity.equals(a.quantity)
}

/** ledger's `==`: the same kind of value, and for amounts the same commodity. */
function equals(a: ExprValue, b: ExprValue): boolean {
  switch (a.type) {
    case 'null':
      return b.type === 'null'
    case 'boolean':
      if (b.type === 'boolean') return a.value === b.value
      break
    case 'date':
      if (b.type === 'date') return a.value === b.value
      break
    case 'amount':
      if (b.type === 'amount') return a.commodity === b.commodity && a.quantity.equals(b.quantity)
      if (b.type === 'balance') return balanceEqualsAmount(b, a)
      break
    case 'balance':
      if (b.type === 'amount') return balanceEqualsAmount(a, b)
      if (b.type === 'balance') return a.amounts.length === b.amounts.length && a.amounts.every((x, i) => x.commodity === b.amounts[i]?.commodity && x.quantity.equals(b.amounts[i]?.quantity ?? ZERO))
      break
    case 'string':
      if (b.type === 'string') return a.value === b.value
      break
    case 'mask':
      if (b.type === 'mask') return a.pattern === b.pattern
      break
    case 'sequence':
      if (b.type === 'sequence') return a.values.length === b.values.length && a.values.every((x, i) => equals(x, b.values[i] as ExprValue))
      break
    default:
      break
  }
  throw cannotCompare(a, b)
}

/** ledger's `<` (`value_t::is_less_than`). */
function less(a: ExprValue, b: ExprValue): boolean {
  switch (a.type) {
    case 'boolean':
      if (b.type === 'boolean') return !a.value && b.value
      break
    case 'date':
      if (b.type === 'date') return a.value < b.value
      break
    case 'string':
      if (b.type === 'string') return a.value < b.value
      break
    case 'amount':
      if (b.type === 'amount') {
        if (a.commodity === b.commodity || !a.commodity || !b.commodity) return a.quantity.lessThan(b.quantity)
        return a.commodity < b.commodity
      }
      if (b.type === 'balance') return less(a, balanceToAmount(b))
      break
    case 'balance':
      if (b.type === 'amount') return a.amounts.length > 0 && a.amounts.every((x) => less(amount(x.quantity, x.commodity), b))
      if (b.type === 'balance') return less(balanceToAmount(a), balanceToAmount(b))
      break
    default:
      break
  }
  throw cannotCompare(a, b)
}

function compare(op: ExprBinaryOp, a: ExprValue, b: ExprValue): boolean {
  switch (op) {
    case '==':
      return equals(a, b)
    case '!=':
      return !equals(a, b)
    case '<':
      return less(a, b)
    case '>':
      return less(b, a)
    case '<=':
      return !less(b, a)
    default:
      return !less(a, b)
  }
}

function match(a: ExprValue, b: ExprValue): boolean {
  if (b.type !== 'mask') throw new ExprError(`The right side of '=~' must be a regular expression such as /text/, not ${labelOf(b)}`)
  return new RegExp(b.pattern, 'i').test(formatExprValue(a))
}

// ---------------------------------------------------------------------------
// Evaluation
// ---------------------------------------------------------------------------

const MAX_CALL_DEPTH = 256
let callDepth = 0

function callFunction(fn: ExprFunction, args: readonly ExprValue[], scope: ExprScope): ExprValue {
  if (++callDepth > MAX_CALL_DEPTH) {
    callDepth--
    throw new ExprError(`Function recursion too deep (more than ${MAX_CALL_DEPTH} calls) in '${fn.name}'`)
  }
  try {
    return fn.call(args, scope)
  } finally {
    callDepth--
  }
}

function findName(name: string, scope: ExprScope): ExprValue | undefined {
  return scope.lookup(name) ?? BUILTINS.get(name)
}

function resolveName(name: string, scope: ExprScope): ExprValue {
  const found = findName(name, scope)
  if (found === undefined) throw new ExprError(`Unknown identifier '${name}'`)
  return found.type === 'function' && found.kind === 'native' ? callFunction(found, [], scope) : found
}

/** A lambda whose free names are looked up in `capture` first, then at the call site. */
function makeLambda(name: string, params: readonly string[], body: ExprNode, capture: (name: string) => ExprValue | undefined): ExprFunction {
  return {
    type: 'function',
    name,
    kind: 'lambda',
    call(args, scope) {
      if (args.length > params.length) throw new ExprError(`Too many arguments in call to '${name}' (got ${args.length}, takes ${params.length})`)
      const frame = new Map<string, ExprValue>(params.map((p, i) => [p, args[i] ?? NULL]))
      return evaluate(body, chainScope((n) => frame.get(n) ?? capture(n), scope))
    },
  }
}

function chainScope(first: (name: string) => ExprValue | undefined, then: ExprScope): ExprScope {
  const scope: ExprScope = { lookup: (name) => first(name) ?? then.lookup(name) }
  if (then.define) scope.define = then.define.bind(then)
  return scope
}

function evaluate(node: ExprNode, scope: ExprScope): ExprValue {
  try {
    return evaluateNode(node, scope)
  } catch (e) {
    if (e instanceof ExprError && !e.span) e.span = node.span
    throw e
  }
}

type BinaryNode = Extract<ExprNode, { type: 'binary' }>

function applyBinary(node: BinaryNode, left: ExprValue, scope: ExprScope): ExprValue {
  if (node.op === '&') return isTruthy(left) ? evaluate(node.right, scope) : FALSE
  if (node.op === '|') return isTruthy(left) ? left : evaluate(node.right, scope)
  const right = evaluate(node.right, scope)
  switch (node.op) {
    case '+':
      return add(left, right)
    case '-':
      return subtract(left, right)
    case '*':
      return multiply(left, right)
    case '/':
      return divide(left, right)
    case '=~':
      return bool(match(left, right))
    case '!~':
      return bool(!match(left, right))
    default:
      return bool(compare(node.op, left, right))
  }
}

function evaluateNode(node: ExprNode, scope: ExprScope): ExprValue {
  switch (node.type) {
    case 'literal':
      return node.value
    case 'ident':
      return resolveName(node.name, scope)
    case 'unary':
      return node.op === '-' ? negate(evaluate(node.operand, scope)) : not(evaluate(node.operand, scope))
    case 'binary': {
      // Walk the left spine of a left-associative chain (`1 + 2 + … + n`)
      // with a loop, so a long chain does not exhaust the stack.
      const spine: BinaryNode[] = [node]
      let leftmost: ExprNode = node.left
      while (leftmost.type === 'binary') {
        spine.push(leftmost)
        leftmost = leftmost.left
      }
      let acc = evaluate(leftmost, scope)
      for (let i = spine.length - 1; i >= 0; i--) {
        const b = spine[i] as BinaryNode
        try {
          acc = applyBinary(b, acc, scope)
        } catch (e) {
          if (e instanceof ExprError && !e.span) e.span = b.span
          throw e
        }
      }
      return acc
    }
    case 'conditional':
      return isTruthy(evaluate(node.test, scope)) ? evaluate(node.consequent, scope) : evaluate(node.alternate, scope)
    case 'call': {
      if (node.callee.type === 'ident' && (node.callee.name === 'any' || node.callee.name === 'all') && scope.postings && scope.lookup(node.callee.name) === undefined) {
        // ledger evaluates the argument for each posting of the transaction
        const test = node.args[0]
        if (!test || node.args.length > 1) throw new ExprError(`${node.callee.name}() takes one expression`, node.span)
        const each = scope.postings().map((s) => isTruthy(evaluate(test, s)))
        return bool(node.callee.name === 'any' ? each.some(Boolean) : each.every(Boolean))
      }
      const callee = node.callee.type === 'ident' ? findName(node.callee.name, scope) : evaluate(node.callee, scope)
      if (callee === undefined) throw new ExprError(`Unknown identifier '${(node.callee as { name: string }).name}'`, node.callee.span)
      if (callee.type !== 'function') throw new ExprError(`Cannot call ${labelOf(callee)} as a function`)
      const args = node.args.map((a) => evaluate(a, scope))
      return callFunction(callee, args, scope)
    }
    case 'member':
      throw new ExprError("The '.' lookup operator is not supported")
    case 'list':
      return { type: 'sequence', values: node.items.map((n) => evaluate(n, scope)) }
    case 'steps': {
      let last: ExprValue = NULL
      for (const n of node.items) last = evaluate(n, scope)
      return last
    }
    case 'lambda':
      return makeLambda('lambda', node.params, node.body, (n) => scope.lookup(n))
    case 'define': {
      if (!scope.define) throw new ExprError(`Cannot define '${node.name}' here`)
      const def: ExprDefinition = node.params ? { name: node.name, params: node.params, body: node.body } : { name: node.name, body: node.body }
      scope.define(def)
      return NULL
    }
  }
}

/**
 * Evaluate a parsed expression. Names resolve in `scope`, then in the
 * built-in functions. Definitions made by the expression (`x = 1`) go to
 * `scope.define` when the scope has one, else they last for this evaluation.
 * Throws {@link ExprError} for anything it cannot evaluate.
 */
export function evaluateExpr(expr: ExprNode, scope?: ExprScope): ExprValue {
  const base = scope ?? EMPTY_SCOPE
  const s = base.define ? base : new Definitions().scope(base)
  try {
    return evaluate(expr, s)
  } catch (e) {
    if (e instanceof RangeError) throw new ExprError('Expression too deeply nested to evaluate', expr.span)
    throw e
  }
}

/**
 * Evaluate a posting amount, cost or balance assertion written as an
 * expression (`($10 / 3)`, with its parentheses). The result must be a single
 * amount, as in ledger; a plain number has commodity `''`.
 */
export function evaluateAmountExpr(text: string, scope?: ExprScope): ExprAmount {
  const expr = parseOrThrow(text)
  const v = evaluateExpr(expr, scope)
  if (v.type === 'amount') return { quantity: v.quantity, commodity: v.commodity }
  const what =
    v.type !== 'balance'
      ? labelOf(v)
      : v.amounts.length > 1
        ? `a balance of ${v.amounts.length} commodities (${formatExprValue(v)})`
        : `a balance (${formatExprValue(v)}): a sum with a plain number or another commodity stays a balance`
  throw new ExprError(`Amount expressions must result in a simple amount, but this one gives ${what}`, expr.span)
}

/** Evaluate a `check` or `assert` expression to true or false. */
export function evaluatePredicate(text: string, scope?: ExprScope): boolean {
  const expr = parseOrThrow(text)
  const v = evaluateExpr(expr, scope)
  try {
    return isTruthy(v)
  } catch (e) {
    if (e instanceof ExprError && !e.span) e.span = expr.span
    throw e
  }
}

const EMPTY_SCOPE: ExprScope = { lookup: () => undefined }

// ---------------------------------------------------------------------------
// Definitions
// ---------------------------------------------------------------------------

/**
 * The variables and functions of `define`/`def` directives, in order.
 *
 * As in ledger, a definition sees the definitions made before it as they were
 * then (`define rate = 0.1`, `define fee = $10 * rate`, `define rate = 0.5`:
 * `fee` is `$1`), and names it does not know then are looked up where it is
 * used. A variable is computed each time it is used. Ledger 3.3 binds names
 * such as `amount` to its own session functions at definition time, so
 * `define x = amount * 2` fails there when used in a posting; here it uses
 * the posting's amount.
 */
export class Definitions {
  private table = new Map<string, ExprFunction>()

  /**
   * `ledger33`: bind a posting's names (`amount`, `payee`, `account`, …) in a
   * definition's body when it is defined, as ledger 3.3 does, so they are
   * empty there (`define big = amount > 100` is then never true in a
   * posting, and `amount * 2` fails). Off by default: names are then looked
   * up where the definition is used.
   */
  constructor(private readonly options: { ledger33?: boolean } = {}) {}

  /** Read a directive's argument: `NAME = EXPR` or `NAME(PARAM, …) = EXPR`. Throws {@link ExprError}. */
  define(text: string): void {
    const expr = parseOrThrow(text)
    const defines = expr.type === 'define' || (expr.type === 'steps' && expr.items.some((n) => n.type === 'define'))
    if (!defines) throw new ExprError(`Expected NAME = EXPR or NAME(PARAM, …) = EXPR, found '${text.trim()}'`, expr.span)
    evaluate(expr, this.scope())
  }

  /** Record a parsed definition. */
  add(definition: ExprDefinition): void {
    const { name, params, body } = definition
    const env = new Map(this.table)
    const early = this.options.ledger33 === true
    const capture = (n: string): ExprValue | undefined => env.get(n) ?? (early ? UNBOUND_POSTING_NAMES.get(n) : undefined)
    if (params) {
      this.table.set(name, makeLambda(name, params, body, capture))
      return
    }
    this.table.set(name, {
      type: 'function',
      name,
      kind: 'native',
      call(args, scope) {
        const value = evaluate(body, chainScope(capture, scope))
        if (args.length === 0) return value
        if (value.type === 'function') return callFunction(value, args, scope)
        throw new ExprError(`Cannot call ${labelOf(value)} as a function`)
      },
    })
  }

  /** Whether `name` is defined. */
  has(name: string): boolean {
    return this.table.has(name)
  }

  /** The defined names, in the order of their first definition. */
  names(): string[] {
    return [...this.table.keys()]
  }

  /** A scope that looks names up here, then in `parent`; definitions made by expressions are kept here. */
  scope(parent?: ExprScope): ExprScope {
    return {
      lookup: (name) => this.table.get(name) ?? parent?.lookup(name),
      define: (definition) => this.add(definition),
    }
  }
}

// ---------------------------------------------------------------------------
// Postings
// ---------------------------------------------------------------------------

/** What an expression can ask about a posting (all optional). */
export interface PostingFacts {
  amount?: ExprAmount
  account?: string
  payee?: string
  /** `YYYY-MM-DD`. */
  date?: string
  note?: string
  code?: string
  status?: '' | '*' | '!'
  /** Tags and metadata of the posting and its transaction: `true` for a tag without a value. */
  tags?: Readonly<Record<string, string | true>>
  /** Tags written `key:: value`, whose value ledger reads as an expression. */
  typedTags?: ReadonlySet<string>
}

function tagMatcher(v: ExprValue | undefined, fn: string): (name: string) => boolean {
  if (v?.type === 'string') return (name) => name === v.value
  if (v?.type === 'mask') {
    const re = new RegExp(v.pattern, 'i')
    return (name) => re.test(name)
  }
  throw new ExprError(`${fn}() needs a tag name ("name" or /regex/), not ${v ? labelOf(v) : 'nothing'}`)
}

function native(name: string, call: (args: readonly ExprValue[], scope: ExprScope) => ExprValue): ExprFunction {
  return { type: 'function', name, kind: 'native', call }
}

/**
 * A scope for expressions about one posting (automated transactions,
 * `check`, `assert`): `amount`, `account`, `account_base`, `payee`, `date`,
 * `note`, `code`, `cleared`, `pending`, `tag(name)`/`meta(name)` (the value,
 * or null) and `has_tag(name[, /value/])`/`has_meta`. A tag name may be a
 * string or a regular expression. Other names go to `parent`, which also
 * receives definitions; as in ledger, the posting's names come before the
 * journal's definitions, so pass `definitions.scope()` as the parent.
 */
export function postingScope(post: PostingFacts, parent?: ExprScope): ExprScope {
  const tags = Object.entries(post.tags ?? {})
  const names = new Map<string, ExprValue>()
  if (post.amount) names.set('amount', amount(post.amount.quantity, post.amount.commodity))
  if (post.account !== undefined) {
    names.set('account', { type: 'string', value: post.account })
    names.set('account_base', { type: 'string', value: post.account.slice(post.account.lastIndexOf(':') + 1) })
  }
  if (post.payee !== undefined) names.set('payee', { type: 'string', value: post.payee })
  if (post.date !== undefined) names.set('date', { type: 'date', value: post.date })
  if (post.note !== undefined) {
    names.set('note', { type: 'string', value: post.note })
    names.set('comment', { type: 'string', value: post.note })
  }
  if (post.code !== undefined) names.set('code', { type: 'string', value: post.code })
  if (post.status !== undefined) {
    names.set('cleared', bool(post.status === '*'))
    names.set('pending', bool(post.status === '!'))
  }
  const tag = native('tag', (args) => {
    const matches = tagMatcher(args[0], 'tag')
    const found = tags.find(([name]) => matches(name))
    if (!found || found[1] === true) return NULL
    if (post.typedTags?.has(found[0])) {
      // a typed value is an expression: `VAT:: 0.19` is the number 0.19
      const parsed = parseExpr(found[1])
      if (parsed.expr) {
        try {
          return evaluate(parsed.expr, parent ?? { lookup: () => undefined })
        } catch {
          // fall back to the text, as an untyped value
        }
      }
    }
    return { type: 'string', value: found[1] }
  })
  const hasTag = native('has_tag', (args) => {
    const matches = tagMatcher(args[0], 'has_tag')
    const value = args[1]
    if (value !== undefined && value.type !== 'mask' && value.type !== 'string') throw new ExprError(`has_tag() needs a value pattern, not ${labelOf(value)}`)
    return bool(tags.some(([name, v]) => matches(name) && (value === undefined || (v !== true && (value.type === 'mask' ? new RegExp(value.pattern, 'i').test(v) : v === value.value)))))
  })
  names.set('tag', tag)
  names.set('meta', tag)
  names.set('has_tag', hasTag)
  names.set('has_meta', hasTag)
  const scope: ExprScope = { lookup: (name) => names.get(name) ?? parent?.lookup(name) }
  if (parent?.define) scope.define = parent.define.bind(parent)
  return scope
}

// ---------------------------------------------------------------------------
// Built-in functions
// ---------------------------------------------------------------------------

function arity(name: string, args: readonly ExprValue[], min: number, max = min): void {
  if (args.length < min || args.length > max) {
    const want = min === max ? `${min} argument${min === 1 ? '' : 's'}` : `${min} to ${max} arguments`
    throw new ExprError(`${name}() takes ${want}, got ${args.length}`)
  }
}

/** The argument, or the posting's `amount` when there is none (`commodity` alone in an automated transaction). */
function valueOrAmount(name: string, args: readonly ExprValue[], scope: ExprScope): ExprValue {
  arity(name, args, 0, 1)
  if (args[0] !== undefined) return args[0]
  const posted = findName('amount', scope)
  if (posted === undefined) throw new ExprError(`${name}() needs an argument here (there is no posting amount)`)
  return posted.type === 'function' && posted.kind === 'native' ? callFunction(posted, [], scope) : posted
}

function mapAmounts(name: string, v: ExprValue, f: (q: Decimal) => Decimal): ExprValue {
  if (v.type === 'amount') return amount(f(v.quantity), v.commodity)
  if (v.type === 'balance') return balanceOf(v.amounts.map((x) => [x.commodity, f(x.quantity)]))
  throw new ExprError(`${name}() needs an amount, not ${labelOf(v)}`)
}

function unary(name: string, f: (v: ExprValue) => ExprValue): ExprFunction {
  return native(name, (args) => {
    arity(name, args, 1)
    return f(args[0] as ExprValue)
  })
}

function today(): string {
  const d = new Date()
  const p = (n: number): string => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`
}

const identity = (name: string): ExprFunction => unary(name, (v) => v)
const toStringFn = unary('to_string', (v) => ({ type: 'string', value: formatExprValue(v) }))

const BUILTINS = new Map<string, ExprFunction>(
  [
    unary('abs', (v) => mapAmounts('abs', v, (q) => q.abs())),
    native('quantity', (args, scope) => {
      const v = valueOrAmount('quantity', args, scope)
      if (v.type === 'amount') return amount(v.quantity, '')
      if (v.type === 'balance') return amount(balanceToAmount(v).quantity, '')
      if (v.type === 'boolean') return amount(new Decimal(v.value ? 1 : 0), '')
      if (v.type === 'null') return amount(ZERO, '')
      throw new ExprError(`Cannot determine numeric value of ${labelOf(v)}`)
    }),
    native('commodity', (args, scope) => {
      const v = valueOrAmount('commodity', args, scope)
      if (v.type === 'amount') return { type: 'string', value: v.commodity }
      if (v.type === 'balance') return { type: 'string', value: balanceToAmount(v).commodity }
      throw new ExprError(`commodity() needs an amount, not ${labelOf(v)}`)
    }),
    identity('round'),
    identity('unround'),
    identity('strip'),
    native('roundto', (args) => {
      arity('roundto', args, 2)
      const places = toInteger(args[1] as ExprValue, 'roundto()')
      if (places < 0) throw new ExprError('roundto() needs a number of places of 0 or more')
      return mapAmounts('roundto', args[0] as ExprValue, (q) => q.toDecimalPlaces(places, Decimal.ROUND_HALF_CEIL))
    }),
    unary('floor', (v) => mapAmounts('floor', v, (q) => q.floor())),
    unary('ceiling', (v) => mapAmounts('ceiling', v, (q) => q.ceil())),
    native('min', (args) => {
      arity('min', args, 2)
      const [a, b] = args as [ExprValue, ExprValue]
      return less(b, a) ? b : a
    }),
    native('max', (args) => {
      arity('max', args, 2)
      const [a, b] = args as [ExprValue, ExprValue]
      return less(a, b) ? b : a
    }),
    unary('to_amount', (v) => {
      if (v.type === 'amount') return v
      if (v.type === 'null') return amount(ZERO, '')
      if (v.type === 'boolean') return amount(new Decimal(v.value ? 1 : 0), '')
      if (v.type === 'balance') return balanceToAmount(v)
      if (v.type === 'string') {
        const r = parseExpr(`{${v.value}}`)
        if (r.expr?.type === 'literal' && r.expr.value.type === 'amount') return r.expr.value
        throw new ExprError(`Cannot read '${v.value}' as an amount`)
      }
      throw new ExprError(`Cannot convert ${labelOf(v)} to an amount`)
    }),
    toStringFn,
    { ...toStringFn, name: 'str' },
    unary('to_int', (v) => amount(new Decimal(toInteger(v, 'to_int()')), '')),
    unary('to_boolean', (v) => bool(isTruthy(v))),
    unary('is_seq', (v) => bool(v.type === 'sequence')),
    native('null', (args) => {
      arity('null', args, 0)
      return NULL
    }),
    native('today', (args) => {
      arity('today', args, 0)
      return { type: 'date', value: today() }
    }),
  ].map((f): [string, ExprFunction] => [f.name, f]),
)

/** The names of the built-in functions, which every scope falls back to. */
export const BUILTIN_NAMES: readonly string[] = [...BUILTINS.keys()]
