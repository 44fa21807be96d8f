/**
 * OFX statements → import entries, with ledger-autosync's shapes, payees,
 * accounts and ids (docs/import.md lists where ptabridge deliberately
 * differs): every entry balances, so commissions, taxes and loads come out
 * of the cash leg; income of every type, expenses, margin interest, return of
 * capital, splits, journal moves and option closures carry their money
 * instead of `0 @ $0`; prices carry their currency.
 *
 * One {@link ImportBatch} per statement. Ordering follows ledger-autosync:
 * investment transactions grouped by aggregate type, then cash
 * transactions, stably sorted by date.
 */
import { Decimal } from 'decimal.js'
import '../../decimal-config.js'
import { cleanId } from '../ids.js'
import type {
  BankTransaction, ImportAmount, ImportBatch, ImportEntry, ImportPosting, InvestmentAggregate, InvestmentTransaction,
  OfxDocument, PriceEntry, Statement,
} from '../model.js'

/** Options for {@link convertStatement}, as the import command's flags give them. */
export interface OfxConvertOptions {
  /** The journal account of this statement. */
  account: string
  /** `--fid`: used when the file has none, and replacing the file's. */
  fid?: string
  /** `--hardcode-account X` / `--shorten-account`. */
  hardcodeAccount?: string
  shortenAccount?: boolean
  /** `--unknown-account`. */
  unknownAccount?: string
  /** `--payee-format`: `{payee} {memo} {txntype} {account} {tferaction}`. */
  payeeFormat?: string
  assertions?: boolean
  initial?: boolean
  /** Counter account for a bank transaction's payee and amount (journal history, prediction), when known. */
  counterAccount?: (payee: string, amount: Decimal) => string | undefined
  /** A payee the journal's `AutosyncPayee` tags give a raw bank payee. */
  payeeRewrite?: (rawPayee: string) => string | undefined
}

/** Thrown when a statement cannot be converted (no FID and no `--fid`). */
export class OfxConvertError extends Error {
  constructor(message: string, readonly line: number) {
    super(message)
    this.name = 'OfxConvertError'
  }
}

const AGGREGATE_ORDER: readonly InvestmentAggregate[] = ['buydebt', 'buymf', 'buyopt', 'buyother', 'buystock', 'closureopt', 'income', 'invexpense', 'jrnlfund', 'jrnlsec', 'margininterest', 'reinvest', 'retofcap', 'selldebt', 'sellmf', 'sellopt', 'sellother', 'sellstock', 'split', 'transfer']

const ZERO = new Decimal(0)

function currencySymbol(code: string): string {
  const upper = code.toUpperCase()
  return upper === 'USD' ? '$' : upper
}

function money(quantity: Decimal, commodity: string): ImportAmount {
  return { quantity: quantity.toDecimalPlaces(2, Decimal.ROUND_HALF_EVEN), commodity, style: 'money' }
}

function exact(quantity: Decimal, text: string | undefined, commodity: string): ImportAmount {
  return { quantity, commodity, style: 'exact', text: text ?? quantity.toFixed() }
}

function posting(account: string, amount: ImportAmount, extra: Partial<ImportPosting> = {}): ImportPosting {
  return { account, amount, metadata: [], ...extra }
}

/** The account id as stored in ids (`--hardcode-account`, `--shorten-account`). */
function storedAccountId(statement: Statement, options: OfxConvertOptions): string {
  if (options.hardcodeAccount !== undefined) return options.hardcodeAccount
  if (options.shortenAccount) return statement.accountId.slice(-4)
  return statement.accountId
}

function storedFitid(fitid: string, statement: Statement, options: OfxConvertOptions): string {
  const shown = storedAccountId(statement, options)
  return shown === statement.accountId ? fitid : fitid.split(statement.accountId).join(shown)
}

/** The `ofxid` of a transaction: `clean(fid.acctid.fitid)`; looked up without the fid (banks change FIDs). */
function ofxId(fid: string, statement: Statement, fitid: string, options: OfxConvertOptions): NonNullable<ImportEntry['id']> {
  const acct = storedAccountId(statement, options)
  const fit = storedFitid(fitid, statement, options)
  return { tag: 'ofxid', value: cleanId(`${fid}.${acct}.${fit}`), lookup: cleanId(`${acct}.${fit}`) }
}

