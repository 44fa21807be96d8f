/**
 * The fast lane: a hand-written reader for the lines that make up almost all
 * of a real journal (plain transactions, blank lines, comment lines), which
 * builds exactly the nodes the peggy grammar builds for them, several times
 * faster. Everything else goes to the grammar.
 *
 * How it stays exact:
 * - It reads a construct only when it is sure of the grammar's reading and
 *   declines (returns undefined) otherwise: lot annotations, value
 *   expressions, `==` assertions, Unicode blanks, lone CRs, a custom date
 *   format and anything unusual go to the grammar.
 * - A transaction is scanned first and built second, so the shared helpers
 *   (`H.date`, `H.amount`, whose ledger decimal-comma memory is stateful) are
 *   called only for transactions the lane accepts, in the grammar's order.
 * - The text between accepted entries is parsed by the grammar as a region.
 *   A region ends only where the grammar would start an entry anyway: never
 *   inside a `comment`/`test` block or a `python` body, never before an
 *   indented line.
 * - test/fast-lane.test.ts compares both readings on every corpus and
 *   oracle journal and on fuzzed ones.
 */
import type { Amount, Comment, Dialect, Entry, Eol, Posting, Transaction, TransactionLine } from '../ast.js'
import type { GrammarHelpers } from './helpers.js'

/** Parses `text.slice(start, end)` with the grammar, spans relative to the whole text. */
export type RegionParser = (start: number, end: number) => Entry[]

const SPACE = 32
/** Runs of spaces by length, shared by every node that records one. */
const SPACES: readonly string[] = Array.from({ length: 65 }, (_, n) => ' '.repeat(n))
const TAB = 9
const LF = 10
const CR = 13
const SEMI = 59
const QUOTE = 34

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57
}

function isBlank(c: number): boolean {
  return c === SPACE || c === TAB
}

/** A character that makes the lane give the line to the grammar: Unicode or control blanks. */
function isOddBlank(c: number): boolean {
  return c === 11 || c === 12 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x205f || c === 0x3000
}

/** ledger's characters that end an unquoted commodity symbol (commodity.cc invalid_chars, plus `~`). */
const LEDGER_SYMBOL_STOP = new Set(' \t\r\n0123456789.,;:?!-+*/^&|=<>{}[]()@"~'.split('').map((c) => c.charCodeAt(0)))
/** hledger 1.25's characters that end an unquoted commodity symbol. */
const HLEDGER_SYMBOL_STOP = new Set(' \t\r\n0123456789-+.@*;"{}='.split('').map((c) => c.charCodeAt(0)))

interface AmountScan {
  side: 'left' | 'right'
  sign: string | null
  sign2: string | null
  symbol: string | null
  gap: string
  num: string
  start: number
  end: number
}

interface CostScan {
  before: string
  marker: string
  afterMarker: string
  start: number
  amount: AmountScan
}

interface AssertionScan {
  before: string
  afterOp: string
  start: number
  amount: AmountScan
}

interface PostingScan {
  kind: 'posting'
  lineStart: number
  indent: string
  start: number
  status: '' | '*' | '!'
  afterStatus: string | undefined
  account: string
  /** The separator, when the grammar's PostingRest matched. */
  gap: string | undefined
  amount: AmountScan | undefined
  cost: CostScan | undefined
  assertion: AssertionScan | undefined
  comment: { before: string; start: number; text: string } | undefined
  trailing: string
  end: number
  eol: Eol
}

interface TransactionScan {
  at: number
  date: number
  aux: number
  status: '' | '*' | '!'
  statusWs: string | undefined
  code: string | undefined
  codeWs: string | undefined
  description: string
  beforeDescription: string | undefined
  comment: Comment | undefined
  trailing: string | undefined
  lineEnd: number
  eol: Eol | ''
  lines: Array<PostingScan | CommentScan>
  next: number
}

interface CommentScan {
  kind: 'comment'
  lineStart: number
  indent: string
  start: number
  text: string
  end: number
  eol: Eol
}

/** Reads journal text with the fast lane, handing what it declines to `region`. */
export class FastLane {
  private readonly ledger: boolean
  private readonly symbolStop: Set<number>
  private readonly n: number
  private pos = 0
  /** Strings read before, by length: accounts and symbols repeat, and one string each saves memory and hashing. */
  private readonly seen = new Map<number, string[]>()

