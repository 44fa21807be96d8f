/**
 * What an import needs from the journal, read once (includes included):
 *
 * - the dedup ids already stored (`ofxid`, `csvid` tags on postings or
 *   transactions), matched exactly; an `ofxid` also by its `acctid.fitid`
 *   part, because banks change FIDs (ledger-autosync looks ids up without the
 *   FID too, but as an unanchored regex, which drops real transactions);
 * - the payee history for counter accounts: for each payee, the accounts of
 *   its real postings in order of first appearance (ledger-autosync's rule);
 * - `AutosyncPayee` rewrites, the balance assertions and `P` prices already
 *   there (so a re-import prints nothing new).
 */
import type { Comment, Journal, Transaction } from '../ast.js'
import { readDate } from '../dates.js'
import { parseFile, type ParseFileResult } from '../parse/files.js'

/** The journal facts an import uses. */
export interface JournalIndex {
  /** Every `ofxid` and `csvid` value, exactly as stored. */
  ids: Set<string>
  /** For each `ofxid`, the value after its first `.` (the id without the FID). */
  ofxidsWithoutFid: Set<string>
  /** payee → accounts of its real postings, in order of first appearance. */
  payeeAccounts: Map<string, string[]>
  /** Raw bank payee (`AutosyncPayee` tag) → the payee of the last transaction carrying it, with that transaction's accounts. */
  autosyncPayees: Map<string, { payee: string; accounts: string[] }>
  /** `account|YYYY-MM-DD|quantity|commodity` of every balance assertion. */
  assertions: Set<string>
  /** `P` directive arguments, whitespace collapsed. */
  prices: Set<string>
  /** How many transactions were read. */
  transactions: number
  /** The files read. */
  files: string[]
}

const ID_TAG = /(?:^|[\s,])(ofxid|csvid):[ \t]*([^\r\n]*)/g
const AUTOSYNC_PAYEE = /(?:^|[\s,])AutosyncPayee:[ \t]*([^\r\n]*)/

/** A new, empty index (no journal: nothing is known). */
export function emptyIndex(): JournalIndex {
  return { ids: new Set(), ofxidsWithoutFid: new Set(), payeeAccounts: new Map(), autosyncPayees: new Map(), assertions: new Set(), prices: new Set(), transactions: 0, files: [] }
}

function addIds(index: JournalIndex, comment: Comment): void {
  if (!comment.text.includes('id:')) return
  for (const m of comment.text.matchAll(ID_TAG)) {
    const value = (m[2] ?? '').trim()
    if (value === '') continue
    const values = [value]
    // hledger ends a tag value at a comma: a value written by a tool that put more tags after it
    const comma = value.indexOf(',')
    if (comma > 0) values.push(value.slice(0, comma).trim())
    for (const v of values) {
      index.ids.add(v)
      if (m[1] === 'ofxid') {
        const dot = v.indexOf('.')
        if (dot >= 0) index.ofxidsWithoutFid.add(v.slice(dot + 1))
      }
    }
  }
}

function indexTransaction(index: JournalIndex, t: Transaction, dialect: 'ledger' | 'hledger'): void {
  index.transactions++
  const accounts: string[] = []
  const headerComments: Comment[] = t.comment ? [t.comment] : []
  let seenPosting = false
  for (const line of t.children) {
    if (line.type === 'comment') {
      // comment lines before the first posting belong to the transaction, later ones to the posting before them
      if (!seenPosting) headerComments.push(line)
      addIds(index, line)
      continue
    }
    if (line.type !== 'posting') continue
    seenPosting = true
    if (line.comment) addIds(index, line.comment)
    if (line.kind === 'real' && !accounts.includes(line.account)) accounts.push(line.account)
    const asserted = line.assertion?.amount
    if (asserted && asserted.type === 'amount') {
      const date = readDate(t.date, dialect).value
      index.assertions.add(`${line.account}|${date}|${asserted.quantity.toFixed()}|${asserted.commodity}`)
    }
  }
  if (t.comment) addIds(index, t.comment)
  const known = index.payeeAccounts.get(t.description)
  if (known) {
    for (const a of accounts) if (!known.includes(a)) known.push(a)
  } else {
    index.payeeAccounts.set(t.description, accounts)
  }
  for (const c of headerComments) {
    if (!c.text.includes('AutosyncPayee')) continue
    const raw = AUTOSYNC_PAYEE.exec(c.text)?.[1]?.trim()
    if (raw) index.autosyncPayees.set(raw, { payee: t.description, accounts })
  }
}

function indexJournal(index: JournalIndex, journal: Journal, dialect: 'ledger' | 'hledger'): void {
  for (const e of journal.children) {
    if (e.type === 'transaction') indexTransaction(index, e, dialect)
    else if (e.type === 'directive' && e.name === 'P') index.prices.add(e.args.trim().replace(/\s+/g, ' '))
  }
}

/** Index every file of a parsed journal tree. */
export function indexParsedJournal(parsed: ParseFileResult): JournalIndex {
  const index = emptyIndex()
  for (const f of parsed.files) {
    index.files.push(f.path)
    indexJournal(index, f.journal, f.dialect)
  }
  return index
}

/** Read `path` (and what it includes) and index it. */
export function indexJournalFile(path: string): { index: JournalIndex; parsed: ParseFileResult } {
  const parsed = parseFile(path)
  return { index: indexParsedJournal(parsed), parsed }
}

/** Is an entry's id already in the journal? Exact match of the stored value, or (ofxid) of the id without its FID. */
export function isKnown(index: JournalIndex, id: { tag: 'ofxid' | 'csvid'; value: string; lookup: string }): boolean {
  if (index.ids.has(id.value)) return true
  return id.tag === 'ofxid' ? index.ofxidsWithoutFid.has(id.lookup) : index.ids.has(id.lookup)
}

/**
 * The counter account for `payee` from the journal's history: of the accounts
 * its transactions used, in order of first appearance, the last one that is
 * not the imported account (ledger-autosync's choice).
 */
export function historyAccount(index: JournalIndex, payee: string, importedAccount: string): string | undefined {
  const accounts = index.payeeAccounts.get(payee)
  if (!accounts) return undefined
  for (let i = accounts.length - 1; i >= 0; i--) if (accounts[i] !== importedAccount) return accounts[i]
  return undefined
}
