/**
 * ledger → hledger: automated and periodic transactions.
 *
 * ledger applies an automated transaction to the entries read after it,
 * always; hledger to every entry, and only with `--auto`; their queries,
 * multipliers and `$account` differ too (rows 114-121). The faithful
 * rewrite is to write the postings ledger generates into the entries they
 * belong to (amounts exact, `generated-posting:` tag as hledger marks them),
 * and keep the rule itself as a comment.
 *
 * Periodic transactions hledger 1.25 cannot read (a start date off its
 * interval boundary, a period word it does not know) are kept as comments
 * (row 123); they do not change balances.
 */
import type { AutoTransaction, Entry, Posting } from '../../ast.js'
import { amount as amountNode, comment as commentNode, cost as costNode, posting } from '../../build.js'
import { badPeriodWord, hledgerPeriodStartProblem } from '../../period.js'
import { defineTransform } from '../types.js'
import { commentOutEntry, transactionsOf } from '../util.js'

/** Transform: write the postings automated transactions generate into the entries, keep the rules as comments. */
export const autoRules = defineTransform({
  name: 'auto-rules',
  description: 'Write the postings automated transactions generate into the entries, keep the rules as comments',
  from: 'ledger',
  to: 'hledger',
  run(ctx) {
    let written = 0
    const sideOf = (c: string): { side?: 'left' | 'right' } => {
      const side = ctx.source.resolved.commodities.get(c)?.side
      return side ? { side } : {}
    }
    for (const t of transactionsOf(ctx.journal)) {
      const r = ctx.source.transactionOf(t)
      if (!r) continue
      for (const p of r.postings) {
        if (p.generated !== 'auto') continue
        for (const a of p.amount ?? []) {
          const cost = p.cost && (p.amount?.length ?? 0) === 1
            ? costNode(amountNode(p.cost.price.quantity, p.cost.price.commodity, sideOf(p.cost.price.commodity)), p.cost.per)
            : undefined
          const line: Posting = posting(p.account, amountNode(a.quantity, a.commodity, sideOf(a.commodity)), { kind: p.kind, ...(cost ? { cost } : {}) })
          line.comment = commentNode(' generated-posting:')
          line.comment.raws.before = '  '
          t.children.push(line)
          written++
        }
      }
    }
    const out: Entry[] = []
    let entriesBefore = false
    for (const e of ctx.journal.children) {
      if (e.type === 'transaction') entriesBefore = true
      if (e.type === 'autoTransaction') {
        const checks = e.children.filter((l) => l.type === 'opaque' && l.reason === 'check-line').length
        ctx.report({
          severity: checks ? 'warning' : 'info', code: autoRuleKind(e, entriesBefore),
          message: `Automated transaction '= ${e.query}' kept as a comment: the postings ${ctx.from} generates from it are written into the entries${checks ? `; its assert/check lines are not carried over` : ''}`,
          node: e,
        })
        for (const c of commentOutEntry(e, ctx.journal)) out.push(c)
        continue
      }
      out.push(e)
    }
    ctx.journal.children = out
    if (written) ctx.shared.set('auto-rules-written', ((ctx.shared.get('auto-rules-written') as number | undefined) ?? 0) + written)
  },
})

/**
 * The lint rule for an automated transaction, by the first thing in it the
 * tools treat differently: an amount expression, an account reference, a
 * `*N` or bare-number multiplier, a query outside the common subset (a
 * plain account pattern), entries above it the rule would reach in one tool
 * only, comment lines (tags) under it; else the plain difference that
 * hledger applies rules only with `--auto`.
 */
function autoRuleKind(e: AutoTransaction, entriesBefore: boolean): string {
  const postings = e.children.filter((l): l is Posting => l.type === 'posting')
  if (postings.some((p) => p.amount?.type === 'valueExpr')) return 'auto-txn-amount-expression'
  if (postings.some((p) => /[$%]account\b|%\(/.test(p.account))) return 'auto-txn-account-ref'
  if (postings.some((p) => p.multiplier)) return 'auto-txn-star-multiplier'
  if (postings.some((p) => p.amount?.type === 'amount' && p.amount.commodity === '')) return 'auto-txn-multiplier'
  if (!/^\s*\/?[\w:.^$-]+\/?\s*$/u.test(e.query)) return 'auto-txn-query-syntax'
  if (entriesBefore) return 'auto-txn-position'
  if (e.children.some((l) => l.type === 'comment')) return 'auto-txn-metadata'
  return 'auto-txn-needs-flag'
}

/** Transform: keep periodic transactions hledger cannot read as comments. */
export const periodicTransactions = defineTransform({
  name: 'periodic-transactions',
  description: 'Keep periodic transactions hledger cannot read as comments',
  from: 'ledger',
  to: 'hledger',
  run(ctx) {
    const out: Entry[] = []
    for (const e of ctx.journal.children) {
      if (e.type === 'periodicTransaction') {
        const problem = e.period.trim() === '' ? 'it has no period' : badPeriodWord(e.period, 'hledger') !== undefined ? `hledger cannot read the period '${e.period}'` : hledgerPeriodStartProblem(e.period)
        if (problem) {
          ctx.report({ severity: 'warning', code: 'periodic-txn-start-date', message: `Periodic transaction kept as a comment: ${problem} (budgets and forecasts lose it; balances do not change)`, node: e })
          for (const c of commentOutEntry(e, ctx.journal)) out.push(c)
          continue
        }
        ctx.report({ severity: 'info', code: 'forecast-semantics', message: `Periodic transaction '~ ${e.period.trim()}' kept: ${ctx.to} generates budget goals and forecasts from it by its own rules (balances do not change)`, node: e })
      }
      out.push(e)
    }
    ctx.journal.children = out
  },
})
