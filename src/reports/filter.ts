/**
 * Choosing postings for a report: a predicate over a posting and its
 * transaction (plain TypeScript, as pledger's filters were), combined with a
 * date range.
 */
import type { ResolvedPosting, ResolvedTransaction } from '../semantics/model.js'

/** Whether a report includes a posting. */
export type PostingFilter = (p: ResolvedPosting, t: ResolvedTransaction) => boolean

/** A half-open date range `[begin, end)`, `YYYY-MM-DD`. */
export interface DateRange {
  begin?: string
  end?: string
}

/** The date a posting counts on: its own, else its transaction's. */
export function postingDate(p: ResolvedPosting, t: ResolvedTransaction, secondary = false): string {
  if (secondary) return p.date2 ?? t.date2 ?? p.date ?? t.date
  return p.date ?? t.date
}

/** Combine filters: all must hold. */
export function allOf(...filters: Array<PostingFilter | undefined>): PostingFilter {
  const list = filters.filter((f): f is PostingFilter => f !== undefined)
  if (list.length === 0) return () => true
  if (list.length === 1) return list[0] as PostingFilter
  return (p, t) => list.every((f) => f(p, t))
}

/** A filter keeping postings dated within a range. */
export function inRange(range: DateRange, secondary = false): PostingFilter | undefined {
  if (range.begin === undefined && range.end === undefined) return undefined
  return (p, t) => {
    const d = postingDate(p, t, secondary)
    return (range.begin === undefined || d >= range.begin) && (range.end === undefined || d < range.end)
  }
}
