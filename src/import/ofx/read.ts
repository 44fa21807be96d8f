/**
 * The OFX reader: bytes → {@link OfxDocument}. Decodes the file
 * ({@link decodeOfx}), tokenizes and builds the element tree, then maps it
 * to the neutral import model:
 *
 * - SONRS `<FI>` (ORG, FID) → institution; every STATUS with a CODE other
 *   than 0 → statusProblems.
 * - Every STMTRS (bank), CCSTMTRS (credit card) and INVSTMTRS (investment),
 *   in file order, with account ids, CURDEF, the transaction list's
 *   DTSTART/DTEND, LEDGERBAL/AVAILBAL and INVBAL/AVAILCASH.
 * - STMTTRN (also inside INVBANKTRAN) → BankTransaction; the investment
 *   aggregates (BUYSTOCK, INCOME, SPLIT …) → InvestmentTransaction; INVPOS
 *   → Position; SECLIST → securities.
 *
 * Numbers become decimal.js values (never floats) and keep their normalised
 * literal (`+00000000001234.5600` → `1234.5600`, `-1,234.56` → `-1234.56`,
 * `12,50` → `12.50`). Dates keep the calendar date and time as written; the
 * instant applies the stated offset. Anything broken is an {@link OfxError}
 * with its place.
 */
import { Decimal } from 'decimal.js'
import '../../decimal-config.js'
import type {
  BankTransaction, InvestmentAggregate, InvestmentTransaction, OfxDateTime, OfxDocument, Position,
  Security, SourcePosition, Statement, StatementBalance,
} from '../model.js'
import { decodeOfx } from './decode.js'
import { MAX_INPUT_BYTES, OfxError, tokenize } from './tokenize.js'
import { buildTree } from './tree.js'
import type { OfxElement } from './tree.js'

export { OfxError } from './tokenize.js'

const INVESTMENT_AGGREGATES: ReadonlySet<string> = new Set<InvestmentAggregate>([
  'buydebt', 'buymf', 'buyopt', 'buyother', 'buystock', 'closureopt', 'income', 'invexpense', 'jrnlfund',
  'jrnlsec', 'margininterest', 'reinvest', 'retofcap', 'selldebt', 'sellmf', 'sellopt', 'sellother',
  'sellstock', 'split', 'transfer',
])
const STATEMENTS: Record<string, Statement['kind']> = { STMTRS: 'bank', CCSTMTRS: 'creditcard', INVSTMTRS: 'investment' }
const POSITIONS = new Set(['POSMF', 'POSSTOCK', 'POSOPT', 'POSDEBT', 'POSOTHER'])
const SECURITY_INFOS = new Set(['MFINFO', 'STOCKINFO', 'OPTINFO', 'DEBTINFO', 'OTHERINFO'])
const START: SourcePosition = { line: 1, column: 1 }

const DATE_HINT = 'OFX dates look like YYYYMMDD[HHMMSS[.XXX]][[+-]H[.MM][:TZ]], e.g. 20240102120000.000[-5:EST]'
const NUMBER_HINT = 'OFX numbers look like -1234.56: an optional sign, digits, one decimal point (or a lone decimal comma)'

/** A normalised OFX number: its value and its literal (`1234.5600`, `-0`). */
export interface OfxNumber {
  value: Decimal
  text: string
}

/**
 * Parse an OFX number. Accepts a sign, leading zeros, digit-group commas
 * when a '.' is also present, a decimal comma when it is the only separator,
 * and empty or `null` (zero). Returns undefined when the text is not a number.
 */
export function parseOfxNumber(raw: string): OfxNumber | undefined {
  const s = raw.trim()
  if (s === '' || s.toLowerCase() === 'null') return { value: new Decimal(0), text: '0' }
  const m = /^([+-]?)\s*([0-9.,]+)$/.exec(s)
  if (!m) return undefined
  const sign = m[1] === '-' ? '-' : ''
  let body = m[2] ?? ''
  const commas = (body.match(/,/g) ?? []).length
  if (body.includes('.')) {
    if (body.lastIndexOf(',') > body.indexOf('.')) return undefined // 1.234,56 or 1.2,3: ambiguous
    body = body.replace(/,/g, '')
  } else if (commas === 1) {
    body = body.replace(',', '.')
  } else {
    body = body.replace(/,/g, '')
  }
  const parts = /^([0-9]*)(?:\.([0-9]*))?$/.exec(body)
  if (!parts) return undefined
  const int = (parts[1] ?? '').replace(/^0+(?=[0-9])/, '')
  const frac = parts[2] ?? ''
  if (int === '' && frac === '') return undefined
  const text = `${sign}${int === '' ? '0' : int}${frac === '' ? '' : `.${frac}`}`
  return { value: new Decimal(text), text }
}

