/**
 * The neutral import model. Readers fill it; converters turn it into
 * entries; the printer renders entries for ledger or hledger.
 *
 * - {@link OfxDocument}: what an OFX file says, one {@link Statement} per
 *   account (bank, credit card, investment), with the securities list.
 * - {@link ImportEntry} / {@link PriceEntry} / {@link AssertionEntry}: the
 *   transactions, prices and balance assertions to print, dialect-neutral.
 *   CSV converters produce these directly; the OFX converter makes them from
 *   statements.
 *
 * Quantities are decimal.js values, never floats.
 */
import type { Decimal } from 'decimal.js'

/** An OFX date-time as the file states it. */
export interface OfxDateTime {
  /** The calendar date as written, in the file's own time zone: `YYYY-MM-DD`. */
  date: string
  /** `HH:MM:SS` as written, when given. */
  time?: string
  /** The instant in milliseconds since the epoch (UTC, using the stated offset; none = UTC). For ordering. */
  instant: number
}

/** Where something came from in an input file (1-based). */
export interface SourcePosition {
  line: number
  column: number
}

/** A bank, credit-card or investment-account cash transaction (`<STMTTRN>`, also inside `<INVBANKTRAN>`). */
export interface BankTransaction {
  kind: 'bank'
  fitid: string
  /** TRNTYPE, lower-cased (`debit`, `credit`, `check` …). */
  trnType: string
  posted: OfxDateTime
  /** DTUSER, when given. */
  userDate?: OfxDateTime
  amount: Decimal
  /** TRNAMT exactly as written (after normalising `+`, leading zeros and digit-group commas). */
  amountText: string
  name: string
  memo: string
  checkNumber?: string
  /** The transaction's own currency (`<CURRENCY><CURSYM>`), when it differs from the statement's. */
  currency?: string
  /** INVBANKTRAN's SUBACCTFUND, when the transaction came from an investment statement. */
  subAccountFund?: string
  position: SourcePosition
}

/** The investment aggregates (OFX element names, lower-cased). */
export type InvestmentAggregate =
  | 'buydebt' | 'buymf' | 'buyopt' | 'buyother' | 'buystock'
  | 'closureopt' | 'income' | 'invexpense' | 'jrnlfund' | 'jrnlsec' | 'margininterest'
  | 'reinvest' | 'retofcap'
  | 'selldebt' | 'sellmf' | 'sellopt' | 'sellother' | 'sellstock'
  | 'split' | 'transfer'

/** One investment transaction (`<BUYSTOCK>`, `<INCOME>`, `<SPLIT>` …). Fields absent in the file are undefined. */
export interface InvestmentTransaction {
  kind: 'investment'
  aggregate: InvestmentAggregate
  fitid: string
  tradeDate: OfxDateTime
  settleDate?: OfxDateTime
  memo: string
  /** SECID's UNIQUEID (usually a CUSIP) and UNIQUEIDTYPE. */
  securityId?: string
  securityIdType?: string
  units?: Decimal
  unitsText?: string
  unitPrice?: Decimal
  unitPriceText?: string
  total?: Decimal
  fees?: Decimal
  commission?: Decimal
  taxes?: Decimal
  load?: Decimal
  withholding?: Decimal
  markup?: Decimal
  markdown?: Decimal
  /** INCOMETYPE: DIV, INTEREST, CGLONG, CGSHORT, MISC. */
  incomeType?: string
  /** TFERACTION: IN or OUT (lower-cased). */
  transferAction?: string
  /** BUYTYPE/SELLTYPE/OPTBUYTYPE/OPTSELLTYPE/OPTACTION, upper-case as written. */
  action?: string
  /** SPLIT: OLDUNITS, NEWUNITS, NUMERATOR, DENOMINATOR. */
  oldUnits?: Decimal
  newUnits?: Decimal
  numerator?: Decimal
  denominator?: Decimal
  /** JRNLFUND/JRNLSEC: SUBACCTFROM, SUBACCTTO. SUBACCTSEC, SUBACCTFUND elsewhere. */
  subAccountFrom?: string
  subAccountTo?: string
  subAccountSecurity?: string
  subAccountFund?: string
  /** The transaction's own currency, when it differs from the statement's. */
  currency?: string
  position: SourcePosition
}

/** A position held at the statement date (`<POSSTOCK>`, `<POSMF>` …). */
export interface Position {
  securityId: string
  units: Decimal
  unitPrice: Decimal
  unitPriceText: string
  priceAsOf: OfxDateTime
  currency?: string
  position: SourcePosition
}

/** A security from `<SECLIST>`. */
export interface Security {
  uniqueId: string
  uniqueIdType?: string
  ticker?: string
  name?: string
}

/** A balance reported by the statement. */
export interface StatementBalance {
  amount: Decimal
  asOf?: OfxDateTime
}

