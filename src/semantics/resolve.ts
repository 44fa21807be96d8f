/**
 * The resolver: from syntax trees to what one tool computes.
 *
 * It walks the journal and its included files in file order, keeping the
 * directive state each tool keeps (apply blocks, aliases, the year, the
 * bucket account, number-reading context, definitions), and builds resolved
 * transactions. Then it balances them, applies automated transactions, and
 * checks balance assertions and assignments in the order the tool does:
 * ledger 3.3 entry by entry in file order; hledger 1.25 after reading
 * everything, in date order.
 */
import { Decimal } from 'decimal.js'
import type {
  Amount, Comment, LotPart, Opaque, PeriodicTransaction, Span, Dialect, Directive, Entry, Journal, Posting, TimeclockEntry, Transaction,
  ValueExpr,
} from '../ast.js'
import { readDate } from '../dates.js'
import type { Diagnostic, Severity } from '../diagnostic.js'
import { aliasArgs, commodityAliasArg, priceArgs, readAmountArg, yearArg } from '../directives.js'
import type { ParseFileResult, SourceFile } from '../parse/files.js'
import type { ParseResult } from '../parse/index.js'
import { positionOf } from '../position.js'
import { bracketDatesOf, tagsOf } from '../tags.js'
import { aliasRule, applyAliases, normaliseHledgerName, normaliseLedgerName, unbracketHledger, withPrefix, type AliasRule } from './accounts.js'
import { accountTypeCode, AccountTypes } from './account-types.js'
import { MixedAmount, type SimpleAmount } from './amount.js'
import { AutoRules, readCheckLine, type CheckLine } from './auto.js'
import { balancePostings, type PrecisionOf } from './balance.js'
import { checkAssertions, ledgerAssertionsAtParse, RunningBalances } from './assertions.js'
import { postingFacts } from './ledger-expressions.js'
import {
  NO_TAGS, type UnitConversion, type CommodityInfo, type MarketPrice, type ResolvedCost, type ResolvedJournal, type ResolvedLot, type ResolvedPosting,
  type ResolvedTransaction,
} from './model.js'
import { QuantityContext, type ReadQuantity } from './quantities.js'

/** Options for {@link resolveJournal}. */
export interface ResolveOptions {
  /** The semantics to apply; defaults to the root file's dialect. */
  dialect?: Dialect
  /** Today's date (`YYYY-MM-DD`), for year-less dates. Defaults to the real date. */
  today?: string
  /** hledger: apply automated transactions, as `hledger --auto` does (default false, as hledger; ledger always applies them). */
  auto?: boolean
}

/** Input to the resolver: a parsed file tree, or one parsed text. */
export type ResolveInput = ParseFileResult | ParseResult | Journal

/** One `apply` block in force (ledger keeps all kinds on one stack; `Y` too). */
interface Applied {
  kind: 'account' | 'tag' | 'fixed' | 'year' | 'other'
  value: string
}

interface Scope {
  applied: Applied[]
  aliases: AliasRule[]
  /** hledger `decimal-mark` and `D` are file-scoped. */
  fileDecimalMark: '.' | ',' | undefined
  defaultCommodity: Amount | undefined
}

interface FileRef {
  journal: Journal
  file?: string
  includes: Map<Directive, SourceFile[]>
}

/**
 * Resolve a journal under one dialect's semantics.
 *
 * @example
 * ```ts
 * const parsed = parseFile('main.ledger')
 * const resolved = resolveJournal(parsed, { dialect: 'ledger' })
 * for (const t of resolved.transactions) console.log(t.date, t.payee)
 * ```
 */
export function resolveJournal(input: ResolveInput, options: ResolveOptions = {}): ResolvedJournal {
  const root = toFileRef(input)
  const dialect = options.dialect ?? root.journal.dialect
  const resolved = new Resolver(dialect, options).run(root)
  // the parser's own findings come first: a journal's problems are all in one list
  const parsed = 'diagnostics' in input ? input.diagnostics : []
  if (parsed.length) resolved.diagnostics.unshift(...parsed)
  return resolved
}

function toFileRef(input: ResolveInput): FileRef {
  if ('type' in input && input.type === 'journal') return { journal: input, ...(input.file !== undefined ? { file: input.file } : {}), includes: new Map() }
  if ('root' in input) return sourceRef(input.root)
  const r = input as ParseResult
  return { journal: r.journal, ...(r.journal.file !== undefined ? { file: r.journal.file } : {}), includes: new Map() }
}

function sourceRef(source: SourceFile): FileRef {
  const includes = new Map<Directive, SourceFile[]>()
  for (const inc of source.includes) includes.set(inc.directive, inc.files)
  return { journal: source.journal, file: source.journal.file ?? source.path, includes }
}

/** A placeholder until a transaction's postings are read (never added to). */
const NO_POSTINGS: ResolvedPosting[] = []

function todayIso(): string {
  const d = new Date()
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
}

/** One resolution run. */
class Resolver {
  private readonly transactions: ResolvedTransaction[] = []
  private readonly prices: MarketPrice[] = []
  private readonly diagnostics: Diagnostic[] = []
  private readonly commodities = new Map<string, CommodityInfo>()
  private readonly declaredAccounts: string[] = []
  private readonly declaredPayees: string[] = []
  private readonly declaredTags: string[] = []
  private readonly quantities: QuantityContext
  private readonly today: string
  private readonly auto: AutoRules
  /** hledger: account types declared with `type:` tags (and inferred from names). */
  private readonly accountTypes = new AccountTypes()
  /** ledger: aliases are global. */
  private readonly ledgerAliases: AliasRule[] = []
  private bucket: string | undefined
  private readonly running = new RunningBalances()
  private readonly uuids = new Map<string, ResolvedTransaction>()
  private readonly payeeAliases: Array<{ re: RegExp; payee: string }> = []
  private readonly payeeUuids = new Map<string, string>()
  private readonly unknownAccountPayees: Array<{ re: RegExp; account: string }> = []
  private readonly clockIns: Array<{ entry: TimeclockEntry; ref: FileRef; account: string }> = []
  private readonly txnRefs = new Map<ResolvedTransaction, FileRef>()
  private readonly conversions = new Map<string, { commodity: string; factor: Decimal }>()
  private readonly commodityAliases = new Map<string, string>()
  /** Written account names and their normalised forms (when no prefix or alias applies). */
  private readonly plainNames = new Map<string, string>()
  /** ledger: `assert`/`check` lines of `tag` directives, by tag name. */
  private readonly tagChecks = new Map<string, CheckLine[]>()
  private index = 0

