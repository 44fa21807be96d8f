/**
 * The house style of a journal, inferred from what it already contains.
 *
 * Nodes made by code (transforms, importers) have no raws. The printer asks
 * this module how such nodes should look so they blend in: the line ending,
 * the posting indentation, where amounts line up, how dates are written, and
 * each commodity's number style (hledger's `journalInferCommodityStyles`,
 * postcss's "detect style from other nodes"). The answer is computed once
 * per journal and cached.
 */
import type { Amount, Dialect, Eol, Journal, Posting, TransactionLine } from '../ast.js'
import type { DateStyle } from '../dates.js'
import { readNumber } from '../numbers.js'

/** How one commodity's amounts are written. */
export interface CommodityStyle {
  side: 'left' | 'right'
  /** Blank between symbol and number. */
  spaced: boolean
  decimalMark: '.' | ','
  /** Digit-group mark, or '' for none. */
  groupMark: string
  /** Decimal places to show (more are shown when a value has them: never round). */
  precision: number
}

/** Everything the printer needs to render generated nodes. */
export interface HouseStyle {
  eol: Exclude<Eol, ''>
  indent: string
  /**
   * Where amounts go: `{ align: 'end', column }` right-aligns amounts to end at
   * `column` (0-based, exclusive); `{ align: 'gap', gap }` puts `gap` blanks
   * after the account.
   */
  amounts: { align: 'end'; column: number } | { align: 'gap'; gap: number }
  date: DateStyle
  /** Style of a commodity; a default for symbols the journal never used. */
  commodity(symbol: string): CommodityStyle
}

const cache = new WeakMap<Journal, HouseStyle>()

/** Dialect defaults for a journal that gives no evidence. */
export const DEFAULT_STYLE: Record<Dialect, { date: DateStyle; indent: string; column: number }> = {
  ledger: { date: { separator: '/', pad: true }, indent: '    ', column: 48 },
  hledger: { date: { separator: '-', pad: true }, indent: '    ', column: 48 },
}

function mostCommon<T>(counts: Map<T, number>, fallback: T): T {
  let best = fallback
  let bestCount = 0
  for (const [k, n] of counts) {
    if (n > bestCount) {
      best = k
      bestCount = n
    }
  }
  return best
}

function bump<T>(counts: Map<T, number>, key: T): void {
  counts.set(key, (counts.get(key) ?? 0) + 1)
}

/** The default style for a commodity never seen: `$5` for currency signs, `5 EUR` for words. */
export function defaultCommodityStyle(symbol: string): CommodityStyle {
  const left = symbol.length === 1 && !/\p{L}/u.test(symbol)
  return { side: left ? 'left' : 'right', spaced: !left && symbol !== '', decimalMark: '.', groupMark: '', precision: 0 }
}

interface CommodityEvidence {
  side: Map<'left' | 'right', number>
  spaced: Map<boolean, number>
  decimalMark: Map<'.' | ',', number>
  groupMark: Map<string, number>
  precision: number
}