/** One account's statement. */
export interface Statement {
  kind: 'bank' | 'creditcard' | 'investment'
  /** ACCTID. */
  accountId: string
  /** BANKID (bank), BROKERID (investment). */
  bankId?: string
  brokerId?: string
  /** ACCTTYPE (bank): CHECKING, SAVINGS … */
  accountType?: string
  /** CURDEF, upper-case (`USD`). */
  currency: string
  /** DTSTART/DTEND of the transaction list. */
  start?: OfxDateTime
  end?: OfxDateTime
  ledgerBalance?: StatementBalance
  availableBalance?: StatementBalance
  /** Investment statements: AVAILCASH from INVBAL. */
  availableCash?: StatementBalance
  /** Cash transactions (bank, credit card, and an investment statement's INVBANKTRAN), in file order. */
  transactions: BankTransaction[]
  /** Investment transactions, in file order. */
  investments: InvestmentTransaction[]
  positions: Position[]
  position: SourcePosition
}

/** What an OFX file says. */
export interface OfxDocument {
  /** 1 (SGML) or 2 (XML). */
  version: 1 | 2
  /** The character set the body was decoded with, and whether the header had to be overridden. */
  encoding: { used: string; declared?: string; overridden: boolean }
  /** SONRS `<FI>`: ORG and FID, when present. */
  institution?: { org?: string; fid?: string }
  /** Every statement of every message set, in file order. */
  statements: Statement[]
  /** SECLIST, by UNIQUEID. */
  securities: Map<string, Security>
  /** Signon/statement status codes other than 0, with their messages. */
  statusProblems: Array<{ code: string; severity: string; message: string; position: SourcePosition }>
}

/** An amount to print. */
export interface ImportAmount {
  quantity: Decimal
  /** The commodity as the tool should see it (`$`, `USD`, `AAPL`, a CUSIP); the printer quotes it when needed. */
  commodity: string
  /**
   * `money`: printed with two decimals (cash legs); `exact`: printed with the
   * digits of `text` (share counts and unit prices from the file).
   */
  style: 'money' | 'exact'
  /** For `exact`: the number as the file wrote it (sign included), e.g. `100.00000`. */
  text?: string
}

/** A posting to print. */
export interface ImportPosting {
  account: string
  /** Absent: the tool infers it (or a balance assignment sets it). */
  amount?: ImportAmount
  /** The cost: per unit (`@`), or for the whole amount (`@@`) when `costIsTotal`. */
  cost?: ImportAmount
  costIsTotal?: boolean
  /** A balance assertion after this posting (`= AMOUNT`); with no amount, a balance assignment. */
  assertion?: ImportAmount
  /** The assertion's kind (hledger's `=*`, `==`, `==*`); default `=`. */
  assertionOp?: '=' | '=*' | '==' | '==*'
  /** Posting metadata in print order (the dedup id goes here, on the imported account's posting). */
  metadata: Array<[string, string]>
}

/** A transaction to print. */
export interface ImportEntry {
  kind: 'transaction'
  date: string
  /** Secondary (settlement) date, `YYYY-MM-DD`. */
  auxDate?: string
  /**
   * The posting that settles on `auxDate` (the cash leg of a trade). ledger
   * gets `DATE=AUXDATE`; hledger gets a `date:` tag on this posting, its
   * own way of dating a posting.
   */
  auxDatePosting?: number
  /** Check number or other code. */
  code?: string
  cleared: boolean
  /** `!` (pending) rather than unmarked. */
  pending?: boolean
  payee: string
  /** Transaction metadata in print order. */
  metadata: Array<[string, string]>
  postings: ImportPosting[]
  /** The dedup id stored on the imported account's posting (`ofxid`/`csvid` value) and the key it is looked up by. */
  id?: { tag: 'ofxid' | 'csvid'; value: string; lookup: string }
  /** For ordering: instant of the source transaction. */
  instant: number
  /** Where it came from (file line), for diagnostics. */
  source?: { file: string; line: number }
}

/** A market price to print (`P`). */
export interface PriceEntry {
  kind: 'price'
  date: string
  time?: string
  commodity: string
  price: ImportAmount
}

/** A balance assertion or opening balance entry (printed as a transaction, cleared). */
export type AssertionEntry = ImportEntry

/** What an importer produces for one account (or one CSV file). */
export interface ImportBatch {
  /** The journal account of the imported account. */
  account: string
  /** The opening balance entry (`--initial`), first. */
  initial?: ImportEntry
  entries: ImportEntry[]
  /** The closing balance assertion (`--assertions`), after the entries. */
  assertions: ImportEntry[]
  prices: PriceEntry[]
  /** Notes for the user (skipped rows, ignored fields …), with positions. */
  notes: Array<{ severity: 'info' | 'warning' | 'error'; message: string; line?: number }>
}
