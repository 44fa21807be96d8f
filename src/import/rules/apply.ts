/**
 * Turning CSV records into entries with hledger CSV rules, the way hledger
 * 1.25's CSV reader does (see docs/import.md for where ptabridge follows a
 * later hledger): per record, the `if` blocks that match, their `end`/`skip`,
 * the field assignments in force (last wins), `%N`/`%name` interpolation,
 * then the transaction: date, date2, status, code, description, comment, and
 * up to 99 postings from accountN, amountN (or -in/-out, or the legacy
 * amount), currency, balanceN (assertions, or balance assignments), commentN.
 * Entries come out sorted by date, same-day records in CSV order (reversed
 * first when the file is newest-first; `intra-day-reversed` reverses each day).
 */
import { createHash } from 'node:crypto'
import { Decimal } from 'decimal.js'
import '../../decimal-config.js'
import { cleanId } from '../ids.js'
import type { ImportAmount, ImportEntry, ImportPosting } from '../model.js'
import { negateAmountText, readCsvAmount, simplifySign, type CsvAmount } from './amount.js'
import type { Assignment, CsvRules, IfBlock, Matcher } from './parse.js'
import { readDefaultCsvDate, strptime } from './strptime.js'

/** A CSV value that the rules cannot turn into a transaction, positioned in the CSV file. */
export class CsvRecordError extends Error {
  constructor(readonly file: string, readonly line: number, message: string, readonly hint = '') {
    super(message)
    this.name = 'CsvRecordError'
  }
}

/** A CSV record: its fields and the line it starts on. */
export interface CsvRecord {
  fields: string[]
  line: number
}

/** Options for {@link applyRules}. */
export interface ApplyRulesOptions {
  /** The CSV file name, for messages and ids. */
  file: string
  /** A CSV field (1-based number or `fields` name) whose value identifies a record (the bank's reference). */
  idField?: string
}

function matches(m: Matcher, record: CsvRecord, value: (ref: string) => string | undefined): boolean {
  if (m.field === undefined) return m.regex.test(record.fields.join(','))
  return m.regex.test(value(m.field) ?? '')
}

function blockMatches(block: IfBlock, record: CsvRecord, value: (ref: string) => string | undefined): boolean {
  // matchers are OR-ed, except that one starting with & is AND-ed with the one before it
  let group = true
  let any = false
  block.matchers.forEach((m, i) => {
    const ok = matches(m, record, value)
    if (i > 0 && !m.and) {
      if (group) any = true
      group = ok
    } else {
      group = i === 0 ? ok : group && ok
    }
  })
  return any || group
}

function money(a: CsvAmount): ImportAmount {
  return { quantity: a.quantity, commodity: a.commodity, style: 'exact', text: a.text }
}

/** An amount with a price converted to its cost (`N @ P` is N×P; `@@ T` is T). */
function atCost(a: CsvAmount): CsvAmount {
  const cost = a.cost as NonNullable<CsvAmount['cost']>
  if (cost.total) return { ...cost.amount, quantity: a.quantity.isNegative() ? cost.amount.quantity.neg() : cost.amount.quantity, text: (a.quantity.isNegative() ? cost.amount.quantity.neg() : cost.amount.quantity).toFixed() }
  const q = cost.amount.quantity.times(a.quantity)
  return { quantity: q, commodity: cost.amount.commodity, text: q.toFixed() }
}

function negated(a: CsvAmount): CsvAmount {
  const text = a.text.startsWith('-') ? a.text.slice(1) : a.quantity.isZero() ? a.text : `-${a.text}`
  return { ...a, quantity: a.quantity.neg(), text }
}

/** The record's id for dedup: a reference field's value, else a hash of the normalised record plus its occurrence number. */
function recordId(record: CsvRecord, value: (ref: string) => string | undefined, options: ApplyRulesOptions, seen: Map<string, number>): string {
  if (options.idField !== undefined) {
    const ref = value(options.idField)
    if (ref !== undefined && ref.trim() !== '') return `csv.${cleanId(ref.trim())}`
  }
  const normalised = record.fields.map((f) => f.trim().replace(/\s+/g, ' ')).join('\u001f')
  const hash = createHash('sha1').update(normalised, 'utf8').digest('hex').slice(0, 16)
  const n = (seen.get(hash) ?? 0) + 1
  seen.set(hash, n)
  return n === 1 ? `csv.${hash}` : `csv.${hash}.${n}`
}

/**
 * hledger refuses a transaction that cannot balance: more than one posting
 * without an amount, or amounts (at cost) that do not sum to zero when none
 * is missing. Balance assignments count as missing amounts.
 */
