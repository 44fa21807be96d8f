/**
 * The library's front door: load a journal (with its includes), resolve it
 * under ledger's or hledger's semantics, and ask for reports.
 *
 * @example
 * ```ts
 * import { loadJournal } from 'ptabridge'
 * const book = loadJournal('main.journal')
 * for (const { posting, transaction } of book.postings({ query: 'expenses' })) {
 *   console.log(transaction.date, posting.account, posting.amount)
 * }
 * const { rows, total } = book.balance({ query: ['expenses'], period: '2024', depth: 2 })
 * ```
 */
import type { Dialect, PostingKind } from '../ast.js'
import type { Diagnostic } from '../diagnostic.js'
import { hasErrors } from '../diagnostic.js'
import { parseFile, type ParseFileResult } from '../parse/files.js'
import { balanceReport, type BalanceReport } from '../reports/balance.js'
import { AmountFormatter } from '../reports/format.js'
import { accountsReport, commoditiesReport, payeesReport, statsReport, type JournalStats } from '../reports/lists.js'
import type { Interval } from '../reports/period.js'
import { registerReport, type RegisterRow } from '../reports/register.js'
import { MixedAmount, type SimpleAmount } from '../semantics/amount.js'
import type { ResolvedJournal, ResolvedPosting, ResolvedTransaction } from '../semantics/model.js'
import { NO_TAGS } from '../semantics/model.js'
import { resolveJournal, type ResolveOptions } from '../semantics/resolve.js'
import { resolveSelection, type Selection } from './select.js'

/** A posting a {@link PostingRule} adds. */
export interface NewPosting {
  account: string
  amount: SimpleAmount | readonly SimpleAmount[]
  /** Default `real`; use `virtual` for budget-style postings that need not balance. */
  kind?: PostingKind
  tags?: Readonly<Record<string, string>>
}

/**
 * A rule that adds postings to transactions after resolution, as pledger's
 * rules did (e.g. a budget posting for each expense). Return nothing to leave
 * the transaction alone. Added postings are marked `generated: 'rule'`; if
 * their real or `[balanced virtual]` postings do not sum to zero, the book
 * gets a `rule/unbalanced` warning naming the transaction.
 */
export type PostingRule = (transaction: ResolvedTransaction) => Iterable<NewPosting> | undefined | void

/** Options for {@link loadJournal} and {@link loadJournalText}. */
export interface LoadOptions extends ResolveOptions {
  /** The dialect the file is written in (default: from its extension, else its content). */
  from?: Dialect
  /** Follow `include` directives (default true). */
  includes?: boolean
  /** Rules that add postings, applied in order to every transaction. */
  rules?: readonly PostingRule[]
}

/** Options of {@link Book.balance}. */
export interface BookBalanceOptions extends Selection {
  /** Show parents with their subaccounts' totals, indented (ledger's default). */
  tree?: boolean
  /** Clip account names to this many levels, summing deeper accounts into them. */
  depth?: number
  /** Keep accounts whose total is zero. */
  empty?: boolean
  /** Sum costs instead of amounts where a posting has a cost (`-B`). */
  cost?: boolean
}

/** Options of {@link Book.register}. */
export interface BookRegisterOptions extends Selection {
  /** Group by period: one row per account per interval. */
  interval?: Interval
  depth?: number
  cost?: boolean
}

/** A posting with its transaction. */
export interface PostingWithTransaction {
  posting: ResolvedPosting
  transaction: ResolvedTransaction
}

/**
 * Load a journal file and the files it includes, and resolve it.
 *
 * @throws {FileReadError} when the file cannot be read (problems inside it are
 *   in {@link Book.diagnostics}).
 */
export function loadJournal(path: string, options: LoadOptions = {}): Book {
  const parsed = parseFile(path, { ...(options.from ? { dialect: options.from } : {}), includes: options.includes !== false })
  return new Book(parsed, options)
}

/**
 * Load a journal from text. `path` (default: `journal` in the current
 * directory) names it in messages and anchors relative includes.
 */
export function loadJournalText(text: string, options: LoadOptions & { path?: string } = {}): Book {
  const parsed = parseFile(options.path ?? 'journal', { text, ...(options.from ? { dialect: options.from } : {}), includes: options.includes !== false })
  return new Book(parsed, options)
}

/** A resolved journal with its reports. */
export class Book {
  /** What the chosen dialect computes from the journal. */
  readonly resolved: ResolvedJournal
  /** The files read, the root first. */
  readonly parsed: ParseFileResult
  private formatterCache: AmountFormatter | undefined

  /** Resolve a parsed file tree (see {@link loadJournal}). */
  constructor(parsed: ParseFileResult, options: LoadOptions = {}) {
    this.parsed = parsed
    const resolveOptions: ResolveOptions = {}
    if (options.dialect !== undefined) resolveOptions.dialect = options.dialect
    if (options.today !== undefined) resolveOptions.today = options.today
    if (options.auto !== undefined) resolveOptions.auto = options.auto
    this.resolved = resolveJournal(parsed, resolveOptions)
    for (const rule of options.rules ?? []) this.applyRule(rule)
  }

  /** The semantics the book was resolved under. */
  get dialect(): Dialect {
    return this.resolved.dialect
  }