const DATE = /^(\d{4})(\d{2})(\d{2})(?:(\d{2})(\d{2})(?:(\d{2})(?:\.(\d{1,9}))?)?)?\s*(?:\[\s*([+-])?\s*(\d{1,2})(?:\.(\d{2}))?\s*(?::\s*[A-Za-z][\w/+-]*\s*)?\])?$/

/** Parse an OFX date-time; undefined when malformed. The date and time are kept as written; the instant applies the offset. */
export function parseOfxDate(raw: string): OfxDateTime | undefined {
  const m = DATE.exec(raw.trim())
  if (!m) return undefined
  const num = (i: number): number => Number(m[i] ?? '0')
  const [year, month, day, hour, minute, second] = [num(1), num(2), num(3), num(4), num(5), num(6)]
  const millis = Number(((m[7] ?? '') + '000').slice(0, 3))
  const monthDays = [31, isLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0
  if (month < 1 || month > 12 || day < 1 || day > monthDays || hour > 23 || minute > 59 || second > 59) return undefined
  const offsetHours = num(9)
  const offsetMinutes = num(10)
  if (offsetHours > 23 || offsetMinutes > 59) return undefined
  const offset = (m[8] === '-' ? -1 : 1) * (offsetHours * 60 + offsetMinutes)
  const utc = new Date(Date.UTC(2000, month - 1, day, hour, minute, second, millis))
  utc.setUTCFullYear(year)
  const pad = (n: number, w = 2): string => String(n).padStart(w, '0')
  const result: OfxDateTime = {
    date: `${pad(year, 4)}-${pad(month)}-${pad(day)}`,
    instant: utc.getTime() - offset * 60_000,
  }
  if (m[4] !== undefined) result.time = `${pad(hour)}:${pad(minute)}:${pad(second)}`
  return result
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
}

/** Set an optional property only when the value is defined (exactOptionalPropertyTypes). */
function put<T extends object, K extends keyof T>(target: T, key: K, value: T[K] | undefined): void {
  if (value !== undefined) target[key] = value
}

/** The element tree, with the file name for errors. */
class Reader {
  constructor(readonly file: string) {}

  fail(position: SourcePosition, message: string, hint: string): OfxError {
    return new OfxError(this.file, position, message, hint)
  }

  /** The first child named `name`. */
  child(el: OfxElement | undefined, name: string): OfxElement | undefined {
    return el?.children.find((c) => c.name === name)
  }

  /** The trimmed text of the first child named `name` (empty when the element has none); undefined when absent. */
  text(el: OfxElement | undefined, name: string): string | undefined {
    const c = this.child(el, name)
    return c ? (c.text ?? '') : undefined
  }

  /** Like {@link text}, but an empty value counts as absent. */
  value(el: OfxElement | undefined, name: string): string | undefined {
    const t = this.text(el, name)
    return t === '' ? undefined : t
  }

  /** A required child, else an error at `owner`'s start tag naming it. */
  need(owner: OfxElement, el: OfxElement | undefined, name: string): OfxElement {
    const c = this.child(el, name)
    if (!c) {
      throw this.fail(owner.position, `<${owner.name}> has no <${name}>`,
        `every <${owner.name}> needs a <${name}>; the file is incomplete or not valid OFX`)
    }
    return c
  }

  number(el: OfxElement): OfxNumber {
    const n = parseOfxNumber(el.text ?? '')
    if (!n) throw this.fail(el.position, `malformed number "${el.text ?? ''}" in <${el.name}>`, NUMBER_HINT)
    return n
  }

  optionalNumber(parent: OfxElement | undefined, name: string): OfxNumber | undefined {
    const c = this.child(parent, name)
    return c ? this.number(c) : undefined
  }

  date(el: OfxElement): OfxDateTime {
    const d = parseOfxDate(el.text ?? '')
    if (!d) throw this.fail(el.position, `malformed date "${el.text ?? ''}" in <${el.name}>`, DATE_HINT)
    return d
  }

  /** A date that may be absent or empty. */
  optionalDate(parent: OfxElement | undefined, name: string): OfxDateTime | undefined {
    const c = this.child(parent, name)
    return c && (c.text ?? '') !== '' ? this.date(c) : undefined
  }

  /** CURRENCY/CURSYM or ORIGCURRENCY/CURSYM, upper-cased, when it differs from the statement's currency. */
  currency(el: OfxElement, statementCurrency: string): string | undefined {
    const sym = this.value(this.child(el, 'CURRENCY'), 'CURSYM') ?? this.value(this.child(el, 'ORIGCURRENCY'), 'CURSYM')
    const upper = sym?.toUpperCase()
    return upper !== undefined && upper !== statementCurrency ? upper : undefined
  }

  balance(el: OfxElement | undefined): StatementBalance | undefined {
    const amount = this.optionalNumber(el, 'BALAMT')
    if (!amount) return undefined
    const balance: StatementBalance = { amount: amount.value }
    put(balance, 'asOf', this.optionalDate(el, 'DTASOF'))
    return balance
  }

  bankTransaction(el: OfxElement, statementCurrency: string): BankTransaction {
    const fitid = this.value(el, 'FITID')
    if (fitid === undefined) {
      throw this.fail(el.position, `<${el.name}> has no <FITID>`,
        'every transaction needs a FITID (the bank\'s transaction id); the file is incomplete or not valid OFX')
    }
    const amount = this.number(this.need(el, el, 'TRNAMT'))
    const t: BankTransaction = {
      kind: 'bank',
      fitid,
      trnType: (this.text(el, 'TRNTYPE') ?? '').toLowerCase(),
      posted: this.date(this.need(el, el, 'DTPOSTED')),
      amount: amount.value,
      amountText: amount.text,
      name: this.text(el, 'NAME') ?? this.text(this.child(el, 'PAYEE'), 'NAME') ?? '',
      memo: this.text(el, 'MEMO') ?? '',
      position: el.position,
    }
    put(t, 'userDate', this.optionalDate(el, 'DTUSER'))
    put(t, 'checkNumber', this.value(el, 'CHECKNUM'))
    put(t, 'currency', this.currency(el, statementCurrency))
    return t
  }

  investmentTransaction(el: OfxElement, statementCurrency: string): InvestmentTransaction {
    // Common data lives in INVBUY/INVSELL for buys and sells, directly in the aggregate otherwise;
    // the BUYTYPE/SELLTYPE … fields sit beside INVBUY/INVSELL.
    const inner = this.child(el, 'INVBUY') ?? this.child(el, 'INVSELL')
    const holders = inner ? [inner, el] : [el]
    const find = (name: string): OfxElement | undefined => {
      for (const h of holders) {
        const c = this.child(h, name)
        if (c) return c
      }
      return undefined
    }
    const leaf = (name: string): string | undefined => {
      const c = find(name)
      return c?.text === '' ? undefined : c?.text
    }
    const number = (name: string): OfxNumber | undefined => {
      const c = find(name)
      return c ? this.number(c) : undefined
    }
    const invtran = find('INVTRAN')
    if (!invtran) {
      throw this.fail(el.position, `<${el.name}> has no <INVTRAN>`,
        `every <${el.name}> needs an <INVTRAN> with its FITID and DTTRADE; the file is incomplete or not valid OFX`)
    }
    const fitid = this.value(invtran, 'FITID')
    if (fitid === undefined) {
      throw this.fail(el.position, `<${el.name}> has no <FITID>`,
        'every transaction needs a FITID (the broker\'s transaction id); the file is incomplete or not valid OFX')
    }
    const secid = find('SECID')
    const t: InvestmentTransaction = {
      kind: 'investment',
      aggregate: el.name.toLowerCase() as InvestmentAggregate,
      fitid,
      tradeDate: this.date(this.need(el, invtran, 'DTTRADE')),
      memo: this.text(invtran, 'MEMO') ?? '',
      position: el.position,
    }
    put(t, 'settleDate', this.optionalDate(invtran, 'DTSETTLE'))
    put(t, 'securityId', this.value(secid, 'UNIQUEID'))
    put(t, 'securityIdType', this.value(secid, 'UNIQUEIDTYPE'))
    const units = number('UNITS')
    if (units) {
      t.units = units.value
      t.unitsText = units.text
    }
    const unitPrice = number('UNITPRICE')
    if (unitPrice) {
      t.unitPrice = unitPrice.value
      t.unitPriceText = unitPrice.text
    }
    put(t, 'total', number('TOTAL')?.value)
    put(t, 'fees', number('FEES')?.value)
    put(t, 'commission', number('COMMISSION')?.value)
    put(t, 'taxes', number('TAXES')?.value)
    put(t, 'load', number('LOAD')?.value)
    put(t, 'withholding', number('WITHHOLDING')?.value)
    put(t, 'markup', number('MARKUP')?.value)
    put(t, 'markdown', number('MARKDOWN')?.value)
    put(t, 'incomeType', leaf('INCOMETYPE')?.toUpperCase())
    put(t, 'transferAction', leaf('TFERACTION')?.toLowerCase())
    put(t, 'action', leaf('BUYTYPE') ?? leaf('SELLTYPE') ?? leaf('OPTBUYTYPE') ?? leaf('OPTSELLTYPE') ?? leaf('OPTACTION'))
    put(t, 'oldUnits', number('OLDUNITS')?.value)
    put(t, 'newUnits', number('NEWUNITS')?.value)
    put(t, 'numerator', number('NUMERATOR')?.value)
    put(t, 'denominator', number('DENOMINATOR')?.value)
    put(t, 'subAccountFrom', leaf('SUBACCTFROM'))
    put(t, 'subAccountTo', leaf('SUBACCTTO'))
    put(t, 'subAccountSecurity', leaf('SUBACCTSEC'))
    put(t, 'subAccountFund', leaf('SUBACCTFUND'))
    put(t, 'currency', holders.map((h) => this.currency(h, statementCurrency)).find((c) => c !== undefined))
    return t
  }

  position(el: OfxElement): Position {
    const invpos = this.need(el, el, 'INVPOS')
    const uniqueId = this.value(this.need(invpos, invpos, 'SECID'), 'UNIQUEID')
    if (uniqueId === undefined) {
      throw this.fail(invpos.position, '<INVPOS> has no <SECID><UNIQUEID>', 'every position names its security; the file is incomplete')
    }
    const unitPrice = this.number(this.need(invpos, invpos, 'UNITPRICE'))
    const p: Position = {
      securityId: uniqueId,
      units: this.number(this.need(invpos, invpos, 'UNITS')).value,
      unitPrice: unitPrice.value,
      unitPriceText: unitPrice.text,
      priceAsOf: this.date(this.need(invpos, invpos, 'DTPRICEASOF')),
      position: el.position,
    }
    put(p, 'currency', this.value(this.child(invpos, 'CURRENCY'), 'CURSYM')?.toUpperCase())
    return p
  }

  statement(el: OfxElement, kind: Statement['kind']): Statement {
    const from = this.child(el, kind === 'bank' ? 'BANKACCTFROM' : kind === 'creditcard' ? 'CCACCTFROM' : 'INVACCTFROM')
    const accountId = this.value(from, 'ACCTID')
    if (accountId === undefined) {
      throw this.fail(el.position, `<${el.name}> has no account id (<${from?.name ?? 'ACCTFROM'}><ACCTID>)`,
        'a statement must say which account it is for; the file is incomplete or not valid OFX')
    }
    const currency = (this.value(el, 'CURDEF') ?? 'USD').toUpperCase()
    const list = this.child(el, kind === 'investment' ? 'INVTRANLIST' : 'BANKTRANLIST')
    const s: Statement = { kind, accountId, currency, transactions: [], investments: [], positions: [], position: el.position }
    if (kind === 'bank') {
      put(s, 'bankId', this.value(from, 'BANKID'))
      put(s, 'accountType', this.value(from, 'ACCTTYPE'))
    }
    if (kind === 'investment') put(s, 'brokerId', this.value(from, 'BROKERID'))
    put(s, 'start', this.optionalDate(list, 'DTSTART'))
    put(s, 'end', this.optionalDate(list, 'DTEND'))
    put(s, 'ledgerBalance', this.balance(this.child(el, 'LEDGERBAL')))
    put(s, 'availableBalance', this.balance(this.child(el, 'AVAILBAL')))

    for (const c of list?.children ?? []) {
      if (c.name === 'STMTTRN') {
        s.transactions.push(this.bankTransaction(c, currency))
      } else if (c.name === 'INVBANKTRAN') {
        const t = this.bankTransaction(this.need(c, c, 'STMTTRN'), currency)
        put(t, 'subAccountFund', this.value(c, 'SUBACCTFUND'))
        s.transactions.push(t)
      } else if (INVESTMENT_AGGREGATES.has(c.name.toLowerCase())) {
        s.investments.push(this.investmentTransaction(c, currency))
      }
    }
    if (kind === 'investment') {
      for (const c of this.child(el, 'INVPOSLIST')?.children ?? []) {
        if (POSITIONS.has(c.name)) s.positions.push(this.position(c))
      }
      const cash = this.optionalNumber(this.child(el, 'INVBAL'), 'AVAILCASH')
      if (cash) {
        const balance: StatementBalance = { amount: cash.value }
        put(balance, 'asOf', this.optionalDate(el, 'DTASOF') ?? s.end)
        s.availableCash = balance
      }
    }
    return s
  }

  security(el: OfxElement): Security | undefined {
    const info = this.child(el, 'SECINFO')
    const secid = this.child(info, 'SECID')
    const uniqueId = this.value(secid, 'UNIQUEID')
    if (uniqueId === undefined) return undefined
    const s: Security = { uniqueId }
    put(s, 'uniqueIdType', this.value(secid, 'UNIQUEIDTYPE'))
    put(s, 'ticker', this.value(info, 'TICKER'))
    put(s, 'name', this.value(info, 'SECNAME'))
    return s
  }

  /** Walk the tree in file order, collecting statements, statuses and securities. */
  document(ofx: OfxElement, base: Pick<OfxDocument, 'version' | 'encoding'>): OfxDocument {
    const doc: OfxDocument = { ...base, statements: [], securities: new Map(), statusProblems: [] }
    const fi = this.child(this.child(this.child(ofx, 'SIGNONMSGSRSV1'), 'SONRS'), 'FI')
    if (fi) {
      const institution: { org?: string; fid?: string } = {}
      put(institution, 'org', this.value(fi, 'ORG'))
      put(institution, 'fid', this.value(fi, 'FID'))
      if (institution.org !== undefined || institution.fid !== undefined) doc.institution = institution
    }
    const visit = (el: OfxElement): void => {
      const kind = STATEMENTS[el.name]
      if (kind) {
        doc.statements.push(this.statement(el, kind))
        return
      }
      if (el.name === 'STATUS') {
        const code = this.value(el, 'CODE')
        if (code !== undefined && !/^0+$/.test(code)) {
          doc.statusProblems.push({ code, severity: this.text(el, 'SEVERITY') ?? '', message: this.text(el, 'MESSAGE') ?? '', position: el.position })
        }
        return
      }
      if (el.name === 'SECLIST') {
        for (const c of el.children) {
          const sec = SECURITY_INFOS.has(c.name) ? this.security(c) : undefined
          if (sec) doc.securities.set(sec.uniqueId, sec)
        }
        return
      }
      for (const c of el.children) visit(c)
    }
    visit(ofx)
    return doc
  }
}

/** The first element named `name`, depth first. */
function findElement(elements: readonly OfxElement[], name: string): OfxElement | undefined {
  for (const el of elements) {
    if (el.name === name) return el
    const inner = findElement(el.children, name)
    if (inner) return inner
  }
  return undefined
}

/**
 * Read an OFX file (1.x SGML or 2.x XML) into the neutral import model.
 *
 * @param bytes the file's contents
 * @param file the file name, for error positions
 * @throws {OfxError} for a file that is too large, not OFX, malformed,
 *   truncated, hostile (DOCTYPE/ENTITY), or lacks a required field.
 */
export function readOfx(bytes: Uint8Array, file: string): OfxDocument {
  const notOfx = (): OfxError => new OfxError(file, START, 'no <OFX> element found',
    'not an OFX file? expected an OFX header or <OFX>')
  if (bytes.length > MAX_INPUT_BYTES) {
    throw new OfxError(file, START, `the file is larger than 64 MiB (${bytes.length} bytes)`,
      'OFX downloads are small; is this the right file? Download a shorter period.')
  }
  const decoded = decodeOfx(bytes)
  if (!/<OFX[\s>]/i.test(decoded.text)) throw notOfx()
  const roots = buildTree(tokenize(decoded.text, file, decoded.bodyStart), file)
  const ofx = findElement(roots, 'OFX')
  if (!ofx) throw notOfx()
  return new Reader(file).document(ofx, { version: decoded.version, encoding: decoded.encoding })
}
