/**
 * Reading hledger's timedot format (what hledger 1.25 makes of a `.timedot`
 * file it includes) into journal transactions.
 *
 * A day starts with an unindented date, optionally followed by a
 * description. Each following `account  quantity` line becomes a cleared
 * transaction of that day with one virtual posting of hours, no commodity.
 * Quantities are dots (a quarter hour each, spaces allowed), or a number of
 * hours, or a number with a unit: `s`, `m`, `h`, `d` (24h), `w` (168h),
 * `mo` (5040h) or `y` (61320h), the factors hledger 1.25 uses. Seconds and
 * minutes are rounded to ten decimals, as hledger does. Lines starting with
 * `#`, `;` or `*` are comments; so is anything after the quantity.
 *
 * The transactions carry the span of their item line, so diagnostics about
 * them point into the timedot file. The result is not printable back to
 * timedot: it is the journal hledger reads, to be written in another form.
 */
import { Decimal } from 'decimal.js'
import type { Journal, Transaction } from '../ast.js'
import { amount, blank, posting, transaction } from '../build.js'
import { readDate } from '../dates.js'
import type { Diagnostic } from '../diagnostic.js'
import { attachSource } from '../position.js'

/** What {@link readTimedot} returns. */
export interface TimedotResult {
  /** The transactions hledger reads from the file (dialect `hledger`). */
  journal: Journal
  diagnostics: Diagnostic[]
}

const HOURS_PER_UNIT: Readonly<Record<string, number>> = { h: 1, d: 24, w: 168, mo: 5040, y: 61320 }
const SECONDS_PER_UNIT: Readonly<Record<string, number>> = { s: 3600, m: 60 }

/** The hours a timedot quantity stands for, or why it cannot be read. */
export function timedotHours(text: string): Decimal | { error: string; column: number } {
  const q = text.trim()
  if (q === '') return new Decimal(0)
  if (/^[. ]+$/.test(q)) return new Decimal(q.replace(/ /g, '').length).dividedBy(4)
  const m = /^([+-]?\d+(?:[.,]\d*)?|[+-]?[.,]\d+)(s|m|h|d|w|mo|y)?$/.exec(q)
  if (!m) return { error: `expected dots or a number of hours (with an optional unit s, m, h, d, w, mo, y), found '${q}'`, column: text.indexOf(q) }
  const n = new Decimal((m[1] as string).replace(',', '.'))
  const unit = m[2] ?? 'h'
  const perHour = SECONDS_PER_UNIT[unit]
  if (perHour !== undefined) return n.dividedBy(perHour).toDecimalPlaces(10, Decimal.ROUND_HALF_UP)
  return n.times(HOURS_PER_UNIT[unit] ?? 1)
}

/**
 * Read a timedot file as hledger does.
 *
 * @example
 * ```ts
 * const { journal } = readTimedot('2024-01-05\nwork:project  .... ..\n', 'work.timedot')
 * // one transaction: 2024-01-05 * / (work:project)  1.5
 * ```
 */
export function readTimedot(text: string, file?: string): TimedotResult {
  const diagnostics: Diagnostic[] = []
  const journal: Journal = { type: 'journal', dialect: 'hledger', children: [], raws: {} }
  if (file !== undefined) journal.file = file
  attachSource(journal, text)
  const at = (line: number, column: number, message: string, hint: string): void => {
    const d: Diagnostic = { severity: 'error', code: 'parse/timedot', message, hint, line, column }
    if (file !== undefined) d.file = file
    diagnostics.push(d)
  }
  let day: { date: string; description: string } | undefined
  let offset = 0
  const lines = text.split('\n')
  lines.forEach((raw, i) => {
    const start = offset
    offset += raw.length + 1
    const line = raw.replace(/\r$/, '')
    const lineNo = i + 1
    if (line.trim() === '' || /^[ \t]*[#;*]/.test(line)) return
    if (!/^[ \t]/.test(line) && /^\d/.test(line)) {
      const m = /^(\S+)(?:[ \t]+(.*))?$/.exec(line) as RegExpExecArray
      const reading = readDate(m[1] as string, 'hledger')
      if (reading.error) {
        at(lineNo, 1, `Unreadable date '${m[1]}': ${reading.error}`, 'write the day as YYYY-MM-DD')
        day = undefined
        return
      }
      day = { date: reading.value, description: (m[2] ?? '').trim() }
      return
    }
    if (!day) {
      at(lineNo, 1, 'A time entry before any date line', 'start the day with a line holding only its date')
      return
    }
    const indent = /^[ \t]*/.exec(line)?.[0].length ?? 0
    const body = line.slice(indent).replace(/[ \t]*;.*$/, '')
    const gap = /(?: {2,}|\t)/.exec(body)
    const account = (gap ? body.slice(0, gap.index) : body).replace(/\t/g, ' ').trimEnd()
    const quantityText = gap ? body.slice(gap.index) : ''
    const hours = timedotHours(quantityText)
    if (!(hours instanceof Decimal)) {
      at(lineNo, indent + (gap?.index ?? 0) + hours.column + 1, `Unreadable time quantity: ${hours.error}`, 'write dots (a quarter hour each) or a number such as 1.5, 90m or 2h')
      return
    }
    const t: Transaction = transaction({ date: day.date, description: day.description, status: '*', postings: [posting(account, amount(hours), { kind: 'virtual' })] })
    t.span = { start: start + indent, end: start + line.length }
    const p = t.children[0]
    if (p) p.span = { start: start + indent, end: start + line.length }
    if (journal.children.length > 0) journal.children.push(blank())
    journal.children.push(t)
  })
  return { journal, diagnostics }
}
