/**
 * The printer: one method per node type, and the only place text is made.
 *
 * Each method prints a node's raw text where it still holds (the field equals
 * the value the raw was read as) and renders the value in the journal's house
 * style where it does not (edited or generated nodes). So printing an
 * unmodified tree gives back the input byte for byte, and printing an edited
 * one changes only what was edited. `LedgerPrinter` and `HledgerPrinter`
 * override only what differs for their target.
 */
import type {
  Amount, Assertion, AutoTransaction, Blank, BlockComment, Comment, Cost, Dialect, Directive, Entry,
  Journal, LotPart, Opaque, PeriodicTransaction, Posting, SubDirective, TimeclockEntry, Transaction,
  TransactionLine, ValueExpr,
} from '../ast.js'
import { formatDate } from '../dates.js'
import { renderAmount } from './amount.js'
import { houseStyle, type HouseStyle } from './style.js'

/** Thrown when the printer meets a node type it does not know (a bug in a transform). */
export class UnexpectedNodeError extends Error {
  constructor(type: string) {
    super(`Unexpected node type '${type}'`)
    this.name = 'UnexpectedNodeError'
  }
}

/** Prints a journal for one target dialect. */
export class Printer {
  protected out: string[] = []
  private journal: Journal | undefined
  private inferred: HouseStyle | undefined

  constructor(readonly target: Dialect) {}

  /** The journal's house style, inferred only when a node without raws needs it. */
  protected get style(): HouseStyle {
    if (!this.inferred) this.inferred = houseStyle(this.journal as Journal)
    return this.inferred
  }

  /** Print a whole journal. */
  print(journal: Journal): string {
    const parts: string[] = []
    this.printTo(journal, (chunk) => parts.push(chunk), Infinity)
    return parts.length === 1 ? (parts[0] as string) : parts.join('')
  }

  /**
   * Print a journal in chunks of roughly `chunkSize` UTF-16 units, handing each
   * to `sink` (for writing large journals without holding all the output).
   */
  printTo(journal: Journal, sink: (chunk: string) => void, chunkSize = 1 << 16): void {
    this.out = []
    this.journal = journal
    this.inferred = undefined
    let pending = 0
    if (journal.raws.bom) this.out.push(journal.raws.bom)
    for (const entry of journal.children) {
      const before = this.out.length
      this.entry(entry)
      for (let i = before; i < this.out.length; i++) pending += (this.out[i] as string).length
      if (pending >= chunkSize) {
        sink(this.out.join(''))
        this.out = []
        pending = 0
      }
    }
    if (this.out.length) sink(this.out.join(''))
    this.out = []
    this.journal = undefined
    this.inferred = undefined
  }

  protected eol(eol: string | undefined): string {
    return eol ?? this.style.eol
  }

  protected entry(entry: Entry): void {
    switch (entry.type) {
      case 'transaction': return this.transaction(entry)
      case 'autoTransaction': return this.autoTransaction(entry)
      case 'periodicTransaction': return this.periodicTransaction(entry)
      case 'directive': return this.directive(entry)
      case 'blockComment': return this.blockComment(entry)
      case 'comment': return this.commentLine(entry)
      case 'blank': return this.blank(entry)
      case 'timeclock': return this.timeclock(entry)
      case 'opaque': return this.opaque(entry)
      default: throw new UnexpectedNodeError((entry as { type: string }).type)
    }
  }

  // ----- dates and comments ---------------------------------------------

  protected date(value: string, raw: { value: string; raw: string } | undefined): string {
    return raw && raw.value === value ? raw.raw : formatDate(value, this.style.date)
  }

  /** A comment at the end of a line (`before` is the gap before the marker). */
  protected inlineComment(comment: Comment): string {
    return (comment.raws.before ?? '  ') + comment.marker + comment.text
  }

  /** The end of a line: comment or trailing blanks, then the terminator. */
  protected lineEnd(comment: Comment | undefined, trailing: string | undefined, eol: string | undefined): void {
    if (comment) this.out.push(this.inlineComment(comment))
    else if (trailing) this.out.push(trailing)
    this.out.push(this.eol(eol))
  }

  protected commentLine(comment: Comment, indent = ''): void {
    this.out.push((comment.raws.before ?? indent) + comment.marker + comment.text, this.eol(comment.raws.eol))
  }

