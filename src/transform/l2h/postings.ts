/**
 * ledger → hledger: postings.
 *
 * - Value expressions in amounts, costs, lot prices and assertions are
 *   replaced by the amount ledger computes (row 55), rounded as ledger keeps
 *   it (each multiplication adds the operands' decimals, each division six
 *   more, capped at the commodity's precision plus six).
 * - Lots and costs (rows 59-66): a cost next to a lot price is written at the
 *   lot price, since ledger balances there (the written cost goes into a
 *   comment); fixated costs lose the `=`; lot notes and valuation expressions
 *   are dropped; blanks inside braces go.
 * - A lone tab between account and amount becomes two spaces (row 32).
 * - `<deferred>` postings become plain ones (row 36).
 * - A `[balanced virtual]` group that balances only together with the real
 *   postings becomes real postings (row 35).
 * - `assert`/`check`/`expr` lines inside an entry, which hledger would read
 *   as postings, become comments (row 94).
 */
import { Decimal } from 'decimal.js'
import type { Amount, Posting, ValueExpr } from '../../ast.js'
import { amount as amountNode } from '../../build.js'
import { parseExpr, type ExprNode } from '../../semantics/expr.js'
import type { ResolvedJournal, ResolvedPosting } from '../../semantics/model.js'
import type { SimpleAmount } from '../../semantics/amount.js'
import { balancePostings } from '../../semantics/balance.js'
import { defineTransform, type TransformContext } from '../types.js'
import { commentOutLine, postingsOf, transactionsOf, writeInferredAmounts } from '../util.js'

/** The decimals ledger keeps for an expression's result (its internal precision). */
export function ledgerExpressionPrecision(text: string, commodityPrecision: (commodity: string) => number, resultCommodity: string): number | undefined {
  const parsed = parseExpr(text)
  if (!parsed.expr) return undefined
  const cap = (p: number): number => (resultCommodity ? Math.min(p, commodityPrecision(resultCommodity) + 6) : p)
  const walk = (n: ExprNode): number | undefined => {
    switch (n.type) {
      case 'literal': {
        if (n.value.type !== 'amount') return 0
        const digits = /[0-9]+(?:[.,]([0-9]+))?/.exec(text.slice(n.span.start, n.span.end))
        return digits?.[1]?.length ?? 0
      }
      case 'unary': return walk(n.operand)
      case 'binary': {
        const a = walk(n.left)
        const b = walk(n.right)
        if (a === undefined || b === undefined) return undefined
        if (n.op === '+' || n.op === '-') return Math.max(a, b)
        if (n.op === '*') return cap(a + b)
        if (n.op === '/') return cap(a + b + 6)
        return undefined
      }
      default: return undefined
    }
  }
  return walk(parsed.expr)
}

function displayPrecision(resolved: ResolvedJournal): (c: string) => number {
  return (c) => resolved.commodities.get(c)?.precision ?? 0
}

/** An amount node for a computed value, in the commodity's side and spacing, with ledger's digits. */
function computedAmount(value: SimpleAmount, expr: ValueExpr, ctx: TransformContext): Amount {
  const places = ledgerExpressionPrecision(expr.text, displayPrecision(ctx.source.resolved), value.commodity)
  const q = places !== undefined && value.quantity.decimalPlaces() > places ? value.quantity.toDecimalPlaces(places, Decimal.ROUND_HALF_UP) : value.quantity
  const info = ctx.source.resolved.commodities.get(value.commodity)
  const a = amountNode(q, value.commodity, info?.side ? { side: info.side } : {})
  if (expr.span) a.span = expr.span
  return a
}

