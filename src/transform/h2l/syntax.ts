/**
 * hledger → ledger: syntax and meaning ledger reads differently.
 *
 * - `account NAME  ; comment`: ledger would take the comment into the name;
 *   it moves to the next line (row 78).
 * - An include of a CSV file (hledger 1.25 refuses it; ledger would read it
 *   as journal text) becomes a comment.
 * - `decimal-mark` (ledger ignores it; numbers are written for ledger) and
 *   other hledger-only directives become comments (row 49).
 * - `~ PERIOD  description`: the description moves to a comment line; a
 *   period ledger cannot read keeps the rule as a comment (row 122).
 * - Unicode blanks (hledger reads them as blanks) become spaces.
 * - A header comment needs two blanks before `;` for ledger (row 9).
 * - An amountless `(virtual)` posting is zero to hledger; ledger needs the 0
 *   (row 34).
 * - A negative cost is dropped and the entry's amounts written out (row 57).
 * - Lot annotations, which hledger 1.25 ignores, are dropped: ledger would
 *   balance at them (rows 59-61, 65).
 * - Assertions: `==` becomes `=`, `=*`/`==*` and assertion costs are
 *   dropped (rows 70, 71).
 * - Year-less secondary dates get the primary date's year (row 5).
 */
import { Decimal } from 'decimal.js'
import type { Entry, Posting } from '../../ast.js'
import { amount as amountNode } from '../../build.js'
import { badPeriodWord } from '../../period.js'
import { defineTransform } from '../types.js'
import { commentLine, commentOutEntry, postingsOf, transactionsOf, writeInferredAmounts } from '../util.js'