function withId(p: ImportPosting, id: NonNullable<ImportEntry['id']>): ImportPosting {
  return { ...p, metadata: [...p.metadata, [id.tag, id.value]] }
}

/** ledger-autosync's default payee: `NAME MEMO` without the part one repeats of the other. */
function defaultPayee(name: string, memo: string): string {
  let payee = name
  let m = memo
  if (m.startsWith(payee)) payee = ''
  if (payee.startsWith(m)) m = ''
  return `${payee} ${m}`.trim()
}

function fillTemplate(template: string, fields: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (all, key: string) => fields[key] ?? all).trim()
}

function bankEntry(t: BankTransaction, statement: Statement, fid: string, options: OfxConvertOptions, line: number): ImportEntry {
  const id = ofxId(fid, statement, t.fitid, options)
  const raw = t.name !== '' ? t.name : t.memo
  const rewritten = options.payeeRewrite?.(raw)
  const name = rewritten ?? t.name
  const fields = { payee: name, memo: rewritten !== undefined && t.name === '' ? '' : t.memo, txntype: t.trnType, account: options.account, tferaction: '' }
  let payee: string
  if (options.payeeFormat !== undefined) payee = fillTemplate(options.payeeFormat, fields)
  else if (fields.payee === '' && fields.memo === '') payee = `${options.account}: ${t.trnType}`
  else payee = defaultPayee(fields.payee, fields.memo)
  const commodity = currencySymbol(t.currency ?? statement.currency)
  const counter = options.counterAccount?.(payee, t.amount) ?? options.unknownAccount ?? 'Expenses:Misc'
  return {
    kind: 'transaction',
    date: t.posted.date,
    ...(t.checkNumber !== undefined && t.checkNumber.trim() !== '' ? { code: checkCode(t.checkNumber) } : {}),
    cleared: false,
    payee,
    metadata: [],
    postings: [withId(posting(options.account, money(t.amount, commodity)), id), posting(counter, money(t.amount.neg(), commodity))],
    id,
    instant: t.posted.instant,
    source: { file: '', line },
  }
}

/** A check number as ledger-autosync writes it (`int()` drops leading zeros); non-numeric ones are kept as written instead of crashing. */
function checkCode(text: string): string {
  const t = text.trim()
  return /^\d+$/.test(t) ? String(BigInt(t)) : t
}

function investmentPayee(t: InvestmentTransaction, options: OfxConvertOptions): string {
  const fields = { payee: '', memo: t.memo, txntype: t.aggregate, account: options.account, tferaction: t.transferAction ?? '' }
  if (options.payeeFormat !== undefined) return fillTemplate(options.payeeFormat, fields)
  if (t.memo !== '') return t.memo
  return t.transferAction ? `${options.account}: ${t.aggregate}: ${t.transferAction}` : `${options.account}: ${t.aggregate}`
}

/** The account income of each INCOMETYPE goes to. */
const INCOME_ACCOUNTS: Record<string, string> = {
  DIV: 'Income:Dividends',
  INTEREST: 'Income:Interest',
  CGLONG: 'Income:Capital Gains:Long',
  CGSHORT: 'Income:Capital Gains:Short',
  MISC: 'Income:Misc',
}