/** Transform: replace ledger value expressions in amounts by the amounts ledger computes. */
export const valueExpressions = defineTransform({
  name: 'value-expressions',
  description: 'Replace ledger value expressions in amounts by the amounts ledger computes',
  from: 'ledger',
  to: 'hledger',
  run(ctx) {
    for (const { posting: p } of postingsOf(ctx.journal)) {
      const r = ctx.source.postingOf(p)
      const note = (what: string, expr: ValueExpr, a: Amount | undefined): void => {
        if (a) ctx.report({ severity: 'info', code: 'amount-expression', message: `${what} ${expr.text} written as the amount ledger computes`, node: expr })
        else ctx.report({ severity: 'error', code: 'amount-expression', message: `${what} ${expr.text} could not be evaluated; left as written`, node: expr })
      }
      if (p.amount?.type === 'valueExpr') {
        const v = r?.amount?.[0]
        const a = v ? computedAmount(v, p.amount, ctx) : undefined
        note('The amount', p.amount, a)
        if (a) p.amount = a
      }
      if (p.cost?.amount.type === 'valueExpr') {
        const v = r?.cost?.price
        const expr = p.cost.amount
        const a = v ? computedAmount(v, expr, ctx) : undefined
        note('The cost', expr, a)
        if (a) p.cost.amount = a
      }
      if (p.assertion?.amount.type === 'valueExpr') {
        const v = r?.assertion?.amount
        const expr = p.assertion.amount
        const a = v ? computedAmount(v, expr, ctx) : undefined
        note('The balance assertion', expr, a)
        if (a) p.assertion.amount = a
      }
      for (const part of p.lot ?? []) {
        if (part.type === 'lotPrice' && part.amount.type === 'valueExpr') {
          const v = r?.lot?.price
          const expr = part.amount
          const a = v ? computedAmount(part.per === 'unit' ? v : { commodity: v.commodity, quantity: v.quantity.times((r?.amount?.[0]?.quantity ?? new Decimal(1)).abs()) }, expr, ctx) : undefined
          note('The lot price', expr, a)
          if (a) part.amount = a
        }
      }
    }
  },
})

/** Transform: write ledger lot annotations and costs the way hledger reads them with the same balance. */
export const lotsAndCosts = defineTransform({
  name: 'lots-and-costs',
  description: 'Write ledger lot annotations and costs the way hledger reads them with the same balance',
  from: 'ledger',
  to: 'hledger',
  run(ctx) {
    for (const { posting: p } of postingsOf(ctx.journal)) {
      if (p.cost?.fixated) {
        p.cost.fixated = false
        delete p.cost.raws.afterFixed
        ctx.report({ severity: 'info', code: 'fixated-cost', message: "Fixated cost '@ =' written as a plain cost (hledger has no fixated costs)", node: p.cost })
      }
      if (p.cost?.virtual) {
        ctx.report({ severity: 'info', code: 'virtual-cost', message: `Virtual cost '${p.cost.per === 'unit' ? '(@)' : '(@@)'}' kept: hledger reads it as a plain cost (ledger records no market price from it)`, node: p.cost })
      }
      if (p.assertion?.lot?.length) {
        ctx.report({ severity: 'info', code: 'lot-annotation', message: 'Lot annotation dropped from the balance assertion (hledger reads none there)', node: p.assertion })
        delete p.assertion.lot
      }
      if (!p.lot?.length) continue
      if (p.cost && p.raws.costIndex !== undefined && p.raws.costIndex < p.lot.length) {
        // ledger: annotations after the cost annotate the cost's amount, which hledger cannot express
        const after = p.lot.slice(p.raws.costIndex)
        p.lot = p.lot.slice(0, p.raws.costIndex)
        delete p.raws.costIndex
        ctx.report({ severity: 'info', code: 'lot-annotation', message: `Lot annotation of the cost amount dropped (${after.length} part${after.length === 1 ? '' : 's'}): hledger reads annotations only on the posting's amount`, node: p.cost })
        if (p.lot.length === 0) {
          delete p.lot
          continue
        }
      }
      const kept = p.lot.filter((part) => {
        if (part.type === 'lotNote' || part.type === 'lotValueExpr') {
          ctx.report({ severity: 'warning', code: part.type === 'lotNote' ? 'lot-note' : 'lot-value-expression', message: `Lot ${part.type === 'lotNote' ? `note (${part.note})` : `valuation ((${part.expr}))`} dropped: hledger 1.25 cannot read it`, node: part })
          return false
        }
        return true
      })
      for (const part of kept) {
        if (part.type === 'lotPrice' && ((part.raws.afterOpen ?? '') !== '' || /\S/.test('') || (part.raws.beforeClose ?? '') !== '')) {
          part.raws.afterOpen = ''
          part.raws.beforeClose = ''
          ctx.report({ severity: 'info', code: 'lot-price-spaces', message: 'Blanks inside the lot price braces removed (hledger rejects them)', node: part })
        }
      }
      p.lot = kept.length ? kept : undefined
      if (p.lot === undefined) delete p.lot
      if (p.raws.costIndex !== undefined && p.raws.costIndex > kept.length) p.raws.costIndex = kept.length
      // a cost next to a lot price: ledger balances at the lot price (row 60)
      const price = kept.find((x) => x.type === 'lotPrice')
      const r = ctx.source.postingOf(p)
      if (p.cost && price && price.type === 'lotPrice' && price.amount.type === 'amount' && p.cost.amount.type === 'amount' &&
        price.amount.commodity === p.cost.amount.commodity && r?.lot?.price && r.cost) {
        const unitLot = r.lot.price.quantity
        const unitCost = r.cost.per === 'unit' ? r.cost.price.quantity : r.cost.price.quantity.dividedBy(r.amount?.[0]?.quantity.abs() ?? 1)
        if (!unitLot.equals(unitCost)) {
          const written = p.cost.amount.raws.text ?? `${p.cost.amount.quantity.toString()} ${p.cost.amount.commodity}`
          const lotAmount = price.amount
          const perUnit = price.per === 'unit'
          p.cost.per = perUnit ? 'unit' : 'total'
          p.cost.amount = { ...lotAmount, raws: { ...lotAmount.raws } }
          delete p.cost.amount.span
          ctx.report({ severity: 'warning', code: 'lot-price-with-cost', message: `Cost ${written} written as the lot price: ledger balances this posting at the lot price, hledger at the cost (the written cost is kept in a comment)`, node: p })
          const text = ` cost: ${written}`
          p.comment = p.comment ? { ...p.comment, text: p.comment.text + ',' + text } : { type: 'comment', marker: ';', text, raws: { before: '  ' } }
        }
      }
    }
  },
})