const ODD_BLANKS = /[\v\f\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g

/** Transform: write hledger directives the way ledger reads them, or keep them as comments. */
export const directives = defineTransform({
  name: 'directives',
  description: 'Write hledger directives the way ledger reads them, or keep them as comments',
  from: 'hledger',
  to: 'ledger',
  run(ctx) {
    const out: Entry[] = []
    for (const e of ctx.journal.children) {
      if (e.type === 'directive' && e.name === 'decimal-mark') {
        ctx.report({ severity: 'info', code: 'decimal-mark-directive', message: "'decimal-mark' kept as a comment: ledger ignores it; the numbers are written so that ledger reads them", node: e })
        for (const c of commentOutEntry(e, ctx.journal)) out.push(c)
        continue
      }
      if (e.type === 'directive' && e.name === 'include' && /^(?:(?:csv|tsv|ssv|rules):|.*\.(?:csv|tsv|ssv|rules)$)/i.test(e.args.trim())) {
        ctx.report({ severity: 'warning', code: 'include-foreign-format', message: `'include ${e.args.trim()}' kept as a comment: ledger would read the CSV file as journal text (hledger 1.25 refuses to include CSV too); import its transactions with 'ptabridge import' instead`, node: e })
        for (const c of commentOutEntry(e, ctx.journal)) out.push(c)
        continue
      }
      if (e.type === 'directive' && e.name === 'end tag') {
        ctx.report({ severity: 'info', code: 'end-tag-directive', message: "'end tag' kept as a comment: hledger ignores it, ledger rejects it without an enclosing 'apply tag'", node: e })
        for (const c of commentOutEntry(e, ctx.journal)) out.push(c)
        continue
      }
      if (e.type === 'transaction' && /^\d{5,}/.test(e.date)) {
        ctx.report({ severity: 'error', code: 'date-out-of-range', message: `Transaction dated ${e.date} kept as a comment: ledger reads no year beyond 9999, so its postings are lost`, node: e })
        for (const c of commentOutEntry(e, ctx.journal)) out.push(c)
        continue
      }
      if (e.type === 'periodicTransaction' && e.children.some((l) => l.type === 'posting' && l.assertion)) {
        const assigns = e.children.some((l) => l.type === 'posting' && l.assertion && l.amount === undefined)
        if (assigns) {
          ctx.report({ severity: 'warning', code: 'periodic-txn-assertion', message: 'Periodic transaction kept as a comment: ledger reads no balance assignment in a periodic transaction (forecasts lose it; balances do not change)', node: e })
          for (const c of commentOutEntry(e, ctx.journal)) out.push(c)
          continue
        }
        for (const l of e.children) {
          if (l.type !== 'posting' || !l.assertion) continue
          ctx.report({ severity: 'warning', code: 'periodic-txn-assertion', message: 'Balance assertion dropped from a periodic transaction: ledger reads none there (only forecasts checked it; balances do not change)', node: l.assertion })
          delete l.assertion
        }
      }
      if (e.type === 'comment' && /[ \t]/.test(e.raws.before ?? '')) {
        e.raws.before = ''
        ctx.report({ severity: 'info', code: 'indented-top-level-comment', message: 'Indentation removed from a comment outside any entry: ledger 3.3 rejects an indented line there', node: e })
      }
      if (e.type === 'directive' && e.name === 'account' && e.comment) {
        const c = e.comment
        delete e.comment
        e.raws.trailing = ''
        const text = c.text.replace(/^[ \t]+/, '')
        if (text.trim() === '') {
          ctx.report({ severity: 'info', code: 'account-directive-comment', message: 'The account directive\'s empty comment dropped: ledger would read it as part of the account name, and rejects an empty comment line under it', node: e })
        } else {
          e.children.unshift(commentLine(text, '    ', e.raws.eol || '\n'))
          ctx.report({ severity: 'info', code: 'account-directive-comment', message: 'The account directive\'s comment moved to the next line: ledger would read it as part of the account name', node: e })
        }
      }
      if (e.type === 'directive' && e.name === 'P') {
        // hledger reads `P DATE EUR$1.20`; ledger needs a blank between the symbol and the price
        const spaced = e.args.replace(/^(\S+[ \t]+(?:"[^"]+"|[A-Za-z]+))(?=[$€£¥]|-?\d)/, '$1 ')
        if (spaced !== e.args) {
          e.args = spaced
          ctx.report({ severity: 'info', code: 'p-directive-spacing', message: 'A blank written between the commodity and its price: ledger reads the price only after one', node: e })
        }
      }
      if (e.type === 'periodicTransaction') {
        if (badPeriodWord(e.period, 'ledger') !== undefined) {
          ctx.report({ severity: 'warning', code: 'periodic-txn-description', message: `Periodic transaction kept as a comment: ledger cannot read the period '${e.period}' (budgets and forecasts lose it; balances do not change)`, node: e })
          for (const c of commentOutEntry(e, ctx.journal)) out.push(c)
          continue
        }
        ctx.report({ severity: 'info', code: 'forecast-semantics', message: `Periodic transaction '~ ${e.period.trim()}' kept: ${ctx.to} generates budget goals and forecasts from it by its own rules (balances do not change)`, node: e })
        const moved = []
        if (e.description !== undefined) {
          moved.push(commentLine(e.description, '    ', '\n'))
          ctx.report({ severity: 'info', code: 'periodic-txn-description', message: 'The periodic transaction\'s description moved to a comment line: ledger reads nothing after the period', node: e })
          delete e.description
          delete e.raws.beforeDescription
        }
        if (e.comment) {
          moved.push(commentLine(e.comment.text.replace(/^[ \t]+/, ''), '    ', '\n'))
          delete e.comment
          e.raws.trailing = ''
        }
        e.children.unshift(...moved)
      }
      out.push(e)
    }
    ctx.journal.children = out
  },
})

/** Transform: write Unicode blanks hledger reads as blanks as spaces, and two blanks before a header comment. */
export const blanks = defineTransform({
  name: 'blanks',
  description: 'Write Unicode blanks hledger reads as blanks as spaces, and two blanks before a header comment',
  from: 'hledger',
  to: 'ledger',
  run(ctx) {
    for (const t of transactionsOf(ctx.journal)) {
      if (t.comment && !/^(?:[ \t]{2,}|\t)/.test(t.comment.raws.before ?? '') && t.description !== '') {
        t.comment.raws.before = '  '
        ctx.report({ severity: 'info', code: 'semicolon-in-description', message: 'Two blanks written before the comment: ledger would read a \';\' after fewer as part of the description', node: t.comment })
      }
      for (const line of t.children) {
        if (line.type !== 'posting') continue
        let n = 0
        for (const key of ['indent', 'beforeAmount', 'afterStatus'] as const) {
          const v = line.raws[key]
          if (v !== undefined && ODD_BLANKS.test(v)) {
            line.raws[key] = v.replace(ODD_BLANKS, ' ')
            n++
          }
          ODD_BLANKS.lastIndex = 0
        }
        if (ODD_BLANKS.test(line.account) || line.account.includes('\t')) {
          line.account = line.account.replace(ODD_BLANKS, ' ').replace(/\t/g, ' ')
          n++
        }
        ODD_BLANKS.lastIndex = 0
        if (n) ctx.report({ severity: 'info', code: 'unicode-blank', message: 'Unicode blanks or tabs in the posting written as spaces (ledger reads only spaces and tabs as blanks, and a tab ends an account name)', node: line })
      }
    }
  },
})

/** Transform: write postings so ledger weighs and checks them as hledger does. */
export const postings = defineTransform({
  name: 'postings',
  description: 'Write postings so ledger weighs and checks them as hledger does',
  from: 'hledger',
  to: 'ledger',
  run(ctx) {
    for (const t of transactionsOf(ctx.journal)) {
      let explicit = false
      let droppedNegativeCost = false
      // an entry of amountless virtual postings only: both tools count nothing (ledger drops it)
      const allEmpty = t.children.every((l) => l.type !== 'posting' || (l.kind === 'virtual' && l.amount === undefined && !l.assertion))
      for (const line of t.children) {
        if (line.type !== 'posting') continue
        const p: Posting = line
        if (p.kind === 'virtual' && p.amount === undefined && !p.assertion && !allEmpty) {
          p.amount = amountNode('0')
          ctx.report({ severity: 'info', code: 'virtual-elided-paren', message: 'Amountless virtual posting written with amount 0 (hledger reads it as zero, ledger requires an amount)', node: p })
        }
        if (p.cost && p.cost.amount.type === 'amount' && p.cost.amount.quantity.isNegative() && !p.cost.amount.quantity.isZero()) {
          delete p.cost
          delete p.raws.costIndex
          explicit = true
          droppedNegativeCost = true
          ctx.report({ severity: 'warning', code: 'negative-cost', message: 'Negative cost dropped: ledger rejects it. The entry\'s amounts are written out; ledger balances two commodities without a cost only when their signs differ', node: p })
        }
        if (p.cost && p.cost.amount.type === 'amount' && p.amount?.type === 'amount' && p.cost.amount.commodity === p.amount.commodity) {
          const c = p.cost.amount
          const weight = p.cost.per === 'total' ? c.quantity.abs().times(p.amount.quantity.isNegative() ? -1 : 1) : c.quantity.times(p.amount.quantity)
          const same = weight.equals(p.amount.quantity)
          delete p.cost
          delete p.raws.costIndex
          ctx.report({ severity: same ? 'info' : 'warning', code: 'cost-same-commodity', message: same ? 'Cost in the amount\'s own commodity dropped: ledger rejects it, and it weighs the same as the amount' : `Cost in the amount's own commodity dropped: ledger rejects it; hledger weighed the posting as ${weight.toString()} ${c.commodity} when balancing`, node: p })
          if (!same) explicit = true
        }
        if (p.lot?.length) {
          ctx.report({ severity: 'warning', code: 'lot-annotation', message: 'Lot annotation dropped: hledger 1.25 ignores it, ledger would use it to value and balance the posting', node: p })
          delete p.lot
          delete p.raws.costIndex
        }
        const a = p.assertion
        if (a) {
          if (a.cost) {
            delete a.cost
            ctx.report({ severity: 'info', code: 'assertion-with-cost', message: 'Cost dropped from the balance assertion (ledger reads none there)', node: a })
          }
          if (a.op === '==') {
            a.op = '='
            ctx.report({ severity: 'warning', code: 'assertion-extended', message: "'==' written as '=': ledger cannot also assert that no other commodity is held", node: a })
          } else if (a.op === '=*' || a.op === '==*') {
            if (p.amount === undefined) explicit = true
            ctx.report({ severity: 'warning', code: 'assertion-extended', message: `'${a.op}' assertion dropped: ledger cannot assert a balance including subaccounts`, node: a })
            delete p.assertion
          }
        }
      }
      if (explicit) writeInferredAmounts(t, (p) => ctx.source.postingOf(p), (c) => ctx.source.resolved.commodities.get(c)?.side)
      if (droppedNegativeCost) {
        for (const group of ['real', 'balanced'] as const) {
          const members = t.children.filter((l): l is Posting => l.type === 'posting' && l.kind === group)
          if (ledgerCannotBalance(members)) {
            for (const m of members) m.kind = 'virtual'
            ctx.report({ severity: 'warning', code: 'negative-cost', message: `The entry's ${group === 'real' ? 'real' : 'balanced virtual'} postings written as unbalanced virtual postings '(…)': without the negative cost ledger cannot balance them. Balances stay the same; reports with --real leave them out`, node: t })
          }
        }
      }
      const r = ctx.source.transactionOf(t)
      if (r && t.auxDate !== undefined && t.auxDate.length <= 5 && r.date2 !== undefined) {
        t.auxDate = r.date2
        ctx.report({ severity: 'info', code: 'aux-date-yearless', message: `Secondary date written with its year (${r.date2}): ledger would take the current year`, node: t })
      }
    }
    void postingsOf
  },
})

/**
 * Whether ledger would refuse to balance these postings: they carry no cost,
 * and their per-commodity sums leave more than two commodities, or two with
 * the same sign (ledger infers a price only between two opposite sums).
 */
function ledgerCannotBalance(members: readonly Posting[]): boolean {
  const sums = new Map<string, Decimal>()
  for (const m of members) {
    if (m.cost || m.amount?.type !== 'amount') return false
    sums.set(m.amount.commodity, (sums.get(m.amount.commodity) ?? new Decimal(0)).plus(m.amount.quantity))
  }
  const open = [...sums.values()].filter((q) => !q.isZero())
  if (open.length <= 1) return open.length === 1
  if (open.length > 2) return true
  return open[0]!.isNegative() === open[1]!.isNegative()
}
