/**
 * Turning a query into a posting filter: each resolved posting is seen the
 * way the chosen dialect's tool sees it (payee, note, tags inherited from the
 * transaction, effective status) and tested with {@link matchesPosting}.
 */
import type { Dialect } from '../ast.js'
import type { ResolvedPosting, ResolvedTransaction } from '../semantics/model.js'
import {
  hledgerPayeeAndNote, matchesPosting, parseHledgerQuery, parseLedgerQuery, queryDateSpan, queryDepth, withoutDepth,
  type Query, type QueryTarget,
} from '../semantics/query.js'
import type { DateRange, PostingFilter } from './filter.js'

/** Which query language the words of a report query are written in. */
export type QuerySyntax = 'hledger' | 'ledger'

/** A query read for a report: the filter, and the depth and period it sets. */
export interface ReportQuery {
  query: Query
  filter: PostingFilter
  /** `depth:N` in the query (reports clip account names to it). */
  depth?: number
  /** The date span the query's `date:` terms set. */
  range?: DateRange
  /** Problems that make the query unusable. */
  errors: string[]
  /** Parts of a ledger query ptabridge does not evaluate (they match nothing). */
  unsupported: string[]
}

/**
 * Read report query words.
 *
 * @example
 * ```ts
 * const q = readReportQuery(['expenses', 'desc:grocer'], 'hledger', 'hledger')
 * balanceReport(journal, { filter: q.filter })
 * ```
 */
export function readReportQuery(words: readonly string[], syntax: QuerySyntax, dialect: Dialect): ReportQuery {
  const parsed = syntax === 'ledger' ? parseLedgerQuery(words) : { ...parseHledgerQuery(words), unsupported: [] as string[] }
  const query = withoutDepth(parsed.query)
  const out: ReportQuery = { query, filter: queryFilter(query, dialect), errors: parsed.errors, unsupported: parsed.unsupported }
  const depth = queryDepth(parsed.query)
  if (depth !== undefined) out.depth = depth
  const span = queryDateSpan(parsed.query)
  if (span) {
    const range: DateRange = {}
    if (span.from !== undefined) range.begin = span.from
    if (span.to !== undefined) range.end = span.to
    out.range = range
  }
  return out
}

/** A posting filter for a parsed query (`any` gives a filter that keeps everything). */
export function queryFilter(query: Query, dialect: Dialect): PostingFilter {
  if (query.type === 'any') return () => true
  return (p, t) => matchesPosting(query, queryTarget(p, t, dialect), { ignoreDepth: true })
}

/** How a posting looks to a query under `dialect`'s rules. */
export function queryTarget(p: ResolvedPosting, t: ResolvedTransaction, dialect: Dialect): QueryTarget {
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
