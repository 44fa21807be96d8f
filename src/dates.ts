/**
 * Reading and writing journal dates.
 *
 * Both tools accept `Y/M/D` and year-less `M/D` with `/`, `-` or `.` as the
 * separator and one- or two-digit months and days. hledger 1.25 wants a year
 * of at least four digits and one separator throughout. ledger 3.3 takes years 1400..9999 only and reads a
 * four-digit first field of a two-part date as `Y/M` (the first of the
 * month). Dates are normalised to `YYYY-MM-DD`, or `MM-DD` without a year.
 */
import type { DateText, Dialect } from './ast.js'

/** The result of reading a date token. */
export interface DateReading {
  /** Normalised date (`YYYY-MM-DD` or `MM-DD`); the raw text when invalid. */
  value: DateText
  /** Why the tool would reject the date, when it would. */
  error?: string
}

const ISO = /^\d{4}-\d{2}-\d{2}$/

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
  if (ISO.test(text)) {
    const month = (text.charCodeAt(5) - 48) * 10 + text.charCodeAt(6) - 48
    const day = (text.charCodeAt(8) - 48) * 10 + text.charCodeAt(9) - 48
    if (month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(month, Number(text.slice(0, 4)))) return { value: text }
  }
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
    if (dialect === 'hledger' && y.length < 4) return { value: text, error: 'the year must have at least 4 digits' }
    year = Number(y)
    if (dialect === 'ledger' && (year < 1400 || year > 9999)) return { value: text, error: 'year is out of the valid range 1400..9999' }
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

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']

/**
 * Read a date with a strptime-style format, as ledger does after an
 * `--input-date-format` option line. Supports %Y %y %m %d %e %b %B %h and
 * literal characters.
 */
export function readDateWithFormat(text: string, format: string): DateReading {
  let re = '^'
  const fields: string[] = []
  for (let i = 0; i < format.length; i++) {
    const c = format[i] as string
    if (c === '%' && i + 1 < format.length) {
      const f = format[++i] as string
      if (f === 'Y') re += '(\\d{4})'
      else if (f === 'y') re += '(\\d{2})'
      else if (f === 'm' || f === 'd' || f === 'e') re += '\\s?(\\d{1,2})'
      else if (f === 'b' || f === 'B' || f === 'h') re += '([A-Za-z]+)'
      else if (f === '%') {
        re += '%'
        continue
      } else return { value: text, error: `unsupported date format %${f}` }
      fields.push(f)
    } else re += c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
  }
  const m = new RegExp(re + '$').exec(text)
  if (!m) return { value: text, error: `does not match the input date format ${format}` }
  let year: number | undefined
  let month = 0
  let day = 1
  fields.forEach((f, k) => {
    const v = m[k + 1] as string
    if (f === 'Y') year = Number(v)
    else if (f === 'y') year = Number(v) < 69 ? 2000 + Number(v) : 1900 + Number(v)
    else if (f === 'm') month = Number(v)
    else if (f === 'd' || f === 'e') day = Number(v)
    else month = MONTHS.indexOf(v.slice(0, 3).toLowerCase()) + 1
  })
  if (!(month >= 1 && month <= 12)) return { value: text, error: 'invalid month' }
  if (!(day >= 1 && day <= daysInMonth(month, year))) return { value: text, error: `invalid day ${day} for month ${month}` }
  return { value: year === undefined ? `${pad2(month)}-${pad2(day)}` : `${pad4(year)}-${pad2(month)}-${pad2(day)}` }
}