function investmentEntry(t: InvestmentTransaction, statement: Statement, doc: OfxDocument, fid: string, options: OfxConvertOptions, line: number): ImportEntry {
  const id = ofxId(fid, statement, t.fitid, options)
  const cur = currencySymbol(t.currency ?? statement.currency)
  const security = t.securityId !== undefined ? (doc.securities.get(t.securityId)?.ticker || t.securityId) : ''
  const account = options.account
  const units = t.units ?? ZERO
  const price = t.unitPrice ?? ZERO
  const fees = (t.fees ?? ZERO).plus(t.load ?? ZERO).plus(t.taxes ?? ZERO)
  const commission = t.commission ?? ZERO
  const metadata: Array<[string, string]> = []
  const postings: ImportPosting[] = []
  const trade = (counter: string): void => {
    // the security leg at the file's unit price, the cash leg net of fees and commission. When units ×
    // price is not a whole number of cents, the cost is written as the total paid (`@@`, rounded to
    // cents like the cash leg), so the entry balances exactly for both tools (hledger checks at the
    // precision the prices' digits give it)
    const gross = units.times(price)
    const cents = gross.toDecimalPlaces(2, Decimal.ROUND_HALF_EVEN)
    const cost = gross.equals(cents) ? { cost: exact(price, t.unitPriceText, cur) } : { cost: money(cents.abs(), cur), costIsTotal: true }
    postings.push(withId(posting(account, exact(units, t.unitsText, security), cost), id))
    postings.push(posting(counter, money(cents.plus(fees).plus(commission).neg(), cur)))
    if (!fees.isZero()) postings.push(posting('Expenses:Fees', money(fees, cur)))
    if (!commission.isZero()) postings.push(posting('Expenses:Commission', money(commission, cur)))
  }
  const cash = (amount: Decimal, counter: string): void => {
    postings.push(withId(posting(account, money(amount, cur)), id))
    postings.push(posting(counter, money(amount.neg(), cur)))
  }
  const unknown = options.unknownAccount ?? 'Assets:Unknown'
  switch (t.aggregate) {
    case 'buydebt': case 'buymf': case 'buyopt': case 'buyother': case 'buystock':
    case 'selldebt': case 'sellmf': case 'sellopt': case 'sellother': case 'sellstock':
      trade(unknown)
      break
    case 'reinvest':
      trade(INCOME_ACCOUNTS[t.incomeType ?? ''] ?? 'Income:Interest')
      break
    case 'transfer':
      trade('Transfer')
      break
    case 'income': {
      const type = (t.incomeType ?? 'MISC').toUpperCase()
      metadata.push([type === 'DIV' ? 'dividend_from' : 'income_from', security])
      cash(t.total ?? ZERO, INCOME_ACCOUNTS[type] ?? 'Income:Misc')
      break
    }
    case 'invexpense':
      metadata.push(['expense_for', security])
      cash(t.total ?? ZERO, 'Expenses:Investment')
      break
    case 'margininterest':
      cash(t.total ?? ZERO, 'Expenses:Margin Interest')
      break
    case 'retofcap':
      metadata.push(['return_of_capital_from', security])
      cash(t.total ?? ZERO, 'Income:Return of Capital')
      break
    case 'jrnlfund': {
      // cash moved between sub-accounts of this account: no change in its balance
      const total = t.total ?? ZERO
      metadata.push(['subaccounts', `${t.subAccountFrom ?? '?'} -> ${t.subAccountTo ?? '?'}`])
      postings.push(withId(posting(account, money(total, cur)), id), posting(account, money(total.neg(), cur)))
      break
    }
    case 'jrnlsec':
      metadata.push(['subaccounts', `${t.subAccountFrom ?? '?'} -> ${t.subAccountTo ?? '?'}`])
      postings.push(withId(posting(account, exact(units, t.unitsText, security)), id), posting(account, exact(units.neg(), units.neg().toFixed(), security)))
      break
    case 'split': {
      const delta = (t.newUnits ?? ZERO).minus(t.oldUnits ?? ZERO)
      metadata.push(['split', `${(t.numerator ?? ZERO).toFixed()}:${(t.denominator ?? ZERO).toFixed()}`])
      postings.push(withId(posting(account, exact(delta, delta.toFixed(), security)), id), posting('Equity:Stock Splits', exact(delta.neg(), delta.neg().toFixed(), security)))
      break
    }
    case 'closureopt': {
      // the option leaves the account (expired, exercised or assigned)
      const gone = units.abs().neg()
      metadata.push(['option_action', (t.action ?? '').toLowerCase()])
      postings.push(withId(posting(account, exact(gone, gone.toFixed(), security)), id), posting('Equity:Option Closures', exact(gone.neg(), gone.neg().toFixed(), security)))
      break
    }
  }
  return {
    kind: 'transaction',
    date: t.tradeDate.date,
    ...(t.settleDate !== undefined && t.settleDate.date !== t.tradeDate.date ? { auxDate: t.settleDate.date, auxDatePosting: 1 } : {}),
    cleared: false,
    payee: investmentPayee(t, options),
    metadata,
    postings,
    id,
    instant: t.tradeDate.instant,
    source: { file: '', line },
  }
}

/**
 * A zero-amount cash transaction on the same date and time as the one before
 * it is a bank's comment on that transaction: it becomes a comment line of
 * that entry (ledger-autosync drops it, then prints it again once the real
 * transaction is in the journal).
 */
function isCommentOf(t: BankTransaction, previous: BankTransaction | undefined): boolean {
  return previous !== undefined && t.amount.isZero() && t.posted.instant === previous.posted.instant
}

