/**
 * Period expressions (`~ monthly from 2024-01-01`), checked word by word.
 *
 * Neither tool's period language is modelled in full here; this module knows
 * the words both accept, so that text they would reject (ledger: "Unexpected
 * date period token 'rent'"; hledger: "remainder of period expression cannot
 * be parsed") is reported at parse time.
 */
import type { Dialect } from './ast.js'

const WORDS = new Set([
  'every', 'from', 'to', 'until', 'in', 'this', 'next', 'last', 'today', 'tomorrow', 'yesterday',
  'day', 'days', 'week', 'weeks', 'month', 'months', 'quarter', 'quarters', 'year', 'years',
  'daily', 'weekly', 'biweekly', 'fortnightly', 'monthly', 'bimonthly', 'quarterly', 'yearly',
  'jan', 'january', 'feb', 'february', 'mar', 'march', 'apr', 'april', 'may', 'jun', 'june', 'jul', 'july',
  'aug', 'august', 'sep', 'sept', 'september', 'oct', 'october', 'nov', 'november', 'dec', 'december',
  'mon', 'monday', 'tue', 'tues', 'tuesday', 'wed', 'wednesday', 'thu', 'thur', 'thurs', 'thursday',
  'fri', 'friday', 'sat', 'saturday', 'sun', 'sunday',
])
const HLEDGER_WORDS = new Set(['of', 'other', 'and', 'weekday', 'weekdays', 'weekendday', 'weekenddays'])
const LEDGER_WORDS = new Set(['since', 'annually'])
const NUMERIC = /^(?:\d[\d/.-]*|\.\.|-)$/
const HLEDGER_NUMERIC = /^(?:\d+(?:st|nd|rd|th)|q[1-4]|\d{4}q[1-4]|\d{4}-?w\d{1,2})$/

/** The first word of a period expression that `dialect` would not accept, if any. */
export function badPeriodWord(period: string, dialect: Dialect): string | undefined {
  const words = period.split(/[ \t]+/).filter((w) => w !== '')
  // ledger 3.3 stops reading after a leading bare number, `in`, or a month
  // name (observed: `~ 15 rent`, `~ in 2024 x`, `~ jan x` are accepted).
  if (dialect === 'ledger' && words.length && /^(?:\d+|in|jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sept?(ember)?|oct(ober)?|nov(ember)?|dec(ember)?)$/i.test(words[0] as string)) return undefined
  for (const word of words) {
    if (word === '') continue
    const lower = word.toLowerCase()
    if (WORDS.has(lower) || NUMERIC.test(lower)) {
      // hledger 1.25 reads `until` alone, not after `from` (observed: "remainder of period expression cannot be parsed")
      if (dialect === 'hledger' && lower === 'until' && words.some((w) => w.toLowerCase() === 'from')) return word
      continue
    }
    if (dialect === 'ledger' && LEDGER_WORDS.has(lower)) continue
    if (dialect === 'hledger' && (HLEDGER_WORDS.has(lower) || HLEDGER_NUMERIC.test(lower) || /^\d.*\.\..*\d/.test(lower))) continue
    return word
  }
  return undefined
}

const INTERVAL_START: Record<string, (month: number, day: number, weekday: number) => boolean> = {
  day: () => true,
  week: (_m, _d, wd) => wd === 1,
  month: (_m, d) => d === 1,
  quarter: (m, d) => d === 1 && (m - 1) % 3 === 0,
  year: (m, d) => d === 1 && m === 1,
}
const INTERVAL_WORDS: Readonly<Record<string, string>> = {
  daily: 'day', weekly: 'week', biweekly: 'week', fortnightly: 'week', monthly: 'month', bimonthly: 'month', quarterly: 'quarter', yearly: 'year',
}

/**
 * hledger 1.25 refuses a periodic rule whose `from` date is not the first day
 * of its interval (`~ monthly from 2001-01-15`, `~ every 2 weeks from` a
 * Tuesday), for every command (fixed in 1.29). Returns a message when
 * `period` is such a rule.
 */
export function hledgerPeriodStartProblem(period: string): string | undefined {
  const m = /^\s*(?:(daily|weekly|biweekly|fortnightly|monthly|bimonthly|quarterly|yearly)|every\s+(?:\d+\s+)?(day|week|month|quarter|year)s?)\s+.*?\bfrom\s+(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\b/i.exec(period)
  if (!m) return undefined
  const [year, month, day] = [Number(m[3]), Number(m[4]), Number(m[5])]
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay()
  const unit = m[1] ? (INTERVAL_WORDS[m[1].toLowerCase()] as string) : (m[2] as string).toLowerCase()
  if ((INTERVAL_START[unit] as (m: number, d: number, wd: number) => boolean)(month, day, weekday)) return undefined
  const pad = (n: number): string => (n < 10 ? `0${n}` : String(n))
  return `Unable to generate transactions according to "${period}" because ${year}-${pad(month)}-${pad(day)} is not a first day of the ${unit.replace(/^./, (c) => c.toUpperCase())}`
}
