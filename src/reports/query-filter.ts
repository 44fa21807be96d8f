/**
 * Turning a query into a posting filter: each resolved posting is seen the
 * way the chosen dialect's tool sees it (payee, note, tags inherited from the
 * transaction, effective status) and tested with {@link matchesPosting}.
 */
import type { Dialect } from '../ast.js'
import {
  matchesPosting, parseHledgerQuery, parseLedgerQuery, queryDateSpan, queryDepth, withoutDepth, type Query,
} from '../semantics/query.js'
import { queryTarget } from '../semantics/query-target.js'
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
