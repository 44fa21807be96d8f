/**
 * Small tools the transforms share: turning entries and lines into comments
 * (so nothing the user wrote is lost), walking transactions with their
 * postings, and rewriting the digits of an amount while keeping the rest of
 * its text.
 */
import type { Amount, Comment, Entry, Journal, Posting, Transaction, TransactionLine } from '../ast.js'
import { amount as buildAmount } from '../build.js'
import { print } from '../print/index.js'
import type { TransformContext, TransformReport } from './types.js'

/** A comment line carrying `text` verbatim, indented like `indent`. */
export function commentLine(text: string, indent: string | undefined, eol?: Comment['raws']['eol']): Comment {
  const raws: Comment['raws'] = { before: indent }
  if (eol !== undefined) raws.eol = eol
  return { type: 'comment', marker: ';', text: text === '' ? '' : ` ${text}`, raws }
}

/**
 * The lines of an entry as `;` comment lines, so a target that cannot read
 * the entry keeps its text. The last line keeps the entry's line ending.
 */
export function commentOutEntry(entry: Entry, journal: Journal): Comment[] {
  const text = print({ ...journal, children: [entry], raws: {} })
  const lines = text.split(/(\r\n|\n|\r)/)
  const out: Comment[] = []
  for (let i = 0; i < lines.length; i += 2) {
    const line = lines[i] as string
    const eol = (lines[i + 1] ?? '') as Comment['raws']['eol']
    if (line === '' && eol === '' && i > 0) continue
    out.push(commentLine(line, undefined, eol))
  }
  const first = out[0]
  if (first && entry.span) first.span = { start: entry.span.start, end: entry.span.start }
  return out
}

/**
 * Keep as comments the top-level entries `decide` gives a report for, and
 * report each (at the entry). The common shape of "the target cannot read
 * this directive or entry: keep its text".
 */
export function commentOutEntries(ctx: TransformContext, decide: (entry: Entry) => Omit<TransformReport, 'node'> | undefined): void {
  ctx.journal.children = ctx.journal.children.flatMap((e) => {
    const report = decide(e)
    if (!report) return [e]
    ctx.report({ ...report, node: e })
    return commentOutEntry(e, ctx.journal)
  })
}

/** A body line as a comment line with the same indentation and ending. */
export function commentOutLine(line: TransactionLine, text: string): Comment {
  const indent = line.type === 'posting' ? line.raws.indent : line.type === 'comment' ? line.raws.before : /^[ \t]*/.exec(line.raws.text)?.[0]
  const c = commentLine(text.replace(/^[ \t]+/, ''), indent ?? '    ', line.raws.eol)
  if (line.span) c.span = line.span
  return c
}

/** Every transaction of a journal. */
export function transactionsOf(journal: Journal): Transaction[] {
  // (an array, not a generator: every transform walks every entry, and V8 runs plain loops several times faster)
  const out: Transaction[] = []
  for (const e of journal.children) if (e.type === 'transaction') out.push(e)
  return out
}

/** Every posting of a journal's transactions, with its transaction. */
export function postingsOf(journal: Journal): Array<{ posting: Posting; transaction: Transaction }> {
  const out: Array<{ posting: Posting; transaction: Transaction }> = []
  for (const e of journal.children) {
    if (e.type !== 'transaction') continue
    for (const line of e.children) if (line.type === 'posting') out.push({ posting: line, transaction: e })
  }
  return out
}

/** Every amount node written in a posting: amount, cost, lot prices, assertion. */
export function* amountsOf(p: Posting): Generator<Amount> {
  if (p.amount?.type === 'amount') yield p.amount
  if (p.cost?.amount.type === 'amount') yield p.cost.amount
  for (const part of p.lot ?? []) if (part.type === 'lotPrice' && part.amount.type === 'amount') yield part.amount
  if (p.assertion?.amount.type === 'amount') yield p.assertion.amount
  if (p.assertion?.cost?.amount.type === 'amount') yield p.assertion.cost.amount
}

/**
 * Give an amount new digits, keeping how the rest was written (sign, symbol,
 * blanks, quotes). `digits` is unsigned; the sign stays where it was.
 */
export function rewriteDigits(a: Amount, digits: string, quantity: Amount['quantity']): void {
  const r = a.raws
  if (r.text !== undefined && r.number !== undefined) {
    const at = r.side === 'right' || r.commodity === '' ? r.text.indexOf(r.number) : r.text.lastIndexOf(r.number)
    if (at >= 0) {
      const text = r.text.slice(0, at) + digits + r.text.slice(at + r.number.length)
      a.raws = { ...r, text, number: digits, quantity }
      a.quantity = quantity
      return
    }
  }
  a.quantity = quantity
}

/** Unsigned canonical digits of a quantity: `1234.5` (no groups, period, no exponent). */
export function canonicalDigits(q: Amount['quantity'], minDecimals = 0): string {
  const abs = q.abs()
  return abs.toFixed(Math.max(minDecimals, abs.decimalPlaces()))
}

/**
 * Write every amount a transaction's postings leave to inference as the
 * amount the source computed (one posting per commodity). Returns whether
 * anything changed.
 */
export function writeInferredAmounts(t: Transaction, resolvedPostingOf: (p: Posting) => { amount?: Array<{ quantity: Amount['quantity']; commodity: string }> | undefined } | undefined, sideOf: (commodity: string) => 'left' | 'right' | undefined): boolean {
  let changed = false
  const lines: TransactionLine[] = []
  for (const line of t.children) {
    if (line.type !== 'posting' || line.amount !== undefined) {
      lines.push(line)
      continue
    }
    // one amount per commodity: lots of one commodity are written as their sum
    const amounts: Array<{ quantity: Amount['quantity']; commodity: string }> = []
    for (const a of resolvedPostingOf(line)?.amount ?? []) {
      const same = amounts.findIndex((b) => b.commodity === a.commodity)
      if (same < 0) amounts.push({ quantity: a.quantity, commodity: a.commodity })
      else amounts[same] = { quantity: (amounts[same] as { quantity: Amount['quantity'] }).quantity.plus(a.quantity), commodity: a.commodity }
    }
    if (amounts.length > 1 && amounts.some((a) => a.quantity.isZero())) {
      const nonzero = amounts.filter((a) => !a.quantity.isZero())
      amounts.splice(0, amounts.length, ...(nonzero.length ? nonzero : amounts.slice(0, 1)))
    }
    if (amounts.length === 0) {
      lines.push(line)
      continue
    }
    amounts.forEach((a, i) => {
      const side = sideOf(a.commodity)
      const value = buildAmount(a.quantity, a.commodity, side ? { side } : {})
      if (i === 0) {
        line.amount = value
        // `ACCOUNT  = $5` had nothing before the '='; with an amount it needs a blank
        if (line.assertion && !line.assertion.raws.before) line.assertion.raws.before = ' '
        if (line.raws.beforeAmount === undefined || line.raws.beforeAmount === '') delete line.raws.beforeAmount
        lines.push(line)
      } else {
        const copy: Posting = { type: 'posting', status: line.status, account: line.account, kind: line.kind, amount: value, raws: { indent: line.raws.indent } }
        lines.push(copy)
      }
    })
    changed = true
  }
  t.children = lines
  return changed
}