  constructor(readonly dialect: Dialect, private readonly options: ResolveOptions) {
    this.quantities = new QuantityContext(dialect)
    this.today = options.today ?? todayIso()
    this.auto = new AutoRules(dialect, (severity, code, message, file, node) => this.report(severity, code, message, file as FileRef | undefined, node))
    if (dialect === 'hledger') this.auto.accountTypes = this.accountTypes
  }

  run(root: FileRef): ResolvedJournal {
    this.walk(root, { applied: [], aliases: [], fileDecimalMark: undefined, defaultCommodity: undefined })
    if (this.dialect === 'hledger') this.finishHledger()
    else this.finishLedger()
    return {
      dialect: this.dialect,
      transactions: this.transactions,
      prices: this.prices,
      commodities: this.commodities,
      declaredAccounts: this.declaredAccounts,
      declaredPayees: this.declaredPayees,
      declaredTags: this.declaredTags,
      diagnostics: this.diagnostics,
      conversions: this.dialect === 'ledger' ? this.unitConversions() : [],
    }
  }

  /** ledger's conversions for display: those of `C` directives, and its time units once seconds occur. */
  private unitConversions(): UnitConversion[] {
    const out: UnitConversion[] = []
    for (const [larger, c] of this.conversions) out.push({ smaller: c.commodity, larger, factor: c.factor })
    if (this.commodities.has('s') && !this.conversions.has('m') && !this.conversions.has('h')) {
      out.push({ smaller: 's', larger: 'm', factor: new Decimal(60) }, { smaller: 'm', larger: 'h', factor: new Decimal(60) })
      for (const unit of ['m', 'h']) if (!this.commodities.has(unit)) this.commodities.set(unit, { symbol: unit, precision: 2, declared: false, side: 'right', spaced: false })
    }
    return out
  }

  // ----- diagnostics -----------------------------------------------------

  report(severity: Severity, code: string, message: string, file: FileRef | undefined, node: { span?: Span | undefined } | undefined, hint?: string): void {
    const d: Diagnostic = { severity, code, message }
    if (hint) d.hint = hint
    if (file) {
      if (file.file !== undefined) d.file = file.file
      if (node) {
        const at = node.span ? positionOf(file.journal, { span: node.span }) : undefined
        if (at) {
          d.line = at.start.line
          d.column = at.start.column
          d.endLine = at.end.line
          d.endColumn = at.end.column
        }
        if (node.span) d.span = node.span
      }
    }
    this.diagnostics.push(d)
  }

  // ----- walking ------------------------------------------------------------

  private walk(ref: FileRef, inherited: Scope): Scope {
    // An included file sees the includer's apply blocks, but its own do not leak back
    // (both tools); hledger's aliases are file-scoped too.
    const scope: Scope = { ...inherited, applied: [...inherited.applied], aliases: this.dialect === 'hledger' ? [...inherited.aliases] : inherited.aliases }
    const savedMark = this.quantities.fileDecimalMark
    const savedDefault = this.quantities.defaultCommodity
    this.quantities.fileDecimalMark = this.dialect === 'hledger' ? undefined : savedMark
    for (const entry of ref.journal.children) this.entry(entry, ref, scope)
    this.quantities.fileDecimalMark = savedMark
    this.quantities.defaultCommodity = savedDefault
    return scope
  }

  private entry(entry: Entry, ref: FileRef, scope: Scope): void {
    switch (entry.type) {
      case 'transaction':
        this.transaction(entry, ref, scope)
        break
      case 'directive':
        this.directive(entry, ref, scope)
        break
      case 'autoTransaction':
        this.auto.add(entry, this.accountResolver(scope), ref)
        break
      case 'periodicTransaction':
        if (this.dialect === 'ledger') this.checkPeriodic(entry, ref, scope)
        break
      case 'timeclock':
        this.timeclock(entry, ref, scope)
        break
      default:
        break
    }
  }

  private accountResolver(scope: Scope): (name: string) => string {
    return (name) => this.resolveAccount(name, scope)
  }

  /** A written account name, resolved as the tool resolves it. */
  resolveAccount(written: string, scope: Scope): string {
    if (scope.applied.length === 0 && (this.dialect === 'ledger' ? this.ledgerAliases.length === 0 : scope.aliases.length === 0)) {
      // no prefixes or aliases in force: only the name's blanks are normalised
      let name = this.plainNames.get(written)
      if (name === undefined) {
        name = this.dialect === 'ledger' ? normaliseLedgerName(written) : normaliseHledgerName(written)
        this.plainNames.set(written, name)
      }
      return name
    }
    const prefixes = scope.applied.filter((a) => a.kind === 'account').map((a) => a.value)
    if (this.dialect === 'ledger') {
      // ledger looks an aliased name up from the top: `apply account` does not prefix it
      const name = normaliseLedgerName(written)
      const aliased = applyAliases(name, this.ledgerAliases, 'ledger')
      return aliased !== name ? aliased : withPrefix(prefixes, name)
    }
    const prefixed = withPrefix(prefixes, normaliseHledgerName(written))
    return applyAliases(prefixed, scope.aliases, 'hledger')
  }

  private yearOf(scope: Scope): number | undefined {
    for (let i = scope.applied.length - 1; i >= 0; i--) {
      const a = scope.applied[i] as Applied
      if (a.kind === 'year') return Number(a.value)
    }
    return undefined
  }

  /** End the innermost apply block (of `kind`, when one is named). */
  private endApply(scope: Scope, kind: Applied['kind'] | undefined, ref: FileRef, d: Directive): void {
    const stack = scope.applied
    if (this.dialect === 'hledger') {
      for (let i = stack.length - 1; i >= 0; i--) {
        if (stack[i]?.kind === kind) {
          stack.splice(i, 1)
          return
        }
      }
      return
    }
    const top = stack[stack.length - 1]
    if (!top) {
      this.report('error', 'resolve/end-apply', "'end' or 'end apply' found, but no enclosing 'apply' directive", ref, d)
      return
    }
    if (kind !== undefined && top.kind !== kind) {
      this.report('error', 'resolve/end-apply', `'end apply ${kind}' directive does not match 'apply ${top.kind}' directive`, ref, d)
      return
    }
    stack.pop()
  }

