/**
 * Rendering balance and register reports as text (the column layout ledger
 * and hledger use), CSV (one row per account and commodity, exact numbers) or
 * JSON (exact numbers as strings, never floats).
 */
import type { Dialect } from '../ast.js'
import type { SimpleAmount } from '../semantics/amount.js'
import type { BalanceReport } from './balance.js'
import { exact, toCsv, type AmountFormatter } from './format.js'
import type { RegisterRow } from './register.js'

/** Output formats of the reports. */
export type OutputFormat = 'text' | 'csv' | 'json'

const AMOUNT_WIDTH = 20

/** A balance report as text, laid out as ledger's and hledger's `bal` print it: amounts right-aligned, one line per commodity, the account on the last. */
export function balanceText(report: BalanceReport, fmt: AmountFormatter, options: { total?: boolean; dialect?: Dialect } = {}): string {
  const cells = report.rows.map((r) => ({ lines: fmt.lines(r.amounts), label: '  '.repeat(r.indent) + r.label }))
  const totalLines = fmt.lines(report.total)
  const width = Math.max(AMOUNT_WIDTH, ...cells.flatMap((c) => c.lines.map((l) => l.length)), ...totalLines.map((l) => l.length))
  const out: string[] = []
  for (const c of cells) {
    c.lines.forEach((line, i) => out.push(i === c.lines.length - 1 ? `${line.padStart(width)}  ${c.label}` : line.padStart(width)))
  }
  // ledger leaves the total out when it shows a single line
  if (options.total !== false && (options.dialect !== 'ledger' || report.rows.length > 1)) {
    out.push('-'.repeat(width))
    // hledger prints the total as a row with an empty account name
    totalLines.forEach((line, i) => out.push(line.padStart(width) + (options.dialect === 'hledger' && i === totalLines.length - 1 ? '  ' : '')))
  }
  return out.length ? out.join('\n') + '\n' : ''
}

/** A balance report as CSV: `account,commodity,quantity` (the total last, as account `total`). */
export function balanceCsv(report: BalanceReport): string {
  const rows: string[][] = [['account', 'commodity', 'quantity']]
  const push = (account: string, amounts: readonly SimpleAmount[]): void => {
    if (amounts.length === 0) rows.push([account, '', '0'])
    for (const a of amounts) rows.push([account, a.commodity, a.quantity.toFixed()])
  }
  for (const r of report.rows) push(r.account, r.amounts)
  push('total', report.total)
  return toCsv(rows)
}

/** A balance report as a JSON value. */
export function balanceJson(report: BalanceReport): unknown {
  return {
    rows: report.rows.map((r) => ({ account: r.account, depth: r.indent, amounts: r.amounts.map(exact) })),
    total: report.total.map(exact),
  }
}

/** How many terminal columns a character takes: 2 for East Asian wide and fullwidth characters. */
function charWidth(code: number): number {
  return (code >= 0x1100 && code <= 0x115f) || (code >= 0x2e80 && code <= 0xa4cf) || (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) || (code >= 0xfe30 && code <= 0xfe4f) || (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) || (code >= 0x1f300 && code <= 0x1faff) || (code >= 0x20000 && code <= 0x3fffd)
    ? 2
    : 1
}

/** The display width of text in terminal columns. */
export function displayWidth(text: string): number {
  let width = 0
  for (const ch of text) width += charWidth(ch.codePointAt(0) as number)
  return width
}

/** Pad to a display width. */
function padEnd(text: string, width: number): string {
  const w = displayWidth(text)
  return w >= width ? text : text + ' '.repeat(width - w)
}

/** Pad on the left to a display width. */
function padStart(text: string, width: number): string {
  const w = displayWidth(text)
  return w >= width ? text : ' '.repeat(width - w) + text
}

/** Keep the first characters of text that fit in `width` columns. */
function takeWidth(text: string, width: number): string {
  let out = ''
  let used = 0
  for (const ch of text) {
    const w = charWidth(ch.codePointAt(0) as number)
    if (used + w > width) break
    out += ch
    used += w
  }
  return out
}

/**
 * Fit text to a column: when too long, the first characters that fit in
 * `width - 2` columns and `..` (hledger leaves that unpadded, ledger pads);
 * else padded.
 */