/** Convert one statement of `doc` to entries. */
export function convertStatement(doc: OfxDocument, statement: Statement, options: OfxConvertOptions): ImportBatch {
  const fid = options.fid ?? doc.institution?.fid
  if (fid === undefined || fid === '') {
    throw new OfxConvertError('the file has no institution id (<FI><FID>), which the ofxid of every transaction needs; give one with --fid', statement.position.line)
  }
  const batch: ImportBatch = { account: options.account, entries: [], assertions: [], prices: [], notes: [] }
  // investment transactions grouped by aggregate (file order within each), then cash; stable sort by date
  const investments = AGGREGATE_ORDER.flatMap((aggregate) => statement.investments.filter((t) => t.aggregate === aggregate))
  const items: Array<{ date: string; entry: () => ImportEntry; bank?: BankTransaction }> = [
    ...investments.map((t) => ({ date: t.tradeDate.date, entry: () => investmentEntry(t, statement, doc, fid, options, t.position.line) })),
    ...statement.transactions.map((t) => ({ date: t.posted.date, bank: t, entry: () => bankEntry(t, statement, fid, options, t.position.line) })),
  ]
  items.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
  let previousBank: BankTransaction | undefined
  for (const item of items) {
    if (item.bank && isCommentOf(item.bank, previousBank)) {
      const owner = batch.entries.at(-1)
      const text = defaultPayee(item.bank.name, item.bank.memo)
      if (owner && text) owner.metadata.push(['', text])
      batch.notes.push({ severity: 'info', message: `zero-amount transaction ${item.bank.fitid} (${text}) written as a comment of the transaction before it`, line: item.bank.position.line })
      continue
    }
    if (item.bank) previousBank = item.bank
    batch.entries.push(item.entry())
  }
  const cur = currencySymbol(statement.currency)
  if (options.initial && statement.kind !== 'investment' && statement.ledgerBalance) {
    const sum = statement.transactions.reduce((s, t) => s.plus(t.amount), ZERO)
    const id = { tag: 'ofxid' as const, value: cleanId(`${fid}.${storedAccountId(statement, options)}.autosync_initial`), lookup: cleanId(`${storedAccountId(statement, options)}.autosync_initial`) }
    const date = statement.start?.date ?? statement.transactions[0]?.posted.date
    if (date !== undefined) {
      batch.initial = {
        kind: 'transaction', date, cleared: true, payee: '--Autosync Initial Balance', metadata: [],
        postings: [withId(posting(options.account, money(statement.ledgerBalance.amount.minus(sum), cur)), id), posting('Assets:Equity', money(statement.ledgerBalance.amount.minus(sum).neg(), cur))],
        id, instant: statement.start?.instant ?? 0,
      }
    }
  }
  if (options.assertions) {
    // an investment statement's cash (AVAILCASH) is not what the imported account holds: trade cash
    // goes to the counter account, as ledger-autosync books it; so no assertion there
    const balance = statement.kind === 'investment' ? undefined : statement.ledgerBalance
    const date = balance?.asOf?.date ?? statement.end?.date
    if (balance && date !== undefined) {
      batch.assertions.push({
        kind: 'transaction', date, cleared: true, payee: '--Autosync Balance Assertion', metadata: [],
        postings: [posting(options.account, money(ZERO, cur), { assertion: money(balance.amount, cur) })],
        instant: balance.asOf?.instant ?? statement.end?.instant ?? 0,
      })
    } else if (statement.kind === 'investment') {
      batch.notes.push({ severity: 'info', message: 'investment statement: no balance assertion (its cash balance is not the imported account\'s balance)', line: statement.position.line })
    }
  }
  for (const p of statement.positions) {
    const security = doc.securities.get(p.securityId)?.ticker || p.securityId
    const price: PriceEntry = { kind: 'price', date: p.priceAsOf.date, commodity: security, price: exact(p.unitPrice, p.unitPriceText, currencySymbol(p.currency ?? statement.currency)) }
    if (p.priceAsOf.time !== undefined) price.time = p.priceAsOf.time
    batch.prices.push(price)
  }
  return batch
}

/** The default journal account of a statement when `-a` gives none: `ORG:ACCTID`, or `Assets:Unknown`. */
export function defaultAccountName(doc: OfxDocument, statement: Statement): string {
  const org = doc.institution?.org
  return org ? `${org}:${statement.accountId}` : 'Assets:Unknown'
}