  // ----- directives -----------------------------------------------------

  private directive(d: Directive, ref: FileRef, scope: Scope): void {
    switch (d.name) {
      case 'include': {
        const files = ref.includes.get(d) ?? []
        for (const f of files) {
          const inner = this.walk(sourceRef(f), scope)
          if (this.dialect === 'ledger') {
            // ledger 3.3 keeps the years an included file sets on its apply
            // stack, less the last one (observed: after an include that sets
            // 2022 then 2023, year-less dates are in 2022; after one that sets
            // only 2022, the includer's year is back)
            const years = inner.applied.slice(scope.applied.length).filter((a) => a.kind === 'year')
            scope.applied.push(...years.slice(0, -1))
          }
        }
        break
      }
      case 'apply account':
        scope.applied.push({ kind: 'account', value: this.resolveApplyAccount(d.args.replace(/^account[ \t]+/, '')) })
        break
      case 'apply tag':
        scope.applied.push({ kind: 'tag', value: d.args.replace(/^tag[ \t]+/, '').trim() })
        break
      case 'apply fixed':
        scope.applied.push({ kind: 'fixed', value: d.args })
        break
      case 'apply':
        if (this.dialect === 'ledger') break // unknown apply kinds push nothing
        break
      case 'end apply account':
        this.endApply(scope, 'account', ref, d)
        break
      case 'end apply tag':
        this.endApply(scope, 'tag', ref, d)
        break
      case 'end apply fixed':
        this.endApply(scope, 'fixed', ref, d)
        break
      case 'end apply year':
        this.endApply(scope, 'year', ref, d)
        break
      case 'end apply':
      case 'end':
      case 'end tag':
        if (this.dialect === 'ledger') this.endApply(scope, undefined, ref, d)
        break
      case 'alias': {
        const a = aliasArgs(d)
        if (a.from === undefined || a.to === undefined) break
        const rule = aliasRule(a.from, a.to, this.dialect)
        if ('error' in rule) {
          this.report('error', 'resolve/alias', rule.error, ref, d)
          break
        }
        if (this.dialect === 'ledger') this.ledgerAliases.push(rule)
        else scope.aliases.push(rule)
        break
      }
      case 'end aliases':
        scope.aliases.length = 0
        break
      case 'Y':
      case 'year':
      case 'apply year': {
        const y = yearArg(d, this.dialect)
        if (y.year === undefined) break
        // ledger keeps years on the apply stack (so `end` undoes them); hledger's Y lasts to the end of the file
        if (this.dialect === 'hledger') scope.applied = scope.applied.filter((a) => a.kind !== 'year')
        scope.applied.push({ kind: 'year', value: String(y.year) })
        break
      }
      case 'bucket':
      case 'A':
        // ledger finds the bucket account under the apply prefix, without aliases
        this.bucket = this.dialect === 'ledger'
          ? withPrefix(scope.applied.filter((a) => a.kind === 'account').map((a) => a.value), normaliseLedgerName(d.args.trim()))
          : this.resolveAccount(d.args.trim(), scope)
        break
      case 'C':
        if (this.dialect === 'ledger') this.conversion(d, ref)
        break
      case 'account':
        this.accountDirective(d, scope)
        break
      case 'payee':
        this.payeeDirective(d)
        break
      case 'tag':
        this.tagDirective(d)
        break
      case 'commodity':
        this.commodityDirective(d)
        break
      case 'D':
        this.quantities.noteStyleAmount(d.args, true)
        if (this.dialect === 'hledger') {
          const arg = /\S/.test(d.args) ? d.args : ''
          const parsed = arg ? readAmountNode(arg, this.dialect) : undefined
          if (parsed) this.quantities.defaultCommodity = parsed
        }
        break
      case 'decimal-mark':
        if (this.dialect === 'hledger') {
          const mark = d.args.trim()
          if (mark === '.' || mark === ',') this.quantities.fileDecimalMark = mark
        }
        break
      case 'option':
        if (d.keyword === '--decimal-comma') this.quantities.decimalCommaByDefault = true
        break
      case 'P': {
        const p = priceArgs(d, this.dialect)
        if (p.date && p.commodity && p.price) {
          const price = this.quantities.read(p.price)
          // hledger balances at the precision P prices show too (observed: `P … USD 7.1472000 CNY` makes a 0.0028 CNY remainder unbalanced)
          if (this.dialect === 'hledger' && p.price.type === 'amount') this.noteCommodity(price, p.price)
          this.prices.push({ date: this.fullDate(p.date, scope), commodity: p.commodity, price })
        }
        break
      }
      case 'define':
      case 'def':
        if (this.dialect === 'ledger') {
          const error = this.auto.expressions.define(d.args)
          if (error) this.report('error', 'resolve/define', `Cannot evaluate the definition '${d.args.trim()}': ${error}`, ref, d)
        }
        break
      case 'assert':
      case 'check':
        if (this.dialect === 'ledger') this.topLevelCheck(d.name, d.args, ref, d)
        break
      case 'expr':
      case 'eval':
        if (this.dialect === 'ledger') {
          const error = this.auto.expressions.run(d.args)
          if (error) this.report('warning', 'resolve/expression', `Cannot evaluate '${d.args.trim()}': ${error}`, ref, d)
        }
        break
      default:
        break
    }
  }

  /** ledger `C LARGER = SMALLER`: amounts in the larger unit are kept in the smaller one. */
  private conversion(d: Directive, ref: FileRef): void {
    const eq = d.args.indexOf('=')
    if (eq < 0) return
    const larger = readAmountNode(d.args.slice(0, eq), 'ledger')
    const smaller = readAmountNode(d.args.slice(eq + 1), 'ledger')
    if (!larger || !smaller || larger.quantity.isZero()) {
      this.report('warning', 'resolve/conversion', `Cannot read the conversion '${d.args}'`, ref, d)
      return
    }
    // ledger multiplies by the smaller amount's quantity alone: `C 100 apple = 48 kcal`
    // turns 1 apple into 48 kcal (observed), the larger quantity only scales itself
    this.conversions.set(larger.commodity, { commodity: smaller.commodity, factor: smaller.quantity })
    // both units are shown in the style the directive writes them in
    for (const unit of [larger, smaller]) this.noteCommodity(this.quantities.read(unit), unit)
  }