  // ----- transactions -----------------------------------------------------

  protected transaction(t: Transaction): void {
    const r = t.raws
    let head = this.date(t.date, r.date)
    if (t.auxDate !== undefined) head += '=' + this.date(t.auxDate, r.auxDate)
    if (t.status) head += (r.beforeStatus ?? ' ') + t.status
    if (t.code !== undefined) head += (r.beforeCode ?? ' ') + '(' + t.code + ')'
    if (t.description) head += (r.beforeDescription ?? ' ') + t.description
    this.out.push(head)
    this.lineEnd(t.comment, r.trailing, r.eol)
    this.body(t.children)
  }

  protected autoTransaction(t: AutoTransaction): void {
    this.out.push('=' + (t.raws.afterMarker ?? ' ') + t.query)
    this.lineEnd(t.comment, t.raws.trailing, t.raws.eol)
    this.body(t.children)
  }

  protected periodicTransaction(t: PeriodicTransaction): void {
    let head = '~' + (t.raws.afterMarker ?? ' ') + t.period
    if (t.description !== undefined) head += (t.raws.beforeDescription ?? '  ') + t.description
    this.out.push(head)
    this.lineEnd(t.comment, t.raws.trailing, t.raws.eol)
    this.body(t.children)
  }

  protected body(lines: readonly TransactionLine[]): void {
    for (const line of lines) {
      if (line.type === 'posting') this.posting(line)
      else if (line.type === 'comment') this.commentLine(line, this.style.indent)
      else if (line.type === 'opaque') this.opaque(line)
      else throw new UnexpectedNodeError((line as { type: string }).type)
    }
  }

  // ----- postings ---------------------------------------------------------

  /** The account as written, with the brackets of its kind. */
  protected accountText(p: Posting): string {
    switch (p.kind) {
      case 'virtual': return `(${p.account})`
      case 'balanced': return `[${p.account}]`
      case 'deferred': return `<${p.account}>`
      default: return p.account
    }
  }

  protected posting(p: Posting): void {
    const r = p.raws
    let line = r.indent ?? this.style.indent
    if (p.status) line += p.status + (r.afterStatus ?? ' ')
    line += this.accountText(p)
    const hasTail = p.amount !== undefined || p.assertion !== undefined
    if (hasTail) {
      let tail = ''
      if (p.amount) {
        if (p.multiplier) tail += '*'
        tail += this.amountOrExpr(p.amount)
        tail += this.pricesText(p)
      }
      if (p.assertion) tail += this.assertion(p.assertion, p.amount === undefined)
      line += this.separator(r.beforeAmount, line, p.amount ? tail : '', p)
      line += tail
    } else if (r.beforeAmount !== undefined) {
      line += r.beforeAmount
    }
    this.out.push(line)
    this.lineEnd(p.comment, r.trailing, r.eol)
  }

  /**
   * The gap between account and amount: as written; or, when the account was
   * renamed, resized so the amount stays where it was; or aligned in house
   * style for generated postings.
   */
  protected separator(raw: string | undefined, lead: string, amountText: string, p: Posting): string {
    if (raw !== undefined) {
      const written = p.raws.account
      const now = this.accountText(p)
      if (written === undefined || written === now || raw.indexOf('\t') >= 0) return raw
      return ' '.repeat(Math.max(2, raw.length + written.length - now.length))
    }
    const a = this.style.amounts
    if (a.align === 'end' && amountText) {
      const firstPart = amountText.length - this.pricesText(p).length
      const pad = a.column - lead.length - firstPart
      if (pad >= 2) return ' '.repeat(pad)
    }
    return ' '.repeat(a.align === 'gap' ? a.gap : 2)
  }

  protected pricesText(p: Posting): string {
    let text = ''
    const lots = p.lot ?? []
    const costAt = p.cost ? Math.min(p.raws.costIndex ?? lots.length, lots.length) : -1
    lots.forEach((part, i) => {
      if (i === costAt && p.cost) text += this.cost(p.cost)
      text += this.lotPart(part)
    })
    if (p.cost && costAt === lots.length) text += this.cost(p.cost)
    return text
  }

  protected amountOrExpr(a: Amount | ValueExpr): string {
    return a.type === 'valueExpr' ? a.text : this.amount(a)
  }

