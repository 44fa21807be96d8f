/**
 * The ptabridge syntax tree: one lossless tree for Ledger and hledger journals.
 *
 * This file is the specification. Every node type the parser can produce is
 * declared here, with the invariants that all other modules rely on:
 *
 * 1. **Lossless.** `print(parse(text)) === text` for every input, byte for byte.
 *    The printer builds its output only from node fields and `raws`; it never
 *    slices the source text. Whatever the grammar does not model becomes an
 *    {@link Opaque} node that keeps its text verbatim.
 * 2. **Cooked value beside raw text.** A field a user may edit (a date, an
 *    amount) is stored as a typed value; its exact source text sits in `raws`
 *    together with the value it was read as. The printer prints the raw text
 *    only while the field still equals that value, so an edit makes the stale
 *    text drop out with no dirty flag (the postcss "raws" technique).
 * 3. **Missing raws are inferred.** Nodes made by code (transforms, importers)
 *    have no raws; the printer takes indentation, amount alignment and each
 *    commodity's number style from the rest of the journal (`print/style.ts`).
 * 4. **Positions are compact.** A parsed node carries `span`, the half-open
 *    range of UTF-16 offsets it covers in its file (line terminator excluded).
 *    Line and column come from `positionOf()` in `position.ts`, which indexes
 *    the journal's source once. Generated nodes have no `span`. (The design
 *    study proposed unist points on every node; offsets alone cost a quarter of
 *    the memory on a 100k-transaction journal and lose nothing.)
 * 5. **JSON only.** No parent pointers and no class instances except
 *    `Decimal`, which serialises as a string; `JSON.parse(JSON.stringify(tree))`
 *    with `reviveJournal()` gives back an equal tree.
 * 6. **Store what was written, derive the rest.** Tags, payee/note splits,
 *    inferred amounts and balances are computed by helpers, never stored.
 * 7. **Comments are nodes**, kept in source order with their marker and exact
 *    text, so no comment is ever re-attached or lost.
 */
import type { Decimal } from 'decimal.js'

/** The two journal languages ptabridge reads and writes. */
export type Dialect = 'ledger' | 'hledger'

/** Half-open range `[start, end)` of UTF-16 code-unit offsets into a file's text. */
export interface Span {
  start: number
  end: number
}

/**
 * The exact text a typed field was read from, and the value it was read as.
 * The printer uses `raw` only while the node's field still equals `value`.
 */
export interface Cooked<T> {
  value: T
  raw: string
}

/** Line terminator as written: `'\n'`, `'\r\n'`, a lone `'\r'`, or `''` for a last line without one. */
export type Eol = '\n' | '\r\n' | '\r' | ''

/** Cleared state of a transaction or posting: none, `*` (cleared) or `!` (pending). */
export type Status = '' | '*' | '!'

/** Fields shared by every node. */
interface NodeBase<T extends string> {
  type: T
  /** Where the node was read from; absent on generated nodes. */
  span?: Span
}

// ---------------------------------------------------------------------------
// Journal and top-level entries
// ---------------------------------------------------------------------------

/** A whole file. */
export interface Journal extends NodeBase<'journal'> {
  /** The dialect the file was parsed as. */
  dialect: Dialect
  /** The file's path, when it came from a file. */
  file?: string
  /** Top-level entries in source order. */
  children: Entry[]
  raws: {
    /** `'\uFEFF'` when the file began with a byte-order mark. */
    bom?: string
  }
}

/** Anything that can stand at the top level of a journal. */
export type Entry =
  | Transaction
  | AutoTransaction
  | PeriodicTransaction
  | Directive
  | BlockComment
  | Comment
  | Blank
  | TimeclockEntry
  | Opaque

/** One empty or whitespace-only line. */
export interface Blank extends NodeBase<'blank'> {
  /** `eol` is absent on generated lines: the journal's line ending is used. */
  raws: { text: string; eol?: Eol }
}

/**
 * A comment. The same node serves three places:
 * - a whole comment line (at the top level, or inside a transaction or
 *   directive), where `raws.before` is the indentation and `raws.eol` is set;
 * - a comment at the end of a line (`transaction.comment`, `posting.comment`,
 *   `directive.comment`), where `raws.before` is the whitespace before the
 *   marker and there is no `eol`.
 * Tags and metadata are derived from `text` (see `tags.ts`).
 */