  /** ledger: express an amount in the smallest unit its `C` conversions lead to (after commodity aliases). */
  private reduce<T extends SimpleAmount>(a: T): T {
    if (this.dialect !== 'ledger') return a
    const alias = this.commodityAliases.get(a.commodity)
    let out = alias !== undefined ? { ...a, commodity: alias } : a
    if (this.conversions.size === 0) return out
    for (let i = 0; i < 10; i++) {
      const c = this.conversions.get(out.commodity)
      if (!c) break
      out = { ...out, commodity: c.commodity, quantity: out.quantity.times(c.factor) }
    }
    return out
  }

  private resolveApplyAccount(text: string): string {
    const t = text.trim()
    if (this.dialect === 'hledger' && /^[([].*[)\]]$/.test(t)) return t.slice(1, -1)
    return t
  }

  private accountDirective(d: Directive, scope: Scope): void {
    const name = this.resolveAccount(d.args.trim(), scope)
    this.declaredAccounts.push(name)
    if (this.dialect !== 'ledger') {
      // hledger: `type:` tags on the directive's comment lines give the account a type
      for (const c of [d.comment, ...d.children]) {
        if (!c || c.type !== 'comment') continue
        for (const tag of tagsOf(c.text, 'hledger')) {
          const code = tag.name === 'type' ? accountTypeCode(tag.value) : undefined
          if (code) this.accountTypes.declare(name, code)
        }
      }
      return
    }
    for (const child of d.children) {
      if (child.type !== 'subdirective') continue
      const arg = child.args.trim()
      if (child.keyword === 'alias' && arg) this.ledgerAliases.push({ from: arg, to: name })
      else if (child.keyword === 'payee' && arg) {
        const re = safeRegExp(arg)
        if (re) this.unknownAccountPayees.push({ re, account: name })
      } else if (child.keyword === 'default') this.bucket = name
    }
    const checks = d.children.flatMap((c) => (c.type === 'subdirective' ? readCheckLine(`${c.keyword} ${c.args}`, `the account directive for ${name}`) ?? [] : []))
    this.auto.addAccountChecks(name, checks)
  }

  /** `tag NAME` declares a tag; ledger tests each later value against its `assert`/`check` lines. */
  private tagDirective(d: Directive): void {
    const name = d.args.trim()
    this.declaredTags.push(name)
    if (this.dialect !== 'ledger') return
    const checks = d.children.flatMap((c) => (c.type === 'subdirective' ? readCheckLine(`${c.keyword} ${c.args}`, `the tag directive for ${name}`) ?? [] : []))
    if (checks.length) this.tagChecks.set(name, [...(this.tagChecks.get(name) ?? []), ...checks])
  }

  /** ledger: an `assert`/`check` line inside an entry. */
  private entryCheck(check: CheckLine, posting: ResolvedPosting | undefined, t: ResolvedTransaction, ref: FileRef, line: Opaque): void {
    // (evaluated in the scope of the posting above the line, if any: its tags, amount, account)
    const outcome = this.auto.expressions.predicate(check.expression, postingFacts(posting, t))
    if ('error' in outcome) {
      this.report('warning', 'resolve/check-unevaluated', `Cannot evaluate '${check.keyword} ${check.expression}': ${outcome.error}`, ref, line)
    } else if (!outcome.value) {
      this.report(check.keyword === 'assert' ? 'error' : 'warning', `resolve/${check.keyword}-failed`, `Transaction ${check.keyword === 'assert' ? 'assertion' : 'check'} failed: ${check.expression}`, ref, line)
    }
  }

  /** ledger: test the values of tags that `tag` directives put conditions on. */
  private runTagChecks(t: ResolvedTransaction, ref: FileRef): void {
    const owners: Array<{ tags: ReadonlyMap<string, string>; p: ResolvedPosting | undefined }> = [{ tags: t.tags, p: undefined }, ...t.postings.map((p) => ({ tags: p.tags, p }))]
    for (const { tags, p } of owners) {
      for (const [name, value] of tags) {
        for (const check of this.tagChecks.get(name) ?? []) {
          const outcome = this.auto.expressions.predicate(check.expression, postingFacts(p, t), new Map([['value', value], ['name', name]]))
          if ('error' in outcome) {
            this.report('warning', 'resolve/check-unevaluated', `Cannot evaluate '${check.keyword} ${check.expression}' of the tag directive for ${name}: ${outcome.error}`, ref, p?.node ?? t.node)
          } else if (!outcome.value) {
            this.report(check.keyword === 'assert' ? 'error' : 'warning', `resolve/tag-${check.keyword}-failed`, `Metadata ${check.keyword === 'assert' ? 'assertion' : 'check'} failed for (${name}: ${value}): (${check.expression})`, ref, p?.node ?? t.node)
          }
        }
      }
    }
  }

  /** ledger: a top-level `assert`/`check` directive, evaluated where it stands. */
  private topLevelCheck(keyword: 'assert' | 'check', text: string, ref: FileRef, d: Directive): void {
    const outcome = this.auto.expressions.predicate(text)
    if ('error' in outcome) {
      this.report('warning', 'resolve/check-unevaluated', `Cannot evaluate '${keyword} ${text.trim()}': ${outcome.error}`, ref, d)
    } else if (!outcome.value) {
      this.report(keyword === 'assert' ? 'error' : 'warning', `resolve/${keyword}-failed`, `${keyword === 'assert' ? 'Assertion' : 'Check'} failed: ${text.trim()}`, ref, d)
    }
  }

  private payeeDirective(d: Directive): void {
    const payee = d.args.trim()
    this.declaredPayees.push(payee)
    if (this.dialect !== 'ledger') return
    for (const child of d.children) {
      if (child.type !== 'subdirective') continue
      if (child.keyword === 'alias') {
        const re = safeRegExp(child.args.trim())
        if (re) this.payeeAliases.push({ re, payee })
      } else if (child.keyword === 'uuid') this.payeeUuids.set(child.args.trim(), payee)
    }
  }