  constructor(private readonly text: string, dialect: Dialect, private readonly H: GrammarHelpers, private readonly region: RegionParser) {
    this.ledger = dialect !== 'hledger'
    this.symbolStop = this.ledger ? LEDGER_SYMBOL_STOP : HLEDGER_SYMBOL_STOP
    this.n = text.length
  }

  /** The journal's entries from `start` (after any byte-order mark) to the end. */
  entries(start: number): Entry[] {
    const text = this.text
    const out: Entry[] = []
    let regionStart = start
    let at = start
    const flush = (end: number): void => {
      if (end > regionStart) for (const e of this.region(regionStart, end)) out.push(e)
    }
    while (at < this.n) {
      const c = text.charCodeAt(at)
      let node: Entry | undefined
      if (isDigit(c)) {
        const scan = this.scanTransaction(at)
        if (scan) {
          // what comes before may change how the helpers read (ledger options, decimal commas)
          flush(at)
          regionStart = at
          if (!this.H.customDateFormat()) node = this.buildTransaction(scan)
        }
      } else if (c === LF || c === CR || isBlank(c)) {
        node = this.blankLine(at)
      } else if (c === SEMI || c === 35 || c === 42 || c === 37 || c === 124) {
        node = this.topComment(at, c)
      }
      if (node) {
        flush(at)
        out.push(node)
        at = this.pos
        regionStart = at
        continue
      }
      at = this.skipDeclined(at, c)
    }
    flush(this.n)
    return out
  }

  /**
   * Move past an entry the lane leaves to the grammar, to the next line where
   * the grammar starts an entry.
   */
  private skipDeclined(at: number, c: number): number {
    const text = this.text
    let next = this.nextLine(at)
    if (c === 33 || c === 64 || c === 99 || c === 112 || c === 116) {
      // `comment`/`test` blocks run to their end line; `python` takes indented and empty lines
      const word = /^[!@]?(comment|test|python)(?=[ \t\v\f\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000\r\n]|$)/.exec(text.slice(at, Math.min(this.n, at + 12)))
      if (word?.[1] === 'python') {
        while (next < this.n) {
          const d = text.charCodeAt(next)
          if (!(isBlank(d) || d === LF || (d === CR && text.charCodeAt(next + 1) === LF))) break
          next = this.nextLine(next)
        }
        return next
      }
      if (word) {
        const end = this.ledger ? /^end (?:comment|test)/ : /^end comment[ \t]*(?:\r?\n|$)/
        while (next < this.n) {
          const line = text.slice(next, this.nextLine(next))
          next = this.nextLine(next)
          if (end.test(line)) break
        }
        return next
      }
    }
    // the entry's indented lines belong to it
    while (next < this.n && this.isIndentedContent(next)) next = this.nextLine(next)
    return next
  }

  /** `text.slice(i, j)` for blanks: runs of spaces come from a table. */
  private blanks(i: number, j: number): string {
    const length = j - i
    if (length === 0) return ''
    if (length < SPACES.length) {
      let k = i
      while (k < j && this.text.charCodeAt(k) === SPACE) k++
      if (k === j) return SPACES[length] as string
    }
    return this.text.slice(i, j)
  }

  /** `text.slice(i, j)`, the same string object each time the same text recurs. */
  private interned(i: number, j: number): string {
    const length = j - i
    if (length > 80) return this.text.slice(i, j)
    let list = this.seen.get(length)
    if (!list) {
      list = []
      this.seen.set(length, list)
    } else {
      for (const candidate of list) if (this.text.startsWith(candidate, i)) return candidate
      if (list.length >= 64) return this.text.slice(i, j)
    }
    const s = this.text.slice(i, j)
    list.push(s)
    return s
  }

  /** Start of the line after the one containing `at` (the text's end if none). */
  private nextLine(at: number): number {
    const i = this.text.indexOf('\n', at)
    return i < 0 ? this.n : i + 1
  }

  /** Whether the line at `at` is blank-indented and has something after the indent. */
  private isIndentedContent(at: number): boolean {
    const text = this.text
    const c = text.charCodeAt(at)
    if (!isBlank(c) && !isOddBlank(c)) return false
    let i = at
    while (i < this.n) {
      const d = text.charCodeAt(i)
      if (isBlank(d) || isOddBlank(d)) i++
      else return d !== LF && d !== CR
    }
    return false
  }