export interface Comment extends NodeBase<'comment'> {
  /** The comment character as written. */
  marker: CommentMarker
  /** Everything after the marker, verbatim (trailing whitespace included). */
  text: string
  raws: { before?: string | undefined; eol?: Eol | undefined }
}

/** Characters that start a comment: `;` everywhere; `#` `*` at the top level; `%` `|` in ledger. */
export type CommentMarker = ';' | '#' | '*' | '%' | '|'

/**
 * A multi-line comment block: `comment` … `end comment` (both dialects), or
 * ledger's `test` … `end test` and the `!`/`@`-prefixed forms. The body is kept
 * verbatim. An unterminated block runs to the end of the file and has no `end`.
 */
export interface BlockComment extends NodeBase<'blockComment'> {
  /** The opening keyword as written: `comment` or `test`. */
  keyword: 'comment' | 'test'
  /** `'!'` or `'@'` before the keyword (ledger), else `''`. */
  prefix: '' | '!' | '@'
  /** The body lines, each with its own terminator, verbatim. */
  lines: Array<{ text: string; eol: Eol }>
  /** The closing line, when there is one (`end comment`, `end test`, …). */
  end?: { text: string; eol: Eol }
  raws: {
    /** Text after the keyword on the opening line. */
    rest: string
    eol: Eol
  }
}

/** A line ptabridge keeps verbatim without modelling it (see `reason`). */
export interface Opaque extends NodeBase<'opaque'> {
  /** Why the text is opaque: a stable id such as `unknown-directive` or `syntax-error`. */
  reason: OpaqueReason
  raws: { text: string; eol?: Eol }
}

/** Stable reasons for {@link Opaque} nodes. */
export type OpaqueReason =
  | 'unknown-directive'
  | 'syntax-error'
  | 'stray-indented-line'
  | 'check-line'
  | 'python-line'
  | 'ignored-timeclock'

// ---------------------------------------------------------------------------
// Transactions
// ---------------------------------------------------------------------------

/**
 * A date as written, normalised: `YYYY-MM-DD`, or `MM-DD` for a year-less date
 * (the year comes from `Y`/`year` directives, resolved in the semantics layer).
 * Month and day are always two digits. The text as written is in raws.
 */
export type DateText = string

/** A dated transaction (an "entry" in ledger's words). */
export interface Transaction extends NodeBase<'transaction'> {
  date: DateText
  /** Secondary (auxiliary/effective) date, written `DATE=DATE2`. */
  auxDate?: DateText | undefined
  status: Status
  /** The text between `(` and `)`, when a code was given. */
  code?: string | undefined
  /**
   * The description as written (payee, and in hledger `payee | note`), without
   * surrounding whitespace. How it splits into payee and note is dialect
   * semantics (`payeeOf()`), not syntax.
   */
  description: string
  /** A comment on the header line. */
  comment?: Comment | undefined
  /** The body lines in source order. */
  children: TransactionLine[]
  raws: TransactionRaws
}

/** Lines that can appear in a transaction body. */
export type TransactionLine = Posting | Comment | Opaque

/** Exact spacing of a transaction header. */
export interface TransactionRaws {
  date?: Cooked<DateText> | undefined
  auxDate?: Cooked<DateText> | undefined
  /** Whitespace before the status mark. */
  beforeStatus?: string | undefined
  /** Whitespace before `(code)`. */
  beforeCode?: string | undefined
  /** Whitespace before the description. */
  beforeDescription?: string | undefined
  /** Trailing whitespace when there is no comment. */
  trailing?: string | undefined
  eol?: Eol | undefined
}

/** An automated transaction: `= QUERY` followed by postings (the rule's template). */
export interface AutoTransaction extends NodeBase<'autoTransaction'> {
  /** The query text after `=`, verbatim (ledger or hledger query language). */
  query: string
  comment?: Comment
  children: TransactionLine[]
  raws: { afterMarker?: string; trailing?: string; eol?: Eol }
}

/** A periodic transaction: `~ PERIOD [  description]` followed by postings. */
export interface PeriodicTransaction extends NodeBase<'periodicTransaction'> {
  /** The period expression, verbatim. */
  period: string
  /** hledger: a description after two spaces. */
  description?: string
  comment?: Comment
  children: TransactionLine[]
  raws: { afterMarker?: string; beforeDescription?: string; trailing?: string; eol?: Eol }
}