/**
 * ledger keeps an amount with a lot price (and no cost) in a commodity of its
 * own, so `28 X {10 EUR}` and `-7 X {40 EUR}` can balance each other by an
 * implicit conversion; hledger ignores lot prices and sees 21 X. Writing each
 * such posting's lot price as its cost makes hledger weigh it at the lot
 * basis, as ledger does; it is done only where that makes the entry balance.
 */
export const lotWeights = defineTransform({
  name: 'lot-weights',
  description: 'Give lot-priced postings their lot price as cost where hledger would otherwise not balance the entry',
  from: 'ledger',
  to: 'hledger',
  run(ctx) {
    const precision = displayPrecision(ctx.source.resolved)
    for (const t of transactionsOf(ctx.journal)) {
      const r = ctx.source.transactionOf(t)
      if (!r) continue
      const lotted = t.children.filter((l): l is Posting => l.type === 'posting' && !l.cost && l.amount?.type === 'amount' && (l.lot ?? []).some((x) => x.type === 'lotPrice' && x.amount.type === 'amount'))
      if (lotted.length === 0) continue
      // hledger's view: no lot prices, and what was inferred is inferred again
      const view = (): ResolvedPosting[] => r.postings.filter((p) => !p.generated).map(({ lot: _lot, ...p }) => ({ ...p, amount: p.inferred || !p.amount ? undefined : [...p.amount] }))
      if (balancePostings(view(), 'hledger', precision).error === undefined) continue
      const withCosts = view().map((p) => {
        const node = p.node
        if (!node || !lotted.includes(node) || !p.amount?.[0]) return p
        const price = (node.lot ?? []).find((x) => x.type === 'lotPrice')
        if (!price || price.type !== 'lotPrice' || price.amount.type !== 'amount') return p
        const a = p.amount[0]
        const unit = price.per === 'unit' ? price.amount.quantity : price.amount.quantity.dividedBy(a.quantity.abs())
        const total = { commodity: price.amount.commodity, quantity: a.quantity.times(unit) }
        return { ...p, amount: [...p.amount], cost: { per: 'unit' as const, price: { commodity: price.amount.commodity, quantity: unit }, total, virtual: false, fixated: false } }
      })
      if (balancePostings(withCosts, 'hledger', precision).error !== undefined) continue
      for (const p of lotted) {
        const price = (p.lot ?? []).find((x) => x.type === 'lotPrice')
        if (!price || price.type !== 'lotPrice' || price.amount.type !== 'amount') continue
        const a = { ...price.amount, raws: { ...price.amount.raws } }
        delete a.span
        p.cost = { type: 'cost', per: price.per, virtual: false, fixated: false, amount: a, raws: { before: ' ', afterMarker: ' ' } }
      }
      ctx.report({ severity: 'info', code: 'lot-price-elided-counterpart', message: 'Lot prices written as costs too: ledger balances lot-priced amounts at their lot price, hledger would see one commodity and not balance', node: t })
    }
  },
})