function checkBalanced(postings: readonly ImportPosting[], fail: (message: string, hint?: string) => never): void {
  const missing = postings.filter((p) => p.amount === undefined)
  const inferred = missing.filter((p) => p.assertion === undefined)
  if (inferred.length > 1) fail(`${inferred.length} postings have no amount: at most one can be inferred`, 'assign an amount to all postings but one')
  if (missing.length > 0) return
  const sums = new Map<string, Decimal>()
  for (const p of postings) {
    const a = p.amount as ImportAmount
    const value = p.cost ? (p.costIsTotal ? p.cost.quantity.times(a.quantity.isNegative() ? -1 : 1) : p.cost.quantity.times(a.quantity)) : a.quantity
    const commodity = p.cost ? p.cost.commodity : a.commodity
    sums.set(commodity, (sums.get(commodity) ?? new Decimal(0)).plus(value))
  }
  const off = [...sums].filter(([, v]) => !v.isZero())
  if (off.length > 0 && !(sums.size > 1 && off.length === sums.size && postings.every((p) => !p.cost))) {
    fail(`the postings do not balance (off by ${off.map(([c, v]) => `${v.toFixed()}${c ? ` ${c}` : ''}`).join(', ')})`, 'give a posting without an amount to balance it, or assign the other amounts')
  }
}