  protected amount(a: Amount): string {
    const r = a.raws
    if (
      r.text !== undefined && r.quantity !== undefined && r.commodity === a.commodity && r.side === a.side &&
      r.quoted === a.quoted && (r.quantity === a.quantity || r.quantity.equals(a.quantity))
    ) {
      return r.text
    }
    const style = { ...this.style.commodity(a.commodity) }
    if (a.commodity && r.side === undefined) style.side = a.side
    return renderAmount(a, style)
  }

  protected cost(c: Cost): string {
    const marker = c.virtual ? (c.per === 'total' ? '(@@)' : '(@)') : c.per === 'total' ? '@@' : '@'
    let text = (c.raws.before ?? ' ') + marker + (c.raws.afterMarker ?? ' ')
    if (c.fixated) text += '=' + (c.raws.afterFixed ?? '')
    return text + this.amountOrExpr(c.amount)
  }

  protected lotPart(part: LotPart): string {
    const before = part.raws.before ?? ' '
    switch (part.type) {
      case 'lotPrice': {
        const r = part.raws
        const open = part.per === 'total' ? '{{' : '{'
        const close = part.per === 'total' ? '}}' : '}'
        return before + open + (r.afterOpen ?? '') + (part.fixated ? '=' + (r.afterFixed ?? '') : '') +
          this.amountOrExpr(part.amount) + (r.beforeClose ?? '') + close
      }
      case 'lotDate':
        return before + '[' + (part.raws.afterOpen ?? '') + this.date(part.date, part.raws.date) + (part.raws.beforeClose ?? '') + ']'
      case 'lotNote':
        return before + '(' + part.note + ')'
      case 'lotValueExpr':
        return before + '((' + part.expr + '))'
      default:
        throw new UnexpectedNodeError((part as { type: string }).type)
    }
  }

  protected assertion(a: Assertion, standalone: boolean): string {
    let text = (a.raws.before ?? (standalone ? '' : ' ')) + a.op + (a.raws.afterOp ?? ' ') + this.amountOrExpr(a.amount)
    for (const part of a.lot ?? []) text += this.lotPart(part)
    if (a.cost) text += this.cost(a.cost)
    return text
  }

  // ----- directives and the rest -------------------------------------------

  protected directive(d: Directive): void {
    let head = d.prefix + d.keyword
    if (d.args || d.raws.afterKeyword) head += (d.raws.afterKeyword ?? ' ') + d.args
    this.out.push(head)
    this.lineEnd(d.comment, d.raws.trailing, d.raws.eol)
    for (const child of d.children) {
      if (child.type === 'subdirective') this.subdirective(child)
      else if (child.type === 'comment') this.commentLine(child, this.style.indent)
      else this.opaque(child)
    }
  }

  protected subdirective(s: SubDirective): void {
    let line = (s.raws.indent ?? this.style.indent) + s.keyword
    if (s.args || s.raws.afterKeyword) line += (s.raws.afterKeyword ?? ' ') + s.args
    this.out.push(line)
    this.lineEnd(s.comment, s.raws.trailing, s.raws.eol)
  }

  protected blockComment(b: BlockComment): void {
    this.out.push(b.prefix + b.keyword + b.raws.rest, this.eol(b.raws.eol))
    for (const line of b.lines) this.out.push(line.text, this.eol(line.eol))
    if (b.end) this.out.push(b.end.text, this.eol(b.end.eol))
  }

  protected blank(b: Blank): void {
    this.out.push(b.raws.text, this.eol(b.raws.eol))
  }

  protected timeclock(t: TimeclockEntry): void {
    const r = t.raws
    let line = (t.prefix ?? '') + t.code + (r.afterCode ?? ' ') + t.datetime
    if (t.account !== undefined) {
      line += (r.beforeAccount ?? ' ') + t.account
      if (t.description !== undefined) line += (r.beforeDescription ?? '  ') + t.description
    }
    this.out.push(line)
    this.lineEnd(t.comment, r.trailing, r.eol)
  }

  protected opaque(o: Opaque): void {
    this.out.push(o.raws.text, this.eol(o.raws.eol))
  }
}

/** Printer for ledger output. Differences from the base are dialect defaults only, for now. */
export class LedgerPrinter extends Printer {
  constructor() {
    super('ledger')
  }
}

/** Printer for hledger output. */
export class HledgerPrinter extends Printer {
  constructor() {
    super('hledger')
  }
}