  /** Reads the end of line at `i`: `\n` or `\r\n`; undefined for a lone CR or anything else. */
  private eolAt(i: number): Eol | '' | undefined {
    if (i >= this.n) return ''
    const c = this.text.charCodeAt(i)
    if (c === LF) return '\n'
    if (c === CR && this.text.charCodeAt(i + 1) === LF) return '\r\n'
    return undefined
  }

  /** The end of the line's content from `i` (before the EOL); -1 when the line holds a lone CR or an odd blank. */
  private lineEnd(i: number): number {
    const text = this.text
    for (; i < this.n; i++) {
      const c = text.charCodeAt(i)
      if (c === LF) return i
      if (c === CR) return text.charCodeAt(i + 1) === LF ? i : -1
      if (c > 127 ? isOddBlank(c) : c === 11 || c === 12) return -1
    }
    return i
  }

  private blanksFrom(i: number, end: number): number {
    while (i < end && isBlank(this.text.charCodeAt(i))) i++
    return i
  }

  // ----- top-level lines ---------------------------------------------------

  private blankLine(at: number): Entry | undefined {
    const end = this.lineEnd(at)
    if (end < 0) return undefined
    const ws = this.blanksFrom(at, end)
    if (ws !== end) return undefined
    const eol = this.eolAt(end) as Eol | ''
    this.pos = end + eol.length
    return { type: 'blank', raws: { text: this.text.slice(at, end), eol }, span: { start: at, end } } as Entry
  }

  private topComment(at: number, marker: number): Entry | undefined {
    const end = this.lineEnd(at)
    if (end < 0) return undefined
    const eol = this.eolAt(end) as Eol | ''
    this.pos = end + eol.length
    const comment: Comment = {
      type: 'comment', marker: String.fromCharCode(marker) as Comment['marker'], text: this.text.slice(at + 1, end),
      raws: { before: undefined, eol }, span: { start: at, end },
    }
    return comment
  }

  // ----- transactions ------------------------------------------------------

  /** Scan a transaction at `at` without calling the helpers; undefined when the lane declines it. */
  private scanTransaction(at: number): TransactionScan | undefined {
    if (this.H.customDateFormat()) return undefined
    const text = this.text
    const lineEnd = this.lineEnd(at)
    if (lineEnd < 0) return undefined
    // DATE
    const date = this.dateToken(at, lineEnd)
    if (date < 0) return undefined
    let i = date
    let aux = -1
    if (text.charCodeAt(i) === 61) {
      aux = this.dateToken(i + 1, lineEnd)
      if (aux < 0) return undefined
      i = aux
    }
    if (i < lineEnd && !isBlank(text.charCodeAt(i))) return undefined
    // [STATUS]
    let statusWs: string | undefined
    let status: '' | '*' | '!' = ''
    let j = this.blanksFrom(i, lineEnd)
    let c = text.charCodeAt(j)
    if (j < lineEnd && (c === 42 || c === 33)) {
      statusWs = this.blanks(i, j)
      status = c === 42 ? '*' : '!'
      i = j + 1
    }
    // [(CODE)]
    let codeWs: string | undefined
    let code: string | undefined
    j = this.blanksFrom(i, lineEnd)
    if (j < lineEnd && text.charCodeAt(j) === 40 && (this.ledger || j > i)) {
      const close = text.indexOf(')', j + 1)
      if (close >= 0 && close < lineEnd) {
        codeWs = this.blanks(i, j)
        code = text.slice(j + 1, close)
        i = close + 1
      }
    }
    // DESCRIPTION
    let description = ''
    let beforeDescription: string | undefined
    let pending = ''
    j = this.blanksFrom(i, lineEnd)
    if (this.ledger) {
      // words separated by blanks, up to a hard separator followed by `;`
      if (j < lineEnd) {
        let k = j
        let wordEnd = j
        while (k < lineEnd) {
          while (k < lineEnd && !isBlank(text.charCodeAt(k))) k++
          wordEnd = k
          const gapEnd = this.blanksFrom(k, lineEnd)
          if (gapEnd === lineEnd) break
          const gap = gapEnd - k
          if ((gap > 1 || text.slice(k, gapEnd).indexOf('\t') >= 0) && text.charCodeAt(gapEnd) === SEMI) break
          k = gapEnd
        }
        beforeDescription = this.blanks(i, j)
        description = text.slice(j, wordEnd)
        i = wordEnd
      }
    } else {
      let k = j
      while (k < lineEnd && text.charCodeAt(k) !== SEMI) k++
      let cut = k
      while (cut > j && isBlank(text.charCodeAt(cut - 1))) cut--
      if (cut > j) {
        beforeDescription = this.blanks(i, j)
        description = text.slice(j, cut)
        pending = this.blanks(cut, k)
      } else {
        pending = text.slice(i, k)
      }
      i = k
    }
    // LineTail: comment or trailing blanks
    let comment: Comment | undefined
    let trailing: string | undefined
    j = this.blanksFrom(i, lineEnd)
    if (j < lineEnd && text.charCodeAt(j) === SEMI) {
      comment = { type: 'comment', marker: ';', text: text.slice(j + 1, lineEnd), raws: { before: pending ? pending + text.slice(i, j) : this.blanks(i, j), eol: undefined }, span: { start: j, end: lineEnd } }
    } else if (j === lineEnd) {
      trailing = pending ? pending + text.slice(i, j) : this.blanks(i, j)
    } else {
      return undefined
    }
    const eol = this.eolAt(lineEnd) as Eol | ''
    // body lines
    const lines: Array<PostingScan | CommentScan> = []
    let next = lineEnd + eol.length
    while (next < this.n && this.isIndentedContent(next)) {
      const line = this.bodyLine(next)
      if (!line) return undefined
      lines.push(line)
      next = line.end + line.eol.length
    }
    return { at, date, aux, status, statusWs, code, codeWs, description, beforeDescription, comment, trailing, lineEnd, eol, lines, next }
  }