function fitRight(text: string, width: number, padElided = true): string {
  if (displayWidth(text) <= width) return padEnd(text, width)
  const elided = takeWidth(text, width - 2) + '..'
  return padElided ? padEnd(elided, width) : elided
}

/**
 * Shorten an account name to `width` columns as the tool does, cutting
 * parents left to right (the last part is kept). hledger cuts each parent to
 * 2 characters until the name fits; ledger cuts each only as far as needed,
 * to no less than 2 (ledger 3.3 sometimes spreads the cut differently:
 * `Business:Expenses:Office:X` becomes `Bu:Exp:Offic:X` there, `Bu:Ex:Office:X`
 * here). Either then elides on the left.
 */
export function abbreviateAccount(name: string, width: number, dialect: Dialect): string {
  let length = displayWidth(name)
  if (length <= width) return name
  const parts = name.split(':')
  for (let i = 0; i < parts.length - 1 && length > width; i++) {
    const part = parts[i] as string
    let cut = Math.max(0, part.length - 2)
    if (dialect === 'ledger') cut = Math.min(cut, length - width)
    parts[i] = part.slice(0, part.length - cut)
    length -= displayWidth(part) - displayWidth(parts[i] as string)
  }
  const short = parts.join(':')
  if (displayWidth(short) <= width) return short
  return '..' + [...short].slice(-(width - 2)).join('')
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** ledger's default register date: `24-Jan-05`. */
function ledgerDate(iso: string): string {
  return `${iso.slice(2, 4)}-${MONTHS[Number(iso.slice(5, 7)) - 1] ?? '???'}-${iso.slice(8, 10)}`
}

/** hledger's period labels: `2024`, `2024Q1`, `2024-01`, `2024-01-01W01`, `2024-01-05`. */
function hledgerPeriodLabel(period: NonNullable<RegisterRow['period']>): string {
  const { interval, start } = period
  switch (interval) {
    case 'yearly': return start.slice(0, 4)
    case 'quarterly': return `${start.slice(0, 4)}Q${Math.floor((Number(start.slice(5, 7)) - 1) / 3) + 1}`
    case 'monthly': return start.slice(0, 7)
    case 'daily': return start
    case 'weekly': {
      const d = new Date(`${start}T00:00:00Z`)
      const thursday = new Date(d)
      thursday.setUTCDate(d.getUTCDate() + 3)
      const yearStart = new Date(Date.UTC(thursday.getUTCFullYear(), 0, 1))
      const week = Math.floor((thursday.getTime() - yearStart.getTime()) / 86400000 / 7) + 1
      return `${start}W${String(week).padStart(2, '0')}`
    }
  }
}

/**
 * The account as the register shows it, in `width` columns, with the
 * brackets of a virtual posting: hledger shortens the name inside them,
 * ledger the bracketed name as a whole.
 */
function registerAccount(row: RegisterRow, width: number, dialect: Dialect): string {
  const kind = row.posting?.kind
  const [open, close] = kind === 'virtual' ? ['(', ')'] : kind === 'balanced' ? ['[', ']'] : ['', '']
  if (!open) return abbreviateAccount(row.account, width, dialect)
  return dialect === 'hledger'
    ? open + abbreviateAccount(row.account, width - 2, dialect) + close
    : abbreviateAccount(open + row.account + close, width, dialect)
}

/** Amount lines for a register cell: `0` when every amount is zero (as both tools show it). */
function cellLines(amounts: readonly SimpleAmount[], fmt: AmountFormatter): string[] {
  return fmt.lines(amounts.filter((a) => !a.quantity.isZero()))
}

/**
 * A register report as text, laid out as the dialect's tool lays it out in
 * 80 columns (hledger's widths adapt to wide amounts; ledger's columns have
 * minimum widths and overflow).
 */
export function registerText(rows: readonly RegisterRow[], fmt: AmountFormatter, options: { dialect?: Dialect } = {}): string {
  const lines = options.dialect === 'ledger' ? ledgerRegister(rows, fmt) : hledgerRegister(rows, fmt)
  return lines.length ? lines.join('\n') + '\n' : ''
}

/** hledger 1.25: DATE DESCRIPTION ACCOUNT AMOUNT TOTAL; amounts top-aligned, totals bottom-aligned. */
function hledgerRegister(rows: readonly RegisterRow[], fmt: AmountFormatter): string[] {
  const cells = rows.map((row) => ({ row, amounts: cellLines(row.amounts, fmt), totals: fmt.lines(row.total) }))
  const amountWidth = Math.max(12, ...cells.flatMap((c) => c.amounts.map(displayWidth)))
  const totalWidth = Math.max(12, ...cells.flatMap((c) => c.totals.map(displayWidth)))
  const grouped = rows.some((r) => r.period)
  const dateWidth = grouped ? Math.max(0, ...rows.map((r) => (r.period ? hledgerPeriodLabel(r.period).length : 0))) : 10
  const remaining = 80 - (dateWidth + 1 + 2 + amountWidth + 2 + totalWidth)
  const descWidth = grouped ? 0 : Math.floor((remaining - 2) / 2)
  const accountWidth = grouped ? remaining - 2 : remaining - 2 - descWidth
  const out: string[] = []
  let lastKey: unknown
  let lastDate = ''
  for (const { row, amounts, totals } of cells) {
    const key = row.transaction ?? row.period?.start
    const first = key !== lastKey
    lastKey = key
    // a new transaction shows its date and description; a posting dated otherwise, its date
    const date = row.period ? (first ? hledgerPeriodLabel(row.period) : '') : first || row.date !== lastDate ? row.date : ''
    lastDate = row.date
    const description = first && !grouped ? fitRight(row.description, descWidth, false) : ' '.repeat(descWidth)
    const lead = `${padEnd(date, dateWidth)} ${description}  `
    const account = padEnd(registerAccount(row, accountWidth, 'hledger'), accountWidth)
    const n = Math.max(amounts.length, totals.length)
    for (let i = 0; i < n; i++) {
      const amount = amounts[i] ?? ''
      const total = totals[i - (n - totals.length)] ?? ''
      const left = i === 0 ? lead + account : ' '.repeat(displayWidth(lead) + accountWidth)
      out.push(`${left}  ${padStart(amount, amountWidth)}  ${padStart(total, totalWidth)}`)
    }
  }
  return out
}

/** ledger 3.3: YY-Mon-DD PAYEE(21) ACCOUNT(22) AMOUNT(12) TOTAL(12), minimum widths; totals top-aligned. */
function ledgerRegister(rows: readonly RegisterRow[], fmt: AmountFormatter): string[] {
  const out: string[] = []
  let lastKey: unknown
  let lastDate = ''
  for (const row of rows) {
    const key = row.transaction ?? row.period?.start
    const amounts = cellLines(row.amounts, fmt)
    const totals = fmt.lines(row.total)
    const description = row.period ? `- ${ledgerDate(row.period.last)}` : (row.posting?.payee ?? row.transaction?.payee ?? row.description)
    // a new entry, or a date other than the row above, shows date and payee;
    // a posting with its own payee shows just the payee
    const t = row.transaction
    const ownPayee = t !== undefined && description !== t.payee
    const lead = key !== lastKey || row.date !== lastDate ? `${ledgerDate(row.date)} ${fitRight(description, 21)} `
      : ownPayee ? `${' '.repeat(10)}${fitRight(description, 21)} ` : ' '.repeat(32)
    lastKey = key
    lastDate = row.date
    const account = padEnd(registerAccount(row, 22, 'ledger'), 22)
    const n = Math.max(amounts.length, totals.length)
    for (let i = 0; i < n; i++) {
      const left = i === 0 ? lead + account : ' '.repeat(displayWidth(lead) + 22)
      out.push(`${left} ${padStart(amounts[i] ?? '', 12)} ${padStart(totals[i] ?? '', 12)}`.replace(/ +$/, ''))
    }
  }
  return out
}

/** A register report as CSV: one row per posting and commodity. */
export function registerCsv(rows: readonly RegisterRow[]): string {
  const out: string[][] = [['date', 'description', 'account', 'commodity', 'quantity']]
  for (const r of rows) {
    if (r.amounts.length === 0) out.push([r.date, r.description, r.account, '', '0'])
    for (const a of r.amounts) out.push([r.date, r.description, r.account, a.commodity, a.quantity.toFixed()])
  }
  return toCsv(out)
}

/** A register report as a JSON value. */
export function registerJson(rows: readonly RegisterRow[]): unknown {
  return rows.map((r) => ({ date: r.date, description: r.description, account: r.account, amounts: r.amounts.map(exact), total: r.total.map(exact) }))
}
