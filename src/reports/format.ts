/**
 * Rendering report values: amounts in each commodity's display style, and
 * rows as aligned text, CSV or JSON.
 */
import { Decimal } from 'decimal.js'
import { renderAmount, symbolNeedsQuotes } from '../print/amount.js'
import { defaultCommodityStyle, type CommodityStyle } from '../print/style.js'
import type { SimpleAmount } from '../semantics/amount.js'
import type { ResolvedJournal } from '../semantics/model.js'

/**
 * Renders amounts as the dialect displays them: each commodity in the style
 * it was first written in (side, spacing, marks), at the display precision
 * the dialect infers. Commodities never written in a posting get the default
 * style for their symbol.
 */
export class AmountFormatter {
  private readonly styles = new Map<string, CommodityStyle>()

  constructor(private readonly resolved: ResolvedJournal) {}

  /** The display style of a commodity. */
  style(commodity: string): CommodityStyle {
    let s = this.styles.get(commodity)
    if (!s) {
      const base = defaultCommodityStyle(commodity)
      const info = this.resolved.commodities.get(commodity)
      s = {
        side: info?.side ?? base.side,
        spaced: info?.spaced ?? base.spaced,
        decimalMark: info?.decimalMark ?? base.decimalMark,
        groupMark: info?.groupMark ?? base.groupMark,
        precision: Math.max(info?.precision ?? base.precision, info?.displayPrecision ?? 0),
      }
      if (s.groupMark === s.decimalMark) s.groupMark = ''
      this.styles.set(commodity, s)
    }
    return s
  }

  /**
   * One amount as text, rounded to the commodity's display precision. A
   * negative amount with its symbol on the left shows the sign after the
   * symbol (`$-5.00`), as both tools' reports do.
   */
  format(amount: SimpleAmount): string {
    const a = this.unreduce(amount)
    const style = this.style(a.commodity)
    // (a commodity with no known style, such as ledger's plain numbers, shows every decimal it has)
    const known = this.resolved.commodities.has(a.commodity)
    const rounded = known ? a.quantity.toDecimalPlaces(style.precision, Decimal.ROUND_HALF_EVEN) : a.quantity
    const dialect = this.resolved.dialect
    const text = renderAmount({ quantity: rounded, commodity: a.commodity, quoted: false }, style, (symbol) => symbolNeedsQuotes(symbol, dialect))
    if (style.side === 'left' && a.commodity && text.startsWith('-')) {
      const symbolEnd = text.indexOf(a.commodity) + a.commodity.length + (style.spaced ? 1 : 0)
      return text.slice(1, symbolEnd) + '-' + text.slice(symbolEnd)
    }
    return text
  }

  /** ledger: the amount in the largest unit its conversions give at least 1 of (`3145728 B` is `3.00 MB`). */
  unreduce(a: SimpleAmount): SimpleAmount {
    if (this.resolved.conversions.length === 0) return a
    let out = a
    for (let i = 0; i < 10; i++) {
      const c = this.resolved.conversions.find((x) => x.smaller === out.commodity)
      if (!c) break
      const q = out.quantity.dividedBy(c.factor)
      if (q.abs().lessThan(1)) break
      out = { commodity: c.larger, quantity: q }
    }
    return out
  }

  /** Several amounts, one per line (`0` for none). */
  lines(amounts: readonly SimpleAmount[]): string[] {
    return amounts.length ? amounts.map((a) => this.format(a)) : ['0']
  }
}

/** Exact decimal text of a quantity (JSON and CSV output never round). */
export function exact(a: SimpleAmount): { commodity: string; quantity: string } {
  return { commodity: a.commodity, quantity: a.quantity.toFixed() }
}

/** Quote a CSV field when it needs it. */
export function csvField(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value
}

/** Render rows of cells as CSV lines. */
export function toCsv(rows: readonly string[][]): string {
  return rows.map((r) => r.map(csvField).join(',')).join('\n') + '\n'
}
