/**
 * Reading and writing journal dates.
 *
 * Both tools accept `Y/M/D` and year-less `M/D` with `/`, `-` or `.` as the
 * separator and one- or two-digit months and days. ledger 3.3 also reads a
 * two-digit year (`%y`, pivot 1969) and `Y/M` (the first of the month);
 * hledger 1.25 reads any number of year digits literally and wants one
 * separator throughout. Dates are normalised to `YYYY-MM-DD`, or `MM-DD`
 * without a year.
 */
import type { DateText, Dialect } from './ast.js'

/** The result of reading a date token. */
export interface DateReading {
  /** Normalised date (`YYYY-MM-DD` or `MM-DD`); the raw text when invalid. */
  value: DateText
  /** Why the tool would reject the date, when it would. */
  error?: string
}

const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n)
}

function pad4(n: number): string {
  const s = String(n)
  return s.length >= 4 ? s : '0000'.slice(s.length) + s
}

/** Whether `year` is a leap year in the proleptic Gregorian calendar. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
}

/** Number of days in a month; February has 29 when the year is unknown. */
export function daysInMonth(month: number, year?: number): number {
  if (month === 2 && year !== undefined) return isLeapYear(year) ? 29 : 28
  return DAYS[month - 1] ?? 0
}

/** Read a date token (`2024/1/5`, `1-5`, `24.01.05`) as `dialect` reads it. */
export function readDate(text: string, dialect: Dialect): DateReading {
  const parts = text.split(/[/.-]/)
  const seps = text.replace(/[0-9]/g, '')
  if (dialect === 'hledger' && seps.length === 2 && seps[0] !== seps[1]) {
    return { value: text, error: 'the date separators must be the same' }
  }
  let year: number | undefined
  let month: number
  let day: number
  if (parts.length === 3) {
    const y = parts[0] as string
    year = Number(y)
    if (dialect === 'ledger' && y.length <= 2) year = year < 69 ? 2000 + year : 1900 + year
    month = Number(parts[1])
    day = Number(parts[2])
  } else {
    const a = Number(parts[0])
    const b = Number(parts[1])
    if (dialect === 'ledger' && (parts[0] as string).length === 4 && a > 12) {
      year = a
      month = b
      day = 1
    } else {
      month = a
      day = b
    }
  }
  if (!(month >= 1 && month <= 12)) return { value: text, error: `invalid month ${parts[parts.length === 3 ? 1 : 0]}` }
  if (!(day >= 1 && day <= daysInMonth(month, year))) return { value: text, error: `invalid day ${day} for month ${month}` }
  return { value: year === undefined ? `${pad2(month)}-${pad2(day)}` : `${pad4(year)}-${pad2(month)}-${pad2(day)}` }
}

/** How dates are written: separator, zero padding. */
export interface DateStyle {
  separator: '-' | '/' | '.'
  pad: boolean
}

/** Render a normalised date in a style. */
export function formatDate(date: DateText, style: DateStyle): string {
  const parts = date.split('-')
  if (!style.pad) {
    for (let i = parts.length - 2; i < parts.length; i++) parts[i] = String(Number(parts[i]))
  }
  return parts.join(style.separator)
}

/** Whether a normalised date has a year. */
export function hasYear(date: DateText): boolean {
  return date.length > 5
}