/** Infer (once) and return a journal's house style. */
export function houseStyle(journal: Journal): HouseStyle {
  const hit = cache.get(journal)
  if (hit) return hit
  const eols = new Map<Eol, number>()
  const indents = new Map<string, number>()
  const ends = new Map<number, number>()
  const gaps = new Map<number, number>()
  const seps = new Map<DateStyle['separator'], number>()
  const pads = new Map<boolean, number>()
  const commodities = new Map<string, CommodityEvidence>()
  let postingsWithAmounts = 0

  const seeAmount = (amount: Amount): void => {
    const number = amount.raws.number
    if (amount.commodity === '' || number === undefined) return
    let ev = commodities.get(amount.commodity)
    if (!ev) {
      ev = { side: new Map(), spaced: new Map(), decimalMark: new Map(), groupMark: new Map(), precision: 0 }
      commodities.set(amount.commodity, ev)
    }
    bump(ev.side, amount.side)
    bump(ev.spaced, (amount.raws.gap ?? '').length > 0)
    const reading = readNumber(number, journal.dialect)
    if (reading.decimalMark) bump(ev.decimalMark, reading.decimalMark)
    bump(ev.groupMark, reading.groupMark ?? '')
    if (reading.precision > ev.precision) ev.precision = reading.precision
  }

  const seePosting = (p: Posting): void => {
    if (p.raws.indent !== undefined) bump(indents, p.raws.indent)
    if (p.raws.eol) bump(eols, p.raws.eol)
    const amount = p.amount
    if (amount?.type === 'amount') {
      seeAmount(amount)
      if (p.raws.beforeAmount !== undefined && amount.raws.text !== undefined && !/\t/.test(p.raws.indent ?? '') && !/\t/.test(p.raws.beforeAmount)) {
        postingsWithAmounts++
        const accountText = p.account.length + (p.kind === 'real' ? 0 : 2)
        const lead = (p.raws.indent ?? '').length + (p.status ? 1 + (p.raws.afterStatus ?? '').length : 0) + accountText
        bump(ends, lead + p.raws.beforeAmount.length + amount.raws.text.length)
        bump(gaps, p.raws.beforeAmount.length)
      }
    }
    if (p.cost?.amount.type === 'amount') seeAmount(p.cost.amount)
    if (p.assertion?.amount.type === 'amount') seeAmount(p.assertion.amount)
  }

  const seeLines = (lines: readonly TransactionLine[]): void => {
    for (const line of lines) {
      if (line.type === 'posting') seePosting(line)
    }
  }

  for (const entry of journal.children) {
    if (entry.type === 'transaction') {
      if (entry.raws.eol) bump(eols, entry.raws.eol)
      const raw = entry.raws.date?.raw
      if (raw) {
        const sep = /[/.-]/.exec(raw)?.[0] as DateStyle['separator'] | undefined
        if (sep) bump(seps, sep)
        bump(pads, !/(^|[/.-])\d(?=[/.-]|$)/.test(raw))
      }
      seeLines(entry.children)
    } else if (entry.type === 'autoTransaction' || entry.type === 'periodicTransaction') {
      seeLines(entry.children)
    } else if ('raws' in entry && 'eol' in entry.raws && entry.raws.eol) {
      bump(eols, entry.raws.eol)
    }
  }

  const defaults = DEFAULT_STYLE[journal.dialect]
  const commonEnd = mostCommon(ends, -1)
  const endShare = postingsWithAmounts ? (ends.get(commonEnd) ?? 0) / postingsWithAmounts : 0
  const amounts: HouseStyle['amounts'] =
    postingsWithAmounts === 0 ? { align: 'end', column: defaults.column }
      : endShare >= 0.5 ? { align: 'end', column: commonEnd }
        : { align: 'gap', gap: Math.max(2, mostCommon(gaps, 2)) }
  const styles = new Map<string, CommodityStyle>()
  for (const [symbol, ev] of commodities) {
    styles.set(symbol, {
      side: mostCommon(ev.side, 'left'),
      spaced: mostCommon(ev.spaced, false),
      decimalMark: mostCommon(ev.decimalMark, '.'),
      groupMark: mostCommon(ev.groupMark, ''),
      precision: ev.precision,
    })
  }
  const eol = mostCommon(eols, '\n')
  const style: HouseStyle = {
    eol: eol === '' ? '\n' : eol,
    indent: mostCommon(indents, defaults.indent),
    amounts,
    date: { separator: mostCommon(seps, defaults.date.separator), pad: mostCommon(pads, defaults.date.pad) },
    commodity: (symbol) => styles.get(symbol) ?? defaultCommodityStyle(symbol),
  }
  cache.set(journal, style)
  return style
}

/** Forget a journal's cached style (after edits that change the evidence). */
export function forgetHouseStyle(journal: Journal): void {
  cache.delete(journal)
}