/** Apply `rules` to `records` (those after the top-level skip); the entries, sorted as hledger sorts them. */
export function applyRules(rules: CsvRules, records: readonly CsvRecord[], options: ApplyRulesOptions): ImportEntry[] {
  const names = new Map<string, number>()
  rules.fields?.forEach((n, i) => {
    if (n !== '' && !names.has(n)) names.set(n, i)
  })
  const made: Array<{ entry: ImportEntry; date: string }> = []
  const seen = new Map<string, number>()
  let skipping = 0
  for (const record of records) {
    if (skipping > 0) {
      skipping--
      continue
    }
    const value = (ref: string): string | undefined => {
      const index = /^\d+$/.test(ref) ? Number(ref) - 1 : names.get(ref)
      if (index === undefined) return undefined
      return record.fields[index]?.trim()
    }
    const interpolate = (template: string): string => template.replace(/%([\w-]+)/g, (all, ref: string) => value(ref) ?? all)
    const assigned = new Map<string, Assignment>()
    let end = false
    let skip = 0
    for (const s of rules.statements) {
      if (s.kind === 'assign') {
        assigned.set(s.field, s)
        continue
      }
      if (!blockMatches(s, record, value)) continue
      for (const r of s.rules) {
        if (r.kind === 'assign') assigned.set(r.field, r)
        else if (r.kind === 'end') end = true
        else if (skip === 0) skip = r.count
      }
    }
    if (end) break
    if (skip > 0) {
      skipping = skip - 1
      continue
    }
    const field = (name: string): string | undefined => {
      const a = assigned.get(name)
      return a === undefined ? undefined : interpolate(a.value).trim()
    }
    const fail = (message: string, hint = ''): never => {
      throw new CsvRecordError(options.file, record.line, message, hint)
    }
    if (record.fields.length === 1) {
      fail(`this record has only one field: ${JSON.stringify(record.fields[0] ?? '')}`, rules.separator === undefined ? 'is the separator right? (add a separator rule, or skip this line)' : 'skip this line (skip, or an if block with skip or end)')
    }
    const dateText = field('date')
    if (dateText === undefined || dateText === '') fail('no date: the rules assign no date for this record', 'name the date column in `fields`, or assign `date %N`')
    const parseDate = (text: string, what: string): string => {
      const d = rules.dateFormat !== undefined ? strptime(text, rules.dateFormat) : readDefaultCsvDate(text)
      if (d === undefined) {
        fail(`could not read the ${what} ${JSON.stringify(text)}${rules.dateFormat !== undefined ? ` with date-format ${rules.dateFormat}` : ''}`,
          rules.dateFormat !== undefined ? 'the pattern must match the whole value' : 'add a date-format rule (the default forms are YYYY-MM-DD, YYYY/MM/DD, YYYY.MM.DD)')
      }
      return d as string
    }
    const date = parseDate(dateText as string, 'date')
    const date2Text = field('date2')
    const status = field('status') ?? ''
    if (status !== '' && status !== '*' && status !== '!') fail(`status must be *, ! or empty, not ${JSON.stringify(status)}`)
    const readAmount = (text: string, currency: string | undefined, what: string): CsvAmount | undefined => {
      const simple = simplifySign(text)
      if (simple === '') return undefined
      const withCurrency = currency !== undefined && currency !== '' ? (simple.startsWith('-') ? `-${currency}${simple.slice(1)}` : `${currency}${simple}`) : simple
      const a = readCsvAmount(withCurrency, rules.decimalMark)
      if (!a) fail(`could not read the ${what} ${JSON.stringify(text)} as an amount`, rules.decimalMark === undefined ? 'if it has digit group marks, declare the decimal mark with decimal-mark' : '')
      return a
    }
    const postings: ImportPosting[] = []
    const legacy = ['amount', 'amount-in', 'amount-out'].some((f) => assigned.has(f))
    for (let n = 1; n <= 99; n++) {
      const own = [`amount${n}`, `amount${n}-in`, `amount${n}-out`].some((f) => assigned.has(f))
      const account = field(`account${n}`)
      const balance = field(`balance${n}`) ?? (n === 1 ? field('balance') : undefined)
      const comment = field(`comment${n}`)
      const currency = field(`currency${n}`) ?? field('currency')
      let amount: CsvAmount | undefined
      const pick = (prefix: string): CsvAmount | undefined => {
        const single = field(prefix)
        if (single !== undefined) return readAmount(single, currency, prefix)
        const inText = field(`${prefix}-in`)
        const outText = field(`${prefix}-out`)
        if (inText === undefined && outText === undefined) return undefined
        const nonZero = (t: string | undefined): boolean => t !== undefined && /[1-9]/.test(t)
        if (nonZero(inText) && nonZero(outText)) fail(`both ${prefix}-in and ${prefix}-out have a value: ${JSON.stringify(inText)}, ${JSON.stringify(outText)}`, 'use conditional rules to pick one')
        if (nonZero(inText)) return readAmount(inText as string, currency, `${prefix}-in`)
        if (nonZero(outText)) {
          const s = simplifySign(outText as string)
          return s === '' ? undefined : readAmount(negateAmountText(s), currency, `${prefix}-out`)
        }
        if ((inText ?? '').trim() === '' && (outText ?? '').trim() === '') return undefined
        return readAmount((inText ?? '').trim() !== '' ? (inText as string) : (outText as string), currency, prefix)
      }
      if (own) amount = pick(`amount${n}`)
      else if (legacy && n <= 2) {
        // the legacy amount sets posting 1, and posting 2 negated (at cost when it has a price)
        const base = pick('amount')
        if (base !== undefined) amount = n === 1 ? base : negated(base.cost ? atCost(base) : base)
      }
      const assertion = balance !== undefined && balance !== '' ? readAmount(balance, currency, `balance${n}`) : undefined
      if (account === undefined && amount === undefined && assertion === undefined) continue
      // an account assigned but empty drops the posting (hledger 1.25); an unassigned one gets a default by the amount's sign
      if (account === '') continue
      const name = account ?? (amount !== undefined && amount.quantity.isNegative() && !amount.quantity.isZero() ? 'income:unknown' : 'expenses:unknown')
      const posting: ImportPosting = { account: name, metadata: [], ...(amount ? { amount: money(amount) } : {}) }
      if (amount?.cost) {
        posting.cost = money(amount.cost.amount)
        if (amount.cost.total) posting.costIsTotal = true
      }
      if (assertion) {
        posting.assertion = money(assertion)
        if (rules.balanceType !== '=') posting.assertionOp = rules.balanceType
      }
      if (comment !== undefined && comment !== '') for (const part of comment.split('\\n')) posting.metadata.push(['', part])
      postings.push(posting)
    }
    checkBalanced(postings, fail)
    const id = recordId(record, value, options, seen)
    const first = postings[0]
    if (first) first.metadata.unshift(['csvid', id])
    const comment = field('comment')
    const entry: ImportEntry = {
      kind: 'transaction',
      date,
      ...(date2Text !== undefined && date2Text !== '' ? { auxDate: parseDate(date2Text, 'date2') } : {}),
      ...(field('code') ? { code: field('code') as string } : {}),
      cleared: status === '*',
      ...(status === '!' ? { pending: true } : {}),
      payee: field('description') ?? '',
      metadata: comment !== undefined && comment !== '' ? comment.split('\\n').map((c) => ['', c] as [string, string]) : [],
      postings,
      id: { tag: 'csvid', value: id, lookup: id },
      instant: Date.parse(`${date}T00:00:00Z`),
      source: { file: options.file, line: record.line },
    }
    made.push({ entry, date })
  }
  // newest-first files (declared, or detected from the first and last dates) are reversed, then sorted by date
  // hledger 1.25's detection: the first date is later than the last distinct date (in order of appearance)
  const distinct = [...new Set(made.map((m) => m.date))]
  const firstDate = distinct[0]
  const lastDate = distinct.at(-1)
  let ordered = made
  if (rules.newestFirst || (firstDate !== undefined && lastDate !== undefined && firstDate > lastDate)) ordered = [...made].reverse()
  if (rules.intraDayReversed) {
    const byDay = new Map<string, typeof made>()
    for (const m of ordered) {
      const list = byDay.get(m.date) ?? []
      list.push(m)
      byDay.set(m.date, list)
    }
    ordered = ordered.map((m) => m)
    const reversedDays = new Map([...byDay].map(([d, list]) => [d, [...list].reverse()]))
    const cursor = new Map<string, number>()
    ordered = ordered.map((m) => {
      const k = cursor.get(m.date) ?? 0
      cursor.set(m.date, k + 1)
      return (reversedDays.get(m.date) as typeof made)[k] as (typeof made)[number]
    })
  }
  const sorted = [...ordered].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
  return sorted.map((m) => m.entry)
}
