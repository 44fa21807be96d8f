/**
 * What a report looks at: a query (hledger or ledger syntax), a plain
 * TypeScript predicate, a date range and a period, combined into one posting
 * filter. Shared by the library's reports and the CLI.
 */
import type { Dialect } from '../ast.js'
import { allOf, inRange, type DateRange, type PostingFilter } from '../reports/filter.js'
import { dateSpan, parsePeriod, type Interval } from '../reports/period.js'
import { readReportQuery, type QuerySyntax } from '../reports/query-filter.js'

/** Which postings a report covers. Every part given must hold. */
export interface Selection {
  /** Query words, e.g. `['expenses', 'desc:grocer']` (a string is split at blanks). */
  query?: string | readonly string[]
  /** The language of `query` (default `hledger`: its terms, plus bare account patterns). */
  querySyntax?: QuerySyntax
  /** A predicate over a posting and its transaction. */
  filter?: PostingFilter
  /** First date included, as `-b` takes it (`2024`, `2024-03`, `2024-03-05`). */
  begin?: string
  /** First date excluded, as `-e` takes it. */
  end?: string
  /** A period expression, as `-p` takes it (`2024q1`, `monthly in 2024`, `2024-01..2024-04`). */
  period?: string
  /** Only real postings (no `(virtual)` or `[virtual]`). */
  real?: boolean
}

/** A selection made ready: the combined filter and the depth and interval it sets. */
export interface ResolvedSelection {
  filter: PostingFilter
  range: DateRange
  depth?: number
  interval?: Interval
  /** Parts of a ledger query that are not evaluated (they match nothing). */
  unsupported: string[]
}

/** Thrown when a selection cannot be read (a bad query or date); the message says what to write instead. */
export class SelectionError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'SelectionError'
  }
}

function boundary(text: string, flag: string): string {
  const span = dateSpan(text)
  if (!span?.begin) throw new SelectionError(`cannot read the date '${text}' given to ${flag}: write 2024, 2024-03 or 2024-03-05`)
  return span.begin
}

/**
 * Combine a selection into one filter, for `dialect`'s reading of payees,
 * notes and tags.
 *
 * @throws {SelectionError} for a query or date that cannot be read.
 */
export function resolveSelection(selection: Selection, dialect: Dialect): ResolvedSelection {
  const range: DateRange = {}
  let interval: Interval | undefined
  if (selection.period !== undefined) {
    const p = parsePeriod(selection.period)
    if ('error' in p) throw new SelectionError(p.error)
    Object.assign(range, p.range)
    interval = p.interval
  }
  if (selection.begin !== undefined) range.begin = boundary(selection.begin, '-b/--begin')
  if (selection.end !== undefined) range.end = boundary(selection.end, '-e/--end')
  let queryFilter: PostingFilter | undefined
  let depth: number | undefined
  const unsupported: string[] = []
  const words = typeof selection.query === 'string' ? selection.query.split(/\s+/).filter(Boolean) : selection.query ?? []
  if (words.length) {
    const q = readReportQuery(words, selection.querySyntax ?? 'hledger', dialect)
    if (q.errors.length) throw new SelectionError(`cannot read the query: ${q.errors.join('; ')}`)
    if (q.query.type !== 'any') queryFilter = q.filter
    depth = q.depth
    unsupported.push(...q.unsupported)
  }
  const real: PostingFilter | undefined = selection.real ? (p) => p.kind === 'real' : undefined
  const out: ResolvedSelection = { filter: allOf(inRange(range), real, queryFilter, selection.filter), range, unsupported }
  if (depth !== undefined) out.depth = depth
  if (interval !== undefined) out.interval = interval
  return out
}