/** How a posting's account takes part in balancing. */
export type PostingKind =
  /** `account`: a real posting. */
  | 'real'
  /** `(account)`: virtual, need not balance. */
  | 'virtual'
  /** `[account]`: virtual, must balance. */
  | 'balanced'
  /** `<account>`: ledger's deferred posting. */
  | 'deferred'

/** One posting line. */
export interface Posting extends NodeBase<'posting'> {
  status: Status
  /** The account name as written, without the brackets of virtual postings. */
  account: string
  kind: PostingKind
  /** The amount; absent when it is to be inferred (or assigned by `= AMOUNT`). */
  amount?: Amount | ValueExpr | undefined
  /** hledger auto-posting rules: `*N` multiplies the matched amount by N. */
  multiplier?: boolean | undefined
  /** Ledger lot annotations (and hledger's ignored `{}`/`[]`), in source order. */
  lot?: LotPart[] | undefined
  cost?: Cost | undefined
  assertion?: Assertion | undefined
  comment?: Comment | undefined
  raws: PostingRaws
}

/** Exact spacing of a posting line. */
export interface PostingRaws {
  /** The account as written (with brackets), to notice a rename and realign the amount. */
  account?: string | undefined
  /** Leading whitespace. */
  indent?: string | undefined
  /** Whitespace after the status mark. */
  afterStatus?: string | undefined
  /** The separator between the account and what follows it. */
  beforeAmount?: string | undefined
  /**
   * How many lot parts come before the cost, when the cost is not written
   * after all of them (hledger accepts any order; for ledger, parts after the
   * cost annotate the cost's amount).
   */
  costIndex?: number | undefined
  /** Trailing whitespace when there is no comment. */
  trailing?: string | undefined
  eol?: Eol | undefined
}

/**
 * An amount: a quantity with an optional commodity symbol.
 *
 * `quantity` is the number as the parse dialect reads it without context (see
 * `numbers.ts`); context-dependent readings (ledger's sticky decimal comma,
 * hledger's `decimal-mark` and commodity declarations) are resolved later from
 * `raws.number`, which keeps the digits exactly as written.
 */
export interface Amount extends NodeBase<'amount'> {
  quantity: Decimal
  /** The symbol without quotes; `''` when the amount has none. */
  commodity: string
  /** Which side of the number the symbol is on. */
  side: 'left' | 'right'
  /** Whether the symbol was (or must be) written in double quotes. */
  quoted: boolean
  raws: AmountRaws
}

/** How an amount was written. */
export interface AmountRaws {
  /** The whole amount text. Printed while the four cooked fields below still match. */
  text?: string
  quantity?: Decimal
  commodity?: string
  side?: 'left' | 'right'
  quoted?: boolean
  /** The number as written: digits, marks and exponent, without sign. */
  number?: string
  /** Blanks between the symbol and the number. */
  gap?: string
}

/** A ledger value expression in parentheses, kept as text: `($10 / 3)`. */
export interface ValueExpr extends NodeBase<'valueExpr'> {
  /** The expression including its outer parentheses. */
  text: string
}

/** A cost: `@ UNIT`, `@@ TOTAL`, ledger's virtual `(@)`/`(@@)` and fixated `@ =P`. */
export interface Cost extends NodeBase<'cost'> {
  per: 'unit' | 'total'
  /** `(@)`/`(@@)`: ledger records no market price from it. */
  virtual: boolean
  /** `@ =P`: ledger fixates the price. */
  fixated: boolean
  amount: Amount | ValueExpr
  raws: {
    /** Whitespace before the marker. */
    before?: string
    /** Whitespace after the marker (and after `=` when fixated, see `afterFixed`). */
    afterMarker?: string
    afterFixed?: string
  }
}

/** One lot annotation. */
export type LotPart = LotPrice | LotDate | LotNote | LotValueExpr

/** `{P}` per-unit or `{{T}}` total lot price, `{=P}` fixated. */
export interface LotPrice extends NodeBase<'lotPrice'> {
  per: 'unit' | 'total'
  fixated: boolean
  amount: Amount | ValueExpr
  raws: { before?: string; afterOpen?: string; afterFixed?: string; beforeClose?: string }
}

/** `[DATE]` lot date. */
export interface LotDate extends NodeBase<'lotDate'> {
  date: DateText
  raws: { before?: string; date?: Cooked<DateText>; afterOpen?: string; beforeClose?: string }
}

/** Ledger `(note)` lot note. */
export interface LotNote extends NodeBase<'lotNote'> {
  note: string
  raws: { before?: string }
}