/** ledger computes an assignment in file order; its amount is written out (hledger computes in date order). */
export const assignments = defineTransform({
  name: 'assignments',
  description: 'Write the amount ledger computes for each balance assignment',
  from: 'ledger',
  to: 'hledger',
  run(ctx) {
    for (const t of transactionsOf(ctx.journal)) {
      if (!t.children.some((l) => l.type === 'posting' && l.amount === undefined && l.assertion)) continue
      if (writeInferredAmounts(t, (p) => ctx.source.postingOf(p), (c) => ctx.source.resolved.commodities.get(c)?.side)) {
        ctx.report({ severity: 'info', code: 'assertion-order', message: 'Balance assignment written with the amount ledger computes (ledger assigns in file order, hledger in date order)', node: t })
      }
    }
  },
})

/** Transform: write a lone tab between account and amount as two spaces. */
export const tabSeparators = defineTransform({
  name: 'tab-separators',
  description: 'Write a lone tab between account and amount as two spaces',
  from: 'ledger',
  to: 'hledger',
  run(ctx) {
    for (const { posting: p } of postingsOf(ctx.journal)) {
      const gap = p.raws.beforeAmount
      if (gap !== undefined && gap.length > 0 && !/[ \t][ \t]/.test(gap)) {
        p.raws.beforeAmount = gap.replace(/\t/, '  ')
        ctx.report({ severity: 'info', code: 'tab-separator', message: 'A single tab before the amount written as two spaces (hledger would read it as part of the account name)', node: p })
      }
    }
  },
})

/** Transform: write ledger <deferred> postings as plain postings. */
export const deferredPostings = defineTransform({
  name: 'deferred-postings',
  description: 'Write ledger <deferred> postings as plain postings',
  from: 'ledger',
  to: 'hledger',
  run(ctx) {
    for (const { posting: p } of postingsOf(ctx.journal)) {
      if (p.kind !== 'deferred') continue
      p.kind = 'real'
      ctx.report({ severity: 'info', code: 'deferred-posting', message: `Deferred posting <${p.account}> written as a plain posting (hledger has no deferred postings)`, node: p })
    }
  },
})

/** Transform: turn [balanced virtual] postings that balance only with the real ones into real postings. */
export const balancedVirtualGroups = defineTransform({
  name: 'balanced-virtual-groups',
  description: 'Turn [balanced virtual] postings that balance only with the real ones into real postings',
  from: 'ledger',
  to: 'hledger',
  run(ctx) {
    for (const t of transactionsOf(ctx.journal)) {
      const group = t.children.filter((l): l is Posting => l.type === 'posting' && l.kind === 'balanced')
      if (group.length === 0) continue
      const r = ctx.source.transactionOf(t)
      if (!r) continue
      const sums = new Map<string, Decimal>()
      for (const p of r.postings) {
        if (p.kind !== 'balanced') continue
        const weights = p.cost ? [p.cost.total] : (p.amount ?? [])
        for (const a of weights) sums.set(a.commodity, (sums.get(a.commodity) ?? new Decimal(0)).plus(a.quantity))
      }
      const precision = displayPrecision(ctx.source.resolved)
      const balanced = [...sums].every(([c, q]) => q.toDecimalPlaces(precision(c)).isZero())
      if (balanced) continue
      // ledger balanced them with the real postings: as real postings they balance the same way in hledger
      for (const p of group) p.kind = 'real'
      ctx.report({ severity: 'warning', code: 'virtual-balanced-group', message: `[Balanced virtual] posting${group.length === 1 ? '' : 's'} written as real: ${group.length === 1 ? 'it balances' : 'they balance'} only together with the real postings, and hledger balances each group on its own (reports with --real now include ${group.length === 1 ? 'it' : 'them'})`, node: t })
    }
  },
})

/** Transform: keep ledger's assert/check lines inside entries as comments. */
export const inEntryChecks = defineTransform({
  name: 'in-entry-checks',
  description: "Keep ledger's assert/check lines inside entries as comments",
  from: 'ledger',
  to: 'hledger',
  run(ctx) {
    for (const t of transactionsOf(ctx.journal)) {
      t.children = t.children.map((line) => {
        if (line.type !== 'opaque' || line.reason !== 'check-line') return line
        ctx.report({ severity: 'warning', code: 'in-transaction-assert', message: `'${line.raws.text.trim()}' kept as a comment: hledger would read it as a posting and cannot check it`, node: line })
        return commentOutLine(line, line.raws.text)
      })
    }
  },
})