  /** Build a scanned transaction, calling the helpers in the grammar's order. */
  private buildTransaction(scan: TransactionScan): Transaction {
    const text = this.text
    const { at, date, aux, status, statusWs, code, codeWs, description, beforeDescription, comment, trailing, lineEnd, eol, lines, next } = scan
    const dateRaw = text.slice(at, date)
    const dateValue = { value: this.H.date(dateRaw, at), raw: dateRaw }
    let auxValue: { value: string; raw: string } | undefined
    if (aux >= 0) {
      const auxRaw = text.slice(date + 1, aux)
      auxValue = { value: this.H.date(auxRaw, date + 1), raw: auxRaw }
    }
    const node: Transaction = {
      type: 'transaction',
      date: dateValue.value,
      auxDate: auxValue ? auxValue.value : undefined,
      status,
      code,
      description,
      comment,
      children: null as unknown as TransactionLine[],
      raws: {
        date: dateValue, auxDate: auxValue,
        beforeStatus: statusWs,
        beforeCode: codeWs,
        beforeDescription, trailing, eol,
      },
      span: { start: at, end: lineEnd },
    } as Transaction
    // (map: an exact-size array; pushing would leave room for 16 lines in each)
    const children: TransactionLine[] = lines.map((line) => (line.kind === 'comment' ? this.bodyComment(line) : this.posting(line)))
    node.children = children
    if (children.length) (node.span as { end: number }).end = (children[children.length - 1]?.span as { end: number }).end
    this.pos = next
    return node
  }

  /** The end of a date token at `i` (digits, separator, digits, [separator, digits]), or -1. */
  private dateToken(i: number, end: number): number {
    const text = this.text
    const digits = (k: number): number => {
      const s = k
      while (k < end && isDigit(text.charCodeAt(k))) k++
      return k > s ? k : -1
    }
    const sep = (k: number): boolean => {
      const c = text.charCodeAt(k)
      return k < end && (c === 47 || c === 46 || c === 45)
    }
    let k = digits(i)
    if (k < 0 || !sep(k)) return -1
    k = digits(k + 1)
    if (k < 0) return -1
    if (sep(k)) {
      const m = digits(k + 1)
      if (m >= 0) k = m
    }
    return k
  }

