/**
 * Report periods: `-b`/`-e` dates, `-p` period expressions and the
 * intervals (`-M`, `-Y`, …) a register groups by.
 *
 * Dates and ranges are read as hledger reads them (see `parseHledgerPeriod`),
 * optionally preceded by an interval word (`monthly in 2024`).
 */
import { parseHledgerPeriod } from '../semantics/query.js'
import type { DateRange } from './filter.js'

/** A grouping interval for periodic reports. */
export type Interval = 'daily' | 'weekly' | 'monthly' | 'quarterly' | 'yearly'

/** The start of the interval containing `date`. */
export function intervalStart(date: string, interval: Interval): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  switch (interval) {
    case 'daily': return date
    case 'weekly': {
      const t = new Date(Date.UTC(y, m - 1, d))
      const back = (t.getUTCDay() + 6) % 7
      t.setUTCDate(t.getUTCDate() - back)
      return t.toISOString().slice(0, 10)
    }
    case 'monthly': return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-01`
    case 'quarterly': return `${String(y).padStart(4, '0')}-${String(Math.floor((m - 1) / 3) * 3 + 1).padStart(2, '0')}-01`
    case 'yearly': return `${String(y).padStart(4, '0')}-01-01`
  }
}

/** The first day after the interval that starts at `start`. */
export function intervalEnd(start: string, interval: Interval): string {
  const [y, m, d] = start.split('-').map(Number) as [number, number, number]
  const t = new Date(Date.UTC(y, m - 1, d))
  switch (interval) {
    case 'daily': t.setUTCDate(t.getUTCDate() + 1); break
    case 'weekly': t.setUTCDate(t.getUTCDate() + 7); break
    case 'monthly': t.setUTCMonth(t.getUTCMonth() + 1); break
    case 'quarterly': t.setUTCMonth(t.getUTCMonth() + 3); break
    case 'yearly': t.setUTCFullYear(t.getUTCFullYear() + 1); break
  }
  return t.toISOString().slice(0, 10)
}

/** The range a date or period written in report options covers (`2024`, `2024-03`, `2024q1`, a date, `A..B`). */
export function dateSpan(text: string): DateRange | undefined {
  const span = parseHledgerPeriod(text)
  if ('error' in span) return undefined
  const out: DateRange = {}
  if (span.from !== undefined) out.begin = span.from
  if (span.to !== undefined) out.end = span.to
  return out
}

/** Parse a `-p` period expression, with an optional leading interval word. Returns an error message when it cannot. */
export function parsePeriod(text: string): { range: DateRange; interval?: Interval } | { error: string } {
  let t = text.trim().toLowerCase()
  let interval: Interval | undefined
  const iv = /^(daily|weekly|monthly|quarterly|yearly)\b\s*(?:in\s+)?/.exec(t)
  if (iv) {
    interval = iv[1] as Interval
    t = t.slice(iv[0].length)
  }
  let range: DateRange = {}
  if (t !== '') {
    const span = parseHledgerPeriod(t)
    if ('error' in span) return { error: span.error }
    range = dateSpan(t) ?? {}
  }
  return interval ? { range, interval } : { range }
}
