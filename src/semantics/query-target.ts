/**
 * How a resolved posting looks to a query (query.ts) under one dialect's
 * rules: hledger splits the description into payee and note at `|`; ledger's
 * payee may come from a `Payee:` tag, and its `note` is the comment text;
 * postings inherit their transaction's tags and status.
 */
import type { Dialect } from '../ast.js'
import type { ResolvedPosting, ResolvedTransaction } from './model.js'
import { hledgerPayeeAndNote, type QueryTarget } from './query.js'
import type { AccountTypes } from './account-types.js'

/** How a posting looks to a query under `dialect`'s rules. */
export function queryTarget(p: ResolvedPosting, t: ResolvedTransaction, dialect: Dialect, types?: AccountTypes): QueryTarget {
  const split = dialect === 'hledger' ? hledgerPayeeAndNote(t.description) : undefined
  const target: QueryTarget = {
    account: p.account,
    description: t.description,
    payee: split ? split.payee : (p.payee ?? t.payee),
    note: split ? split.note : t.note,
    code: t.code,
    date: p.date ?? t.date,
    status: p.status || t.status,
    amounts: p.amount ?? [],
    real: p.kind === 'real',
  }
  const type = types?.typeOf(p.account)
  if (type) target.accountType = type
  const date2 = p.date2 ?? t.date2
  if (date2 !== undefined) target.date2 = date2
  const comments = [p.node?.comment?.text, t.node?.comment?.text].filter((c): c is string => c !== undefined)
  if (comments.length) target.comment = comments.join('\n')
  if (p.tags.size || t.tags.size) {
    const tags: Array<{ name: string; value: string }> = []
    for (const [name, value] of p.tags) tags.push({ name, value })
    for (const [name, value] of t.tags) tags.push({ name, value })
    target.tags = tags
  }
  return target
}