  private bodyLine(lineStart: number): PostingScan | CommentScan | undefined {
    const text = this.text
    const lineEnd = this.lineEnd(lineStart)
    if (lineEnd < 0) return undefined
    const start = this.blanksFrom(lineStart, lineEnd)
    const eol = this.eolAt(lineEnd) as Eol | ''
    const indent = this.blanks(lineStart, start)
    const c = text.charCodeAt(start)
    if (c === SEMI) return { kind: 'comment', lineStart, indent, start, text: text.slice(start + 1, lineEnd), end: lineEnd, eol: eol as Eol }
    let i = start
    let status: '' | '*' | '!' = ''
    let afterStatus: string | undefined
    if (c === 42 || c === 33) {
      status = c === 42 ? '*' : '!'
      const ws = this.blanksFrom(i + 1, lineEnd)
      afterStatus = this.blanks(i + 1, ws)
      i = ws
    }
    // ACCOUNT: runs of non-blanks joined by one space (hledger: one blank)
    const accountStart = i
    let accountEnd = i
    while (i < lineEnd) {
      while (i < lineEnd && !isBlank(text.charCodeAt(i))) i++
      accountEnd = i
      const d = text.charCodeAt(i)
      if (i + 1 < lineEnd && (d === SPACE || (!this.ledger && d === TAB)) && !isBlank(text.charCodeAt(i + 1))) {
        i++
        continue
      }
      break
    }
    if (accountEnd === accountStart) return undefined
    const account = this.interned(accountStart, accountEnd)
    const first = account.charCodeAt(0)
    if (first === 35 || first === 37 || first === 124 || first === 61 || first === 126) return undefined
    if (this.ledger && /^(?:assert|check|expr|eval)$/.test(account.split(' ', 1)[0] as string)) return undefined
    const scan: PostingScan = {
      kind: 'posting', lineStart, indent, start, status, afterStatus, account, gap: undefined, amount: undefined,
      cost: undefined, assertion: undefined, comment: undefined, trailing: '', end: lineEnd, eol: eol as Eol,
    }
    // PostingRest: SEPARATOR [AMOUNT [COST]] [= ASSERTION] [; COMMENT]
    i = accountEnd
    const gapEnd = this.blanksFrom(i, lineEnd)
    const gapLength = gapEnd - i
    const hasSeparator = this.ledger
      ? gapLength >= 2 || (gapLength >= 1 && text.charCodeAt(i) === TAB) || (gapLength >= 2 && text.charCodeAt(i + 1) === TAB)
      : gapLength >= 2
    if (!hasSeparator) {
      if (gapEnd !== lineEnd) return undefined
      scan.trailing = this.blanks(i, gapEnd)
      return scan
    }
    scan.gap = this.blanks(i, gapEnd)
    i = gapEnd
    const amount = this.amount(i, lineEnd)
    if (amount) {
      scan.amount = amount
      i = amount.end
      const ws = this.blanksFrom(i, lineEnd)
      const d = text.charCodeAt(ws)
      if (ws < lineEnd && d === 64) {
        const cost = this.cost(i, ws, lineEnd)
        if (!cost) return undefined
        scan.cost = cost
        i = cost.amount.end
      }
    } else if (i < lineEnd) {
      const d = text.charCodeAt(i)
      if (d !== 61 && d !== SEMI) return undefined
    }
    // = ASSERTION
    let ws = this.blanksFrom(i, lineEnd)
    if (ws < lineEnd && text.charCodeAt(ws) === 61) {
      const opEnd = ws + 1
      const d = text.charCodeAt(opEnd)
      if (d === 61 || d === 42) return undefined
      const amountStart = this.blanksFrom(opEnd, lineEnd)
      const value = this.amount(amountStart, lineEnd)
      if (!value) return undefined
      scan.assertion = { before: this.blanks(i, ws), afterOp: this.blanks(opEnd, amountStart), start: ws, amount: value }
      i = value.end
      ws = this.blanksFrom(i, lineEnd)
    }
    // ; COMMENT, or trailing blanks
    if (ws < lineEnd && text.charCodeAt(ws) === SEMI) {
      scan.comment = { before: this.blanks(i, ws), start: ws, text: text.slice(ws + 1, lineEnd) }
      return scan
    }
    if (ws !== lineEnd) return undefined
    scan.trailing = this.blanks(i, ws)
    return scan
  }

