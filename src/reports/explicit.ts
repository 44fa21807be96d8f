/**
 * `print --explicit`: transactions with every amount written out, as the
 * chosen dialect resolved them. Written postings keep their text; a posting
 * whose amount was inferred, assigned or computed from an expression gets
 * the exact amount (one posting per commodity), and postings added by
 * automated transactions and rules are appended (hledger marks them with a
 * `generated-posting:` tag, as `hledger print --auto` does).
 */
import type { Dialect, Posting, Transaction, TransactionLine } from '../ast.js'
import { amount as amountNode, comment as commentNode, posting as postingNode, transaction as transactionNode } from '../build.js'
import type { SimpleAmount } from '../semantics/amount.js'
import type { ResolvedPosting, ResolvedTransaction } from '../semantics/model.js'

function amountNodeOf(a: SimpleAmount): ReturnType<typeof amountNode> {
  return amountNode(a.quantity, a.commodity)
}

/** Postings for a resolved posting whose amount is not written as a plain amount. */
function explicitPostings(p: ResolvedPosting, template: Posting | undefined, dialect: Dialect): Posting[] {
  const amounts = p.amount ?? []
  if (template) {
    if (amounts.length === 0) return [template]
    return amounts.map((a, i) => {
      const copy: Posting = { ...template, amount: amountNodeOf(a), raws: { ...template.raws } }
      // the gap before the amount was sized for what was written (often nothing)
      delete copy.raws.beforeAmount
      if (i > 0) {
        delete copy.comment
        delete copy.assertion
      }
      return copy
    })
  }
  return amounts.map((a) => {
    const generated = postingNode(p.account, amountNodeOf(a), { kind: p.kind, ...(p.status ? { status: p.status } : {}) })
    if (dialect === 'hledger' && p.generated === 'auto') generated.comment = commentNode(' generated-posting:')
    return generated
  })
}

/** The transaction `t` with explicit amounts, as a syntax node ready to print. */
export function explicitTransaction(t: ResolvedTransaction, dialect: Dialect): Transaction {
  const byNode = new Map<Posting, ResolvedPosting[]>()
  const extra: ResolvedPosting[] = []
  for (const p of t.postings) {
    if (p.node && !p.generated) {
      const list = byNode.get(p.node)
      if (list) list.push(p)
      else byNode.set(p.node, [p])
    } else {
      extra.push(p)
    }
  }
  const lines: TransactionLine[] = []
  const source = t.node?.children ?? []
  for (const line of source) {
    if (line.type !== 'posting') {
      lines.push(line)
      continue
    }
    const resolved = byNode.get(line)
    if (!resolved) {
      lines.push(line)
      continue
    }
    const plain = line.amount?.type === 'amount' && resolved.length === 1
    if (plain) {
      lines.push(line)
      continue
    }
    const merged: ResolvedPosting = { ...(resolved[0] as ResolvedPosting), amount: resolved.flatMap((r) => r.amount ?? []) }
    lines.push(...explicitPostings(merged, line, dialect))
  }
  for (const p of extra) lines.push(...explicitPostings(p, undefined, dialect))
  if (t.node) return { ...t.node, children: lines }
  return transactionNode({ date: t.date, description: t.description, postings: lines, ...(t.status ? { status: t.status } : {}) })
}