  /** Every error and warning: parsing, balancing, assertions, rules. */
  get diagnostics(): Diagnostic[] {
    return this.resolved.diagnostics
  }

  /** False when the tool would reject the journal. */
  get ok(): boolean {
    return !hasErrors(this.resolved.diagnostics)
  }

  /** Transactions with at least one selected posting, in file order. */
  *transactions(selection: Selection = {}): Generator<ResolvedTransaction> {
    const { filter } = resolveSelection(selection, this.dialect)
    for (const t of this.resolved.transactions) if (t.postings.some((p) => filter(p, t))) yield t
  }

  /** Selected postings with their transactions, in file order. */
  *postings(selection: Selection = {}): Generator<PostingWithTransaction> {
    const { filter } = resolveSelection(selection, this.dialect)
    for (const transaction of this.resolved.transactions) {
      for (const posting of transaction.postings) if (filter(posting, transaction)) yield { posting, transaction }
    }
  }

  /** Account balances, flat or as a tree. */
  balance(options: BookBalanceOptions = {}): BalanceReport {
    const selection = resolveSelection(options, this.dialect)
    const depth = minDefined(options.depth, selection.depth)
    return balanceReport(this.viewed(options.cost), {
      filter: selection.filter,
      ...(options.tree !== undefined ? { tree: options.tree } : {}),
      ...(depth !== undefined ? { depth } : {}),
      ...(options.empty !== undefined ? { empty: options.empty } : {}),
      ...(this.dialect === 'hledger' ? { declared: this.resolved.declaredAccounts } : {}),
    })
  }

  /** Postings in date order with a running total, or grouped by interval. */
  register(options: BookRegisterOptions = {}): RegisterRow[] {
    const selection = resolveSelection(options, this.dialect)
    const depth = minDefined(options.depth, selection.depth)
    const interval = options.interval ?? selection.interval
    return registerReport(this.viewed(options.cost), {
      filter: selection.filter,
      ledgerRows: this.dialect === 'ledger',
      ...(depth !== undefined ? { depth } : {}),
      ...(interval !== undefined ? { interval } : {}),
    })
  }

  /** Account names used by selected postings (all, with declared ones, when no selection). */
  accounts(selection: Selection = {}): string[] {
    return accountsReport(this.resolved, this.filterOrNone(selection))
  }

  /** Payees of selected postings. */
  payees(selection: Selection = {}): string[] {
    return payeesReport(this.resolved, this.filterOrNone(selection))
  }

  /** Commodities used or declared. */
  commodities(): string[] {
    return commoditiesReport(this.resolved)
  }

  /** Counts and date range (of the selected transactions and postings). */
  stats(selection: Selection = {}): JournalStats {
    return statsReport(this.resolved, this.filterOrNone(selection))
  }

  /** Amounts rendered in the journal's own style, at the dialect's display precision. */
  get formatter(): AmountFormatter {
    this.formatterCache ??= new AmountFormatter(this.resolved)
    return this.formatterCache
  }

  private filterOrNone(selection: Selection): ((p: ResolvedPosting, t: ResolvedTransaction) => boolean) | undefined {
    const empty = selection.query === undefined && !selection.filter && selection.begin === undefined && selection.end === undefined && selection.period === undefined && !selection.real
    return empty ? undefined : resolveSelection(selection, this.dialect).filter
  }

  /** The journal as reports see it: with `cost`, each posting with a cost counts at its cost. */
  private viewed(cost: boolean | undefined): ResolvedJournal {
    if (!cost) return this.resolved
    const transactions = this.resolved.transactions.map((t) => ({
      ...t,
      postings: t.postings.map((p) => (p.cost && p.amount?.length === 1 ? { ...p, amount: [p.cost.total] } : p)),
    }))
    return { ...this.resolved, transactions }
  }

  private applyRule(rule: PostingRule): void {
    for (const t of this.resolved.transactions) {
      const added = rule(t)
      if (!added) continue
      const real = new MixedAmount()
      const balanced = new MixedAmount()
      let count = 0
      for (const n of added) {
        const amounts = Array.isArray(n.amount) ? [...(n.amount as readonly SimpleAmount[])] : [n.amount as SimpleAmount]
        const kind = n.kind ?? 'real'
        const posting: ResolvedPosting = {
          account: n.account, kind, amount: amounts, inferred: false, status: t.status,
          tags: n.tags ? new Map(Object.entries(n.tags)) : NO_TAGS, generated: 'rule',
        }
        t.postings.push(posting)
        count++
        for (const a of amounts) (kind === 'real' ? real : kind === 'balanced' ? balanced : undefined)?.add(a)
      }
      if (count && (!real.isZero() || !balanced.isZero())) {
        const d: Diagnostic = {
          severity: 'warning', code: 'rule/unbalanced',
          message: `A rule added postings that do not balance to the transaction of ${t.date} ${JSON.stringify(t.description)}`,
        }
        if (t.file !== undefined) d.file = t.file
        this.resolved.diagnostics.push(d)
      }
    }
  }
}

function minDefined(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined) return b
  if (b === undefined) return a
  return Math.min(a, b)
}