  /** `@`/`@@` and its amount, scanning from `before` (the blanks start) with the marker at `at`. */
  private cost(before: number, at: number, end: number): CostScan | undefined {
    const text = this.text
    const total = text.charCodeAt(at + 1) === 64
    const markerEnd = at + (total ? 2 : 1)
    if (text.charCodeAt(markerEnd) === 64) return undefined
    const amountStart = this.blanksFrom(markerEnd, end)
    if (this.ledger && text.charCodeAt(amountStart) === 61) return undefined
    const amount = this.amount(amountStart, end)
    if (!amount) return undefined
    // a second cost or a lot annotation after it: the grammar's business
    const after = this.blanksFrom(amount.end, end)
    const d = text.charCodeAt(after)
    if (after < end && (d === 64 || d === 123 || d === 91 || d === 40)) return undefined
    return { before: this.blanks(before, at), marker: total ? '@@' : '@', afterMarker: this.blanks(markerEnd, amountStart), start: at, amount }
  }

  /** An amount at `i`, as the grammar's Amount rule reads it; undefined when it is not a plain one. */
  private amount(i: number, end: number): AmountScan | undefined {
    const text = this.text
    const start = i
    if (i >= end) return undefined
    let c = text.charCodeAt(i)
    if (c === 40 || c === 123 || c === 91) return undefined // value expressions and lots: the grammar
    // SignPart: `-` (hledger also `+`), then blanks
    let sign: string | null = null
    let k = i
    if (c === 45 || (c === 43 && !this.ledger)) {
      sign = c === 45 ? '-' : '+'
      k = this.blanksFrom(i + 1, end)
    }
    // alternative 1: SYMBOL [blanks] [sign] NUMBER
    const symbolEnd = this.symbol(k, end)
    if (symbolEnd > k) {
      const gapEnd = this.blanksFrom(symbolEnd, end)
      let m = gapEnd
      let sign2: string | null = null
      c = text.charCodeAt(m)
      if (m < end && (c === 45 || (c === 43 && !this.ledger))) {
        const after = this.blanksFrom(m + 1, end)
        if (this.ledger ? after === m + 1 : true) {
          sign2 = c === 45 ? '-' : '+'
          m = after
        }
      }
      const numEnd = this.number(m, end)
      if (numEnd > m) {
        return { side: 'left', sign, sign2, symbol: this.interned(k, symbolEnd), gap: this.blanks(symbolEnd, gapEnd), num: text.slice(m, numEnd), start, end: numEnd }
      }
      // not alternative 1; alternative 2 needs a number here, which a symbol is not
      return undefined
    }
    // alternative 2: NUMBER [blanks SYMBOL]
    const numEnd = this.number(k, end)
    if (numEnd <= k) return undefined
    const num = text.slice(k, numEnd)
    const lead = num.charCodeAt(0)
    if (this.ledger && (lead === 46 || lead === 44)) return undefined
    const gapEnd = this.blanksFrom(numEnd, end)
    const rightEnd = this.symbol(gapEnd, end)
    if (rightEnd > gapEnd) {
      return { side: 'right', sign, sign2: null, symbol: this.interned(gapEnd, rightEnd), gap: this.blanks(numEnd, gapEnd), num, start, end: rightEnd }
    }
    return { side: 'left', sign, sign2: null, symbol: null, gap: '', num, start, end: numEnd }
  }

  /** The end of a commodity symbol at `i` (quoted or bare), `i` when there is none. */
  private symbol(i: number, end: number): number {
    const text = this.text
    if (i >= end) return i
    if (text.charCodeAt(i) === QUOTE) {
      const close = text.indexOf('"', i + 1)
      return close >= 0 && close < end ? close + 1 : i
    }
    let k = i
    while (k < end && !this.symbolStop.has(text.charCodeAt(k))) k++
    return k
  }