/** Ledger `((expr))` lot valuation expression. */
export interface LotValueExpr extends NodeBase<'lotValueExpr'> {
  /** The expression between the double parentheses. */
  expr: string
  raws: { before?: string }
}

/** The balance assertion operators: `=`; hledger's `==` (no other commodity), `=*` and `==*` (subaccounts included). */
export type AssertionOp = '=' | '==' | '=*' | '==*'

/** A balance assertion, or an assignment when the posting has no amount. */
export interface Assertion extends NodeBase<'assertion'> {
  op: AssertionOp
  amount: Amount | ValueExpr
  /** hledger accepts a cost after the asserted amount. */
  cost?: Cost
  lot?: LotPart[]
  raws: { before?: string; afterOp?: string }
}

// ---------------------------------------------------------------------------
// Directives
// ---------------------------------------------------------------------------

/**
 * A directive line and its indented sub-lines. `name` is canonical (for
 * example `apply account` however it was spaced, `Y` for `Y`, `year` and
 * `apply year`'s own names stay distinct); `args` keeps the argument text
 * verbatim. Typed views of the arguments (the amount of `D`, the parts of
 * `P`, an alias's two sides) are read by helpers in `directives.ts`.
 */
export interface Directive extends NodeBase<'directive'> {
  name: DirectiveName
  /** `'!'` or `'@'` before the keyword, else `''`. */
  prefix: '' | '!' | '@'
  /** The keyword as written after the prefix, e.g. `apply  account`, `Y`, `--decimal-comma`. */
  keyword: string
  /** The argument text, verbatim, without the trailing comment. */
  args: string
  /** A comment after the arguments, where the dialect reads one there. */
  comment?: Comment
  /** Indented lines under the directive: sub-directives and comments. */
  children: DirectiveLine[]
  raws: { afterKeyword?: string; trailing?: string; eol?: Eol }
}

/** Lines that can appear under a directive. */
export type DirectiveLine = SubDirective | Comment | Opaque

/** An indented `keyword args` line under `account`, `commodity`, `payee` or `tag`. */
export interface SubDirective extends NodeBase<'subdirective'> {
  keyword: string
  args: string
  comment?: Comment
  raws: { indent?: string; afterKeyword?: string; trailing?: string; eol?: Eol }
}

/** Canonical directive names. */
export type DirectiveName =
  | 'account' | 'alias' | 'end aliases'
  | 'apply account' | 'apply tag' | 'apply fixed' | 'apply year' | 'apply'
  | 'end apply account' | 'end apply tag' | 'end apply fixed' | 'end apply year' | 'end apply'
  | 'end' | 'end tag'
  | 'year' | 'Y' | 'bucket' | 'A'
  | 'capture' | 'check' | 'assert' | 'define' | 'def' | 'eval' | 'expr' | 'value'
  | 'include' | 'payee' | 'tag' | 'commodity'
  | 'D' | 'C' | 'N' | 'P' | 'decimal-mark'
  | 'python' | 'import' | 'option'

// ---------------------------------------------------------------------------
// Timeclock
// ---------------------------------------------------------------------------

/** A timeclock line: `i`/`I` clock-in, `o`/`O` clock-out, `b`/`h` (ignored by ledger). */
export interface TimeclockEntry extends NodeBase<'timeclock'> {
  /** ledger reads `!`/`@` before any directive letter. */
  prefix?: '!' | '@'
  code: 'i' | 'I' | 'o' | 'O' | 'b' | 'h'
  /** The date and time text as written (`2024/01/05 09:00:00`). */
  datetime: string
  /** Account (clock-in) or, for some writers, also on clock-out. */
  account?: string
  /** Payee/description after the account. */
  description?: string
  comment?: Comment
  raws: { afterCode?: string; beforeAccount?: string; beforeDescription?: string; trailing?: string; eol?: Eol }
}

// ---------------------------------------------------------------------------
// Node unions
// ---------------------------------------------------------------------------

/** Every node type. */
export type AnyNode =
  | Journal
  | Entry
  | Posting
  | SubDirective
  | Amount
  | ValueExpr
  | Cost
  | LotPart
  | Assertion

/** The `type` tag of every node. */
export type NodeType = AnyNode['type']

/** The node interface for a `type` tag. */
export type NodeOf<T extends NodeType> = Extract<AnyNode, { type: T }>