  private commodityDirective(d: Directive): void {
    const arg = d.args.trim()
    const oneLine = this.dialect === 'hledger' && /[0-9]/.test(arg) && !/^"[^"]*"$/.test(arg)
    if (oneLine) this.quantities.noteStyleAmount(arg, true)
    for (const child of d.children) {
      if (child.type === 'subdirective' && child.keyword === 'format') this.quantities.noteStyleAmount(child.args.replace(/;.*$/, ''), true)
    }
    const symbol = oneLine ? (readAmountNode(arg, this.dialect)?.commodity ?? arg) : arg.replace(/^"|"$/g, '').split(/[ \t]/)[0] ?? arg
    if (this.dialect === 'ledger') {
      // `alias SYM` under a commodity: ledger merges SYM's amounts into it
      for (const child of d.children) {
        const alias = child.type === 'subdirective' && child.keyword === 'alias' ? commodityAliasArg(child.args) : undefined
        if (alias !== undefined) this.commodityAliases.set(alias, symbol)
      }
    }
    const info = this.commodities.get(symbol) ?? { symbol, precision: 0, declared: true }
    info.declared = true
    const fmt = d.children.find((c) => c.type === 'subdirective' && c.keyword === 'format')
    const sample = oneLine ? arg : fmt && fmt.type === 'subdirective' ? fmt.args : undefined
    if (sample) {
      const a = readAmountNode(sample.replace(/;.*$/, ''), this.dialect)
      if (a?.raws.number !== undefined) {
        const digits = a.raws.number
        const mark = /[.,](\d*)$/.exec(digits)
        info.precision = mark ? (mark[1] ?? '').length : 0
        info.fixed = true
        // the declared format is the display style
        info.side = a.side
        info.spaced = (a.raws.gap ?? '') !== ''
        if (mark) info.decimalMark = mark[0].charAt(0) as '.' | ','
        const group = /[0-9]([ ,.])[0-9]{3}(?:[ ,.]|$)/.exec(digits)?.[1]
        if (group && group !== info.decimalMark) info.groupMark = group
      }
    }
    this.commodities.set(symbol, info)
  }

  // ----- dates --------------------------------------------------------------

  /** A full date for a normalised date, taking the year from `Y`/`year` or today. */
  fullDate(date: string, scope: Scope, yearOf?: string): string {
    if (date.length > 5) return date
    if (yearOf !== undefined) return `${yearOf.slice(0, 4)}-${date}`
    const year = this.yearOf(scope)
    if (year !== undefined) return `${String(year).padStart(4, '0')}-${date}`
    const thisYear = Number(this.today.slice(0, 4))
    const candidate = `${this.today.slice(0, 4)}-${date}`
    // ledger 3.3: a year-less date later than today means last year.
    if (this.dialect === 'ledger' && candidate > this.today) return `${String(thisYear - 1).padStart(4, '0')}-${date}`
    return candidate
  }

  // ----- transactions -----------------------------------------------------

  private transaction(node: Transaction, ref: FileRef, scope: Scope): void {
    const date = this.fullDate(node.date, scope)
    // (`file` in the literal when known: added later it would cost a property array per transaction)
    const t: ResolvedTransaction = ref.file !== undefined
      ? { date, status: node.status, code: node.code ?? '', description: node.description, payee: node.description, note: '', postings: NO_POSTINGS, tags: NO_TAGS, index: this.index++, file: ref.file, node }
      : { date, status: node.status, code: node.code ?? '', description: node.description, payee: node.description, note: '', postings: NO_POSTINGS, tags: NO_TAGS, index: this.index++, node }
    if (node.auxDate !== undefined) {
      t.date2 = this.dialect === 'hledger' ? this.fullDate(node.auxDate, scope, date) : this.fullDate(node.auxDate, scope)
    }
    this.splitPayee(t)
    // comments: the header's and those before the first posting are the
    // transaction's; a comment after a posting (same line or below) is that posting's
    const applied = scope.applied.length ? scope.applied : undefined
    let current: ResolvedPosting | undefined
    let txnComments: Comment[] | undefined
    let postingComments: Array<[ResolvedPosting, Comment]> | undefined
    let checks: Array<{ check: CheckLine; line: Opaque; posting: ResolvedPosting | undefined }> | undefined
    // postings go into an exact-size array (pushing would leave room for 16 in each transaction)
    let count = 0
    for (const line of node.children) if (line.type === 'posting') count++
    const postings: ResolvedPosting[] = new Array<ResolvedPosting>(count)
    let filled = 0
    t.postings = postings
    for (const line of node.children) {
      if (line.type === 'posting') {
        const p = this.posting(line, ref, scope, t)
        current = p
        postings[filled++] = p
        if (line.comment) (postingComments ??= []).push([p, line.comment])
      } else if (line.type === 'comment') {
        if (current) (postingComments ??= []).push([current, line])
        else (txnComments ??= []).push(line)
      } else if (line.type === 'opaque' && line.reason === 'check-line' && this.dialect === 'ledger') {
        const check = readCheckLine(line.raws.text, 'this entry')
        if (check) (checks ??= []).push({ check, line, posting: current })
      }
    }
    if (node.comment) this.readComment(node.comment.text, t, undefined, t, scope)
    if (txnComments) for (const c of txnComments) this.readComment(c.text, t, undefined, t, scope)
    if (applied) for (const a of applied) if (a.kind === 'tag') this.readComment(` ${a.value.includes(':') ? a.value : `:${a.value}:`}`, t, undefined, t, scope)
    if (postingComments) for (const [posting, c] of postingComments) this.readComment(c.text, posting, posting, t, scope)
    if (checks) for (const { check, line, posting } of checks) this.entryCheck(check, posting, t, ref, line)
    if (this.tagChecks.size) this.runTagChecks(t, ref)
    this.applyPayeeRules(t)
    this.txnRefs.set(t, ref)
    if (this.dialect === 'ledger') this.finishLedgerTransaction(t, ref)
    else this.transactions.push(t)
  }

  private splitPayee(t: ResolvedTransaction): void {
    if (this.dialect === 'hledger') {
      const bar = t.description.indexOf('|')
      if (bar >= 0) {
        t.payee = t.description.slice(0, bar).trim()
        t.note = t.description.slice(bar + 1).trim()
      }
    } else if (t.description === '') t.payee = '<Unspecified payee>'
    else if (t.description.startsWith('(') && t.description.indexOf(')') < 0) t.payee = t.description.slice(1)
  }

  private applyPayeeRules(t: ResolvedTransaction): void {
    if (this.dialect !== 'ledger') return
    const uuid = t.tags.get('UUID')
    if (uuid !== undefined && this.payeeUuids.has(uuid)) t.payee = this.payeeUuids.get(uuid) as string
    for (const { re, payee } of this.payeeAliases) {
      if (re.test(t.payee)) {
        t.payee = payee
        break
      }
    }
    if (this.unknownAccountPayees.length) {
      for (const p of t.postings) {
        if (!/(^|:)Unknown$/.test(p.account)) continue
        const rule = this.unknownAccountPayees.find((r) => r.re.test(t.payee))
        if (rule) p.account = rule.account
      }
    }
  }

  /** Read tags and bracketed dates from one comment line into `owner.tags` (and the posting's dates). */
  private readComment(text: string, owner: { tags: ReadonlyMap<string, string> }, posting: ResolvedPosting | undefined, t: ResolvedTransaction, scope: Scope): void {
    for (const tag of tagsOf(text, this.dialect)) {
      if (owner.tags === NO_TAGS) owner.tags = new Map()
      ;(owner.tags as Map<string, string>).set(tag.name, tag.value)
      if (posting && this.dialect === 'hledger') {
        if (tag.name === 'date') posting.date = this.fullDate(readDate(tag.value, 'hledger').value, scope, t.date)
        else if (tag.name === 'date2') posting.date2 = this.fullDate(readDate(tag.value, 'hledger').value, scope, t.date)
      }
      if (posting && this.dialect === 'ledger' && tag.name.toLowerCase() === 'payee') posting.payee = tag.value
    }
    for (const b of bracketDatesOf(text, this.dialect)) {
      const target = posting ?? undefined
      const year = this.dialect === 'hledger' ? t.date : undefined
      if (b.date) {
        const d = this.fullDate(readDate(b.date, this.dialect).value, scope, year)
        if (target) target.date = d
        else if (this.dialect === 'ledger') t.date = d
      }
      if (b.auxDate) {
        const d = this.fullDate(readDate(b.auxDate, this.dialect).value, scope, year)
        if (target) target.date2 = d
        else if (this.dialect === 'ledger') t.date2 = d
      }
    }
  }

  private posting(node: Posting, ref: FileRef, scope: Scope, t: ResolvedTransaction): ResolvedPosting {
    const p: ResolvedPosting = {
      account: this.resolveAccount(this.dialect === 'hledger' && node.kind !== 'real' ? unbracketHledger(node.account) : node.account, scope),
      kind: node.kind === 'deferred' ? 'real' : node.kind,
      amount: undefined,
      inferred: false,
      status: node.status || t.status,
      tags: NO_TAGS,
      node,
    }
    if (node.amount) {
      const a = this.amountValue(node.amount, ref, node, t, true)
      if (!a) return p
      // (the written amount node serves as the simple amount when it reads the same: one object less per posting)
      const written = node.amount.type === 'amount' && node.amount.quantity === a.quantity && node.amount.commodity === a.commodity ? node.amount : undefined
      p.amount = [written ?? { commodity: a.commodity, quantity: a.quantity }]
      this.noteCommodity(a, node.amount.type === 'amount' ? node.amount : undefined)
    }
    if (node.lot) p.lot = this.lot(node, ref, t)
    if (node.cost && p.amount) {
      const cost = this.cost(node, p.amount[0] as SimpleAmount, ref, t)
      if (cost) p.cost = cost
    }
    if (node.assertion) {
      const a = this.amountValue(node.assertion.amount, ref, node, t)
      this.noteOtherAmount(node.assertion.amount, a)
      if (a) {
        p.assertion = { op: node.assertion.op, amount: { commodity: a.commodity, quantity: a.quantity }, assignment: !node.amount }
        // ledger compares an annotated assertion amount's commodity, which no account total has
        if (this.dialect === 'ledger' && node.assertion.lot?.length) p.assertion.annotated = true
        const c = node.assertion.cost
        if (c && this.dialect === 'hledger') {
          const price = this.amountValue(c.amount, ref, node, t)
          if (price) p.assertion.cost = { per: c.per, price: { commodity: price.commodity, quantity: price.quantity }, total: { commodity: price.commodity, quantity: c.per === 'unit' ? a.quantity.times(price.quantity) : price.quantity }, virtual: false, fixated: false }
        }
      }
    }
    return p
  }

  private amountValue(value: Amount | ValueExpr, ref: FileRef, node: Posting, t: ResolvedTransaction, migrate = false): ReadQuantity | undefined {
    if (value.type === 'amount') return this.reduce(this.quantities.read(value, migrate))
    const r = this.auto.expressions.amount(value.text, { ...postingFacts(undefined, t), account: node.account })
    if ('error' in r) {
      this.report('error', 'resolve/expression', `Cannot evaluate ${value.text}: ${r.error}`, ref, value.span ? value : node)
      return undefined
    }
    // the result counts as precise as the expression's most precise literal, not as its computed digits
    let precision = 0
    for (const m of value.text.matchAll(/\d[.,](\d+)/g)) precision = Math.max(precision, (m[1] as string).length)
    return { ...r, precision }
  }

  private cost(node: Posting, amount: SimpleAmount, ref: FileRef, t: ResolvedTransaction): ResolvedCost | undefined {
    const c = node.cost
    if (!c) return undefined
    const priceValue = this.amountValue(c.amount, ref, node, t)
    if (!priceValue) return undefined
    this.noteOtherAmount(c.amount, priceValue)
    const price: SimpleAmount = { commodity: priceValue.commodity, quantity: priceValue.quantity }
    // a total cost takes the quantity's sign (both tools: `-1 X @@ $5` weighs $-5)
    const total: SimpleAmount = c.per === 'unit'
      ? { commodity: price.commodity, quantity: amount.quantity.times(price.quantity) }
      : { commodity: price.commodity, quantity: amount.quantity.isNegative() ? price.quantity.negated() : price.quantity }
    const cost: ResolvedCost = { per: c.per, price, total, virtual: c.virtual, fixated: c.fixated }
    // ledger: annotations written after the cost belong to the cost's amount
    if (this.dialect === 'ledger' && node.lot && node.raws.costIndex !== undefined) {
      const after = this.lotFrom(node.lot.slice(node.raws.costIndex), undefined, ref, node, t)
      if (after.price || after.date || after.note !== undefined) cost.lot = after
    }
    return cost
  }

  private lot(node: Posting, ref: FileRef, t: ResolvedTransaction): ResolvedLot {
    const limit = node.raws.costIndex ?? (node.lot ?? []).length
    return this.lotFrom((node.lot ?? []).slice(0, limit), node.amount?.type === 'amount' ? node.amount.quantity : undefined, ref, node, t)
  }

  private lotFrom(parts: LotPart[], quantityOf: Decimal | undefined, ref: FileRef, node: Posting, t: ResolvedTransaction): ResolvedLot {
    const lot: ResolvedLot = {}
    for (const part of parts) {
      if (part.type === 'lotPrice') {
        const v = this.amountValue(part.amount, ref, node, t)
        if (!v) continue
        let quantity = v.quantity
        if (part.per === 'total' && quantityOf && !quantityOf.isZero()) {
          quantity = quantity.dividedBy(quantityOf.abs())
        }
        lot.price = { commodity: v.commodity, quantity }
        if (part.fixated) lot.fixated = true
      } else if (part.type === 'lotDate') lot.date = part.date
      else if (part.type === 'lotNote') lot.note = part.note
    }
    return lot
  }

  /**
   * Learn a commodity's display style from an amount: the precision is the
   * most decimals seen. ledger learns from posting amounts only, and a symbol
   * once written after the number (or with a blank) stays so; hledger learns
   * from every amount (costs, assertions and `P` prices too; `P` prices also
   * set the balancing precision, the others only the display) and keeps the
   * first amount's side and spacing. Commodity-less numbers (`''`) have a
   * precision too.
   */
  private noteCommodity(a: ReadQuantity, written: Amount | undefined, displayOnly = false): void {
    const symbol = a.commodity
    if (symbol === '' && this.dialect === 'ledger') return // ledger shows plain numbers as they are
    let info = this.commodities.get(symbol)
    if (!info) {
      info = displayOnly ? { symbol, precision: 0, displayPrecision: a.precision, declared: false } : { symbol, precision: a.precision, declared: false }
      this.commodities.set(symbol, info)
    } else if (!info.fixed) {
      // (hledger balances at the precision of posting amounts; costs and prices only widen the display)
      if (displayOnly) info.displayPrecision = Math.max(info.displayPrecision ?? 0, a.precision)
      else if (a.precision > info.precision) info.precision = a.precision
    }
    if (written && written.commodity === symbol && symbol !== '') {
      const spaced = (written.raws.gap ?? '') !== ''
      if (info.side === undefined) {
        info.side = written.side
        info.spaced = spaced
      } else if (this.dialect === 'ledger' && !info.fixed) {
        if (written.side === 'right') info.side = 'right'
        if (spaced) info.spaced = true
      }
    }
    if (info.decimalMark === undefined && a.decimalMark) info.decimalMark = a.decimalMark
    if (info.groupMark === undefined && a.groupMark) info.groupMark = a.groupMark
  }

  /** hledger: amounts other than posting amounts teach styles too. */
  private noteOtherAmount(value: Amount | ValueExpr, read: ReadQuantity | undefined): void {
    if (this.dialect === 'hledger' && read && value.type === 'amount') this.noteCommodity(read, value, true)
  }

  /** ledger balances a periodic transaction's postings when it reads them. */
  private checkPeriodic(entry: PeriodicTransaction, ref: FileRef, scope: Scope): void {
    const t: ResolvedTransaction = { date: this.today, status: '', code: '', description: '', payee: '', note: '', postings: [], tags: NO_TAGS, index: -1 }
    for (const line of entry.children) if (line.type === 'posting') {
      const p = this.posting(line, ref, scope, t)
      if (p) t.postings.push(p)
    }
    const outcome = balancePostings(t.postings, 'ledger', this.ledgerPrecision(t))
    if (outcome.error) this.report('error', 'balance/unbalanced', `${outcome.error.message} (periodic transaction)${remainderText(outcome.error.remainder)}`, ref, entry)
  }

  // ----- timeclock (ledger) -------------------------------------------------

  private timeclock(entry: TimeclockEntry, ref: FileRef, scope: Scope): void {
    if (entry.code === 'i' || entry.code === 'I') {
      this.clockIns.push({ entry, ref, account: this.resolveAccount(entry.account ?? '', scope) })
      return
    }
    if (entry.code !== 'o' && entry.code !== 'O') return
    const open = this.clockIns.shift()
    if (!open) {
      this.report('error', 'resolve/timeclock', 'Timelog check-out event without a check-in', ref, entry)
      return
    }
    const start = timestamp(open.entry.datetime)
    const end = timestamp(entry.datetime)
    const unit = this.dialect === 'hledger' ? 'h' : 's'
    // hledger shows hours as 1.50h; ledger's seconds are shown through its time conversions
    if (!this.commodities.has(unit)) {
      this.commodities.set(unit, this.dialect === 'hledger'
        ? { symbol: 'h', precision: 2, declared: false, side: 'right', spaced: false }
        : { symbol: 's', precision: 0, declared: false, side: 'right', spaced: false })
    }
    // ledger makes one transaction of a session; hledger one per day it spans,
    // cleared, described by its times when it has no description
    const DAY = 86_400_000
    const parts: Array<[number, number]> = []
    if (this.dialect === 'hledger' && Number.isFinite(start) && Number.isFinite(end)) {
      for (let from = start; ;) {
        const midnight = Math.floor(from / DAY) * DAY + DAY
        if (end <= midnight) {
          parts.push([from, end])
          break
        }
        parts.push([from, midnight])
        from = midnight
      }
    } else {
      parts.push([start, end])
    }
    const clockText = (ms: number, endOfDay: boolean): string => {
      const d = new Date(endOfDay ? ms - 60_000 : ms)
      return `${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`
    }
    for (const [from, to] of parts) {
      const seconds = Math.round((to - from) / 1000)
      const amount: SimpleAmount = this.dialect === 'hledger'
        ? { commodity: 'h', quantity: new Decimal(seconds).dividedBy(3600).toDecimalPlaces(2) }
        : { commodity: 's', quantity: new Decimal(seconds) }
      const date = parts.length === 1 ? isoDate(open.entry.datetime) : new Date(from).toISOString().slice(0, 10)
      const description = open.entry.description ?? (this.dialect === 'hledger' ? `${clockText(from, false)}-${clockText(to, to % DAY === 0 && to !== from)}` : '')
      const t: ResolvedTransaction = {
        date, status: this.dialect === 'hledger' ? '*' : '', code: '', description, payee: description, note: '',
        postings: [{ account: open.account, kind: 'virtual', amount: [amount], inferred: false, status: '', tags: NO_TAGS, generated: 'timeclock' }],
        tags: NO_TAGS, index: this.index++, generated: 'timeclock', clock: { in: open.entry, out: entry },
      }
      if (open.ref.file !== undefined) t.file = open.ref.file
      this.txnRefs.set(t, open.ref)
      if (this.dialect === 'ledger') this.finishLedgerTransaction(t, ref)
      else this.transactions.push(t)
    }
  }

  // ----- ledger: each entry as it is read ------------------------------------

  private finishLedgerTransaction(t: ResolvedTransaction, ref: FileRef): void {
    if (t.generated !== 'timeclock') {
      // an entry of amountless (virtual) postings only has no effect: ledger drops it silently
      if (t.postings.length > 0 && t.postings.every((p) => !p.amount && !p.assertion && p.kind === 'virtual')) return
      ledgerAssertionsAtParse(t, this.running, (message, p) => this.report('error', 'assertion/failed', message, ref, p.node?.assertion ?? p.node))
      const precision = this.ledgerPrecision(t)
      if (this.bucket && t.postings.length === 1 && t.postings[0]?.amount) {
        t.postings.push({ account: this.bucket, kind: 'real', amount: undefined, inferred: false, status: t.status, tags: NO_TAGS, generated: 'bucket' })
      }
      const outcome = balancePostings(t.postings, 'ledger', precision)
      if (outcome.error) {
        this.report('error', 'balance/unbalanced', `${outcome.error.message}${remainderText(outcome.error.remainder)}`, ref, t.node, 'make the postings sum to zero, or leave one posting without an amount')
      } else {
        const added = this.auto.apply(t, this.dialect, { file: ref, node: t.node })
        if (added) {
          const again = balancePostings(t.postings, 'ledger', precision)
          if (again.error) this.report('error', 'balance/unbalanced', `${again.error.message} (after automated postings)${remainderText(again.error.remainder)}`, ref, t.node)
        }
      }
      const uuid = t.tags.get('UUID')
      if (uuid !== undefined) {
        if (this.uuids.has(uuid)) return // ledger keeps only the first entry with a UUID
        this.uuids.set(uuid, t)
      }
    }
    for (const p of t.postings) this.running.add(p)
    this.transactions.push(t)
  }

  /**
   * ledger's display precision of a commodity when an entry is balanced: the
   * most decimals its posting amounts have shown so far (or its `format`);
   * for a commodity seen only in costs, the decimals of this entry's costs.
   */
  private ledgerPrecision(t: ResolvedTransaction): PrecisionOf {
    return (commodity) => {
      const info = this.commodities.get(commodity)
      if (info) return info.precision
      let max = 0
      for (const p of t.postings) if (p.cost && p.cost.total.commodity === commodity) max = Math.max(max, p.cost.price.quantity.decimalPlaces())
      return max
    }
  }

  private finishLedger(): void {
    for (const open of this.clockIns) {
      this.report('warning', 'resolve/timeclock', `Clock-in for ${open.account} has no clock-out`, undefined, undefined)
    }
  }

  // ----- hledger: after reading everything -------------------------------------

  private finishHledger(): void {
    const precision: PrecisionOf = (c) => this.commodities.get(c)?.precision ?? 0
    const withAssignments = new Set<ResolvedTransaction>()
    for (const t of this.transactions) {
      if (t.postings.some((p) => p.assertion?.assignment)) {
        withAssignments.add(t)
        if (t.postings.some((p) => p.date !== undefined && p.date !== t.date)) {
          this.report('error', 'balance/assignment-with-posting-date', "can't use balance assignment with custom posting date", this.refOf(t), t.node)
        }
        continue
      }
      const outcome = balancePostings(t.postings, 'hledger', precision)
      if (outcome.error) this.report('error', 'balance/unbalanced', outcome.error.message, this.refOf(t), t.node, 'make the postings sum to zero, or leave one posting without an amount')
    }
    if (this.options.auto === true) {
      const ruleAccounts = this.auto.templateAccounts()
      for (const t of this.transactions) {
        for (const p of t.postings) {
          if (p.assertion?.assignment && ruleAccounts.has(p.account)) {
            this.report('error', 'balance/assignment-with-auto', "can't use balance assignment with auto postings", this.refOf(t), p.node ?? t.node, `an automated transaction posts to ${p.account}; write the amount instead of assigning it`)
          }
        }
      }
      for (const t of this.transactions) {
        if (!this.auto.apply(t, 'hledger', { file: this.refOf(t), node: t.node })) continue
        const again = balancePostings(t.postings, 'hledger', precision)
        if (again.error) this.report('error', 'balance/unbalanced', again.error.message, this.refOf(t), t.node)
      }
    }
    checkAssertions(this.transactions, 'hledger', (t) => {
      const outcome = balancePostings(t.postings, 'hledger', precision)
      if (outcome.error) this.report('error', 'balance/unbalanced', outcome.error.message, this.refOf(t), t.node)
    }, (message, t, p) => this.report('error', 'assertion/failed', message, this.refOf(t), p.node?.assertion ?? p.node ?? t.node))
  }

  private refOf(t: ResolvedTransaction): FileRef | undefined {
    return this.txnRefs.get(t)
  }
}

function remainderText(m: MixedAmount): string {
  return m.isZero() ? '' : `: unbalanced remainder is ${m.toString()}`
}

function readAmountNode(text: string, dialect: Dialect): Amount | undefined {
  return readAmountArg(text, dialect).amount
}

function safeRegExp(text: string): RegExp | undefined {
  try {
    return new RegExp(text, 'i')
  } catch {
    return undefined
  }
}

function timestamp(datetime: string): number {
  const m = /^(\d+)[/.-](\d+)[/.-](\d+)[ \t]+(\d+):(\d+)(?::(\d+))?/.exec(datetime)
  if (!m) return NaN
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0))
}

function isoDate(datetime: string): string {
  const m = /^(\d+)[/.-](\d+)[/.-](\d+)/.exec(datetime)
  return m ? `${(m[1] as string).padStart(4, '0')}-${(m[2] as string).padStart(2, '0')}-${(m[3] as string).padStart(2, '0')}` : datetime
}