  /** The end of a number at `i` as the dialect's NumberToken reads it, `i` when there is none. */
  private number(i: number, end: number): number {
    const text = this.text
    const digitsFrom = (k: number): number => {
      while (k < end && isDigit(text.charCodeAt(k))) k++
      return k
    }
    const mark = (k: number): boolean => {
      const c = text.charCodeAt(k)
      return k < end && (c === 46 || c === 44)
    }
    if (this.ledger) {
      // [.,]* [0-9]+ ([.,]+ [0-9]+)*
      let k = i
      while (mark(k)) k++
      const d = digitsFrom(k)
      if (d === k) return i
      k = d
      for (;;) {
        let m = k
        while (mark(m)) m++
        if (m === k) break
        const e = digitsFrom(m)
        if (e === m) break
        k = e
      }
      return k
    }
    // hledger: [.,] [0-9]+  /  [0-9]+ ([., ] [0-9]+)* ([.,] [0-9]*)?   then an optional exponent
    let k: number
    if (mark(i)) {
      const d = digitsFrom(i + 1)
      if (d === i + 1) return i
      k = d
    } else {
      const d = digitsFrom(i)
      if (d === i) return i
      k = d
      for (;;) {
        const c = text.charCodeAt(k)
        if (!(k < end && (c === 46 || c === 44 || c === SPACE))) break
        const e = digitsFrom(k + 1)
        if (e === k + 1) break
        k = e
      }
      if (mark(k)) k = digitsFrom(k + 1)
    }
    const e = text.charCodeAt(k)
    if (k < end && (e === 101 || e === 69)) {
      let m = k + 1
      const s = text.charCodeAt(m)
      if (m < end && (s === 43 || s === 45)) m++
      const d = digitsFrom(m)
      if (d > m) k = d
    }
    return k
  }

  // ----- building nodes ----------------------------------------------------

  private amountNode(a: AmountScan): Amount {
    return this.H.amount(a.side, a.sign, a.sign2, a.symbol, a.gap, a.num, this.text.slice(a.start, a.end), a.start, a.end)
  }

  private bodyComment(line: CommentScan): Comment {
    return { type: 'comment', marker: ';', text: line.text, raws: { before: line.indent, eol: line.eol }, span: { start: line.lineStart, end: line.start + 1 + line.text.length } }
  }

  private posting(s: PostingScan): Posting {
    let kind: Posting['kind'] = 'real'
    const name = s.account
    const first = name.charCodeAt(0)
    const last = name.charCodeAt(name.length - 1)
    if (name.length >= 2) {
      if (first === 40 && last === 41) kind = 'virtual'
      else if (first === 91 && last === 93) kind = 'balanced'
      else if (this.ledger && first === 60 && last === 62) kind = 'deferred'
    }
    const raws: Posting['raws'] = { account: name, indent: undefined, beforeAmount: s.gap, trailing: s.trailing, eol: s.eol }
    if (s.status) raws.afterStatus = s.afterStatus as string
    let amount: Amount | undefined
    let cost: Posting['cost']
    if (s.amount) {
      amount = this.amountNode(s.amount)
      if (s.cost) {
        const c = s.cost
        const costAmount = this.amountNode(c.amount)
        const end = c.amount.end
        if (this.ledger && costAmount.quantity.isNegative() && !costAmount.quantity.isZero()) {
          this.H.problem('error', 'parse/negative-cost', "A posting's cost may not be negative", c.start, end)
        }
        cost = { type: 'cost', per: c.marker === '@@' ? 'total' : 'unit', virtual: false, fixated: false, amount: costAmount, raws: { afterMarker: c.afterMarker }, span: { start: c.start, end } } as Posting['cost']
        ;(cost as NonNullable<Posting['cost']>).raws.before = c.before
        if (this.ledger && amount.commodity === costAmount.commodity) {
          this.H.problem('error', 'parse/cost-same-commodity', "A posting's cost must be of a different commodity than its amount", c.start, end)
        }
      }
    }
    const node: Posting = {
      type: 'posting', status: s.status, account: kind === 'real' ? name : name.slice(1, -1), kind, amount, raws,
      span: { start: s.start, end: s.end },
    } as Posting
    if (cost) node.cost = cost
    if (s.assertion) {
      const a = s.assertion
      const value = this.amountNode(a.amount)
      node.assertion = { type: 'assertion', op: '=', amount: value, raws: { before: a.before, afterOp: a.afterOp }, span: { start: a.start, end: a.amount.end } } as Posting['assertion']
    }
    if (s.comment) {
      const c = s.comment
      node.comment = { type: 'comment', marker: ';', text: c.text, raws: { before: c.before, eol: undefined }, span: { start: c.start, end: c.start + 1 + c.text.length } }
      raws.trailing = undefined
    }
    raws.indent = s.indent
    ;(node.span as { start: number }).start = s.lineStart
    return node
  }
}
