/**
 * Automated transactions (`= QUERY` rules), as each tool applies them
 * (dialects.md §2.J).
 *
 * - ledger 3.3 applies a rule to entries read *after* it, always; the query
 *   is ledger's expression language (`and`/`or`/`not`, `@payee`, `%tag`,
 *   `expr '…'`); a commodity-less amount multiplies the matched posting's
 *   amount; `$account` and `%(EXPR)` in an account name are filled from the
 *   matched posting; amounts may be value expressions; `assert`/`check` lines
 *   in the rule are tested on every matched posting. An `account` directive's
 *   `assert`/`check` lines work as a rule on that account.
 * - hledger 1.25 (with `--auto`) applies every rule to every transaction;
 *   the query is hledger's; `*N` multiplies (and `*N SYM` changes the
 *   commodity), a plain amount is used as written, `$account` is not special.
 * Both apply rules after inferring missing amounts, and the generated
 * postings must balance. ledger's rules match the entry's own postings;
 * hledger's also those the rules before them generated.
 */
import type { AutoTransaction, Dialect, Posting } from '../ast.js'
import type { Severity } from '../diagnostic.js'
import type { SimpleAmount } from './amount.js'
import { LedgerExpressions, postingFacts } from './ledger-expressions.js'
import { NO_TAGS, type ResolvedPosting, type ResolvedTransaction } from './model.js'
import { compareQuantity, matchesPosting, parseHledgerQuery, parseLedgerQuery, type AmountTerm, type CommodityTerm, type Query } from './query.js'
import { queryTarget } from './query-target.js'
import type { AccountTypes } from './account-types.js'
import { tagsOf } from '../tags.js'

interface Template {
  node: Posting
  account: string
  kind: Posting['kind']
  status: Posting['status']
  /** ledger: tags of the comment lines under the template, given to the postings it generates. */
  tags: Array<[string, string]>
}

/** An `assert`/`check` line: `assert` failures are errors, `check` failures warnings. */
export interface CheckLine {
  keyword: 'assert' | 'check'
  expression: string
  /** Where it was written, for messages. */
  where: string
}

interface Rule {
  matches: (p: ResolvedPosting, t: ResolvedTransaction) => boolean
  templates: Template[]
  checks: CheckLine[]
  /** ledger: tags of the rule's comment lines before its first posting, given to each posting it matches. */
  matchedTags: Array<[string, string]>
  /** hledger: the query's `cur:` and `amt:` terms; a multiplier applies to the part of the amount they match only. */
  amountFilter?: (a: SimpleAmount) => boolean
}

/** Reports a finding about a transaction (file and node are the resolver's). */
export type AutoReporter = (severity: Severity, code: string, message: string, file: unknown, node: { span?: { start: number; end: number } | undefined } | undefined) => void

/** Read `assert EXPR` / `check EXPR` from a line's text (indent allowed); undefined for other lines. */
export function readCheckLine(text: string, where: string): CheckLine | undefined {
  const m = /^[ \t]*(assert|check)[ \t]+(.*?)[ \t]*$/.exec(text)
  return m ? { keyword: m[1] as 'assert' | 'check', expression: m[2] as string, where } : undefined
}

/** The automated transactions of a journal, in the order they were read. */
export class AutoRules {
  private readonly rules: Rule[] = []
  /** ledger's definitions and expression evaluation, shared with the resolver. */
  readonly expressions = new LedgerExpressions()
  /** hledger: the journal's account types, for `type:` queries. */
  accountTypes?: AccountTypes

  constructor(readonly dialect: Dialect, private readonly report: AutoReporter) {}

  /** Every account a rule posts to. */
  templateAccounts(): Set<string> {
    return new Set(this.rules.flatMap((r) => r.templates.map((t) => t.account)))
  }

  /** Record a rule (its account names resolved with the current scope). */
  add(node: AutoTransaction, resolveAccount: (name: string) => string, ref: unknown): void {
    const query = this.readQuery(node, ref)
    const templates: Template[] = []
    const checks: CheckLine[] = []
    const matchedTags: Array<[string, string]> = []
    const tagsIn = (text: string | undefined): Array<[string, string]> => (text === undefined || this.dialect !== 'ledger' ? [] : tagsOf(text, 'ledger').map((t) => [t.name, t.value]))
    for (const line of node.children) {
      if (line.type === 'posting') {
        const special = this.dialect === 'ledger' && (line.account.includes('$account') || line.account.includes('%('))
        templates.push({ node: line, account: special ? line.account : resolveAccount(line.account), kind: line.kind === 'deferred' ? 'real' : line.kind, status: line.status, tags: tagsIn(line.comment?.text) })
      } else if (line.type === 'comment') {
        const last = templates[templates.length - 1]
        for (const tag of tagsIn(line.text)) (last ? last.tags : matchedTags).push(tag)
      } else if (line.type === 'opaque' && line.reason === 'check-line') {
        const check = readCheckLine(line.raws.text, `the automated transaction '= ${node.query}'`)
        if (check) checks.push(check)
      }
    }
    const dialect = this.dialect
    const rule: Rule = {
      matches: (p, t) => this.matchQuery(query, p, t, dialect),
      templates,
      checks,
      matchedTags,
    }
    const terms = dialect === 'hledger' ? amountTerms(query) : []
    if (terms.length) {
      rule.amountFilter = (a) => terms.every((term) => (term.type === 'commodity' ? term.pattern.regex.test(a.commodity) : compareQuantity(a.quantity, term)))
    }
    this.rules.push(rule)
  }

  /** ledger: `assert`/`check` lines under an `account` directive apply to that account's later postings. */
  addAccountChecks(account: string, checks: CheckLine[]): void {
    if (checks.length) this.rules.push({ matches: (p) => p.account === account, templates: [], checks, matchedTags: [] })
  }

  private readQuery(node: AutoTransaction, ref: unknown): Query {
    if (this.dialect === 'hledger') {
      const parsed = parseHledgerQuery(node.query)
      for (const e of parsed.errors) this.report('warning', 'auto/query', `hledger cannot read this rule's query: ${e}`, ref, node)
      return parsed.query
    }
    const parsed = parseLedgerQuery(node.query)
    // (some of these ledger refuses, others it reads in a way that surprises; warn either way)
    for (const e of parsed.errors) this.report('warning', 'auto/query', `ledger may not read this rule's query as intended: ${e}`, ref, node)
    const stripped = withoutTagValues(parsed.query)
    if (stripped !== parsed.query) {
      this.report('warning', 'auto/query', "ledger 3.3 ignores the value of a tag term in an automated transaction's query (observed: '= %class=Nothing' matches every posting tagged class); the rule matches on the tag name alone", ref, node, )
    }
    return stripped
  }

  /** Match with query.ts, evaluating ledger `expr` terms it leaves to us. */
  private matchQuery(q: Query, p: ResolvedPosting, t: ResolvedTransaction, dialect: Dialect): boolean {
    switch (q.type) {
      case 'and': return q.items.every((i) => this.matchQuery(i, p, t, dialect))
      case 'or': return q.items.some((i) => this.matchQuery(i, p, t, dialect))
      case 'not': return !this.matchQuery(q.item, p, t, dialect)
      case 'expr': {
        const outcome = this.expressions.predicate(q.text, postingFacts(p, t))
        return 'value' in outcome && outcome.value
      }
      case 'any': return true
      default: return matchesPosting(q, queryTarget(p, t, dialect, this.accountTypes))
    }
  }

  /**
   * Apply the rules to one transaction (ledger: those read so far). Returns
   * whether postings were added. `at` locates the transaction in messages.
   */
  apply(t: ResolvedTransaction, dialect: Dialect, at: { file: unknown; node: { span?: { start: number; end: number } | undefined } | undefined }): boolean {
    if (this.rules.length === 0) return false
    // ledger's rules see the entry's own postings; hledger's also those earlier rules generated
    const originals = t.postings.filter((p) => !p.generated || p.generated === 'bucket')
    let added = false
    for (const rule of this.rules) {
      const seen = dialect === 'hledger' ? [...t.postings] : originals
      for (const original of seen) {
        const p = dialect === 'ledger' ? ledgerView(original) : original
        if (!p.amount || !rule.matches(p, t)) continue
        for (const check of rule.checks) this.runCheck(check, p, t, at)
        // ledger tags the matched posting with the rule's own metadata (later rules see it)
        if (rule.matchedTags.length) original.tags = withTags(original.tags, rule.matchedTags)
        for (const tpl of rule.templates) {
          const generated = this.generate(tpl, p, t, dialect, rule.amountFilter)
          if (generated) {
            t.postings.push(generated)
            added = true
          }
        }
      }
    }
    return added
  }

  private runCheck(check: CheckLine, p: ResolvedPosting, t: ResolvedTransaction, at: { file: unknown; node: { span?: { start: number; end: number } | undefined } | undefined }): void {
    const outcome = this.expressions.predicate(check.expression, postingFacts(p, t))
    if ('error' in outcome) {
      this.report('warning', 'auto/check-unevaluated', `Cannot evaluate '${check.keyword} ${check.expression}' of ${check.where}: ${outcome.error}`, at.file, at.node)
    } else if (!outcome.value) {
      const severity: Severity = check.keyword === 'assert' ? 'error' : 'warning'
      this.report(severity, `auto/${check.keyword}-failed`, `Transaction ${check.keyword === 'assert' ? 'assertion' : 'check'} failed: (${check.expression}) for ${p.account}, from ${check.where}`, at.file, at.node)
    }
  }

  private generate(tpl: Template, matched: ResolvedPosting, t: ResolvedTransaction, dialect: Dialect, amountFilter?: (a: SimpleAmount) => boolean): ResolvedPosting | undefined {
    // hledger multiplies only the part of the amount the query's cur:/amt: terms match
    // (observed: `= assets cur:USD` / `*1` on 10 EUR + 10 USD gives 10 USD; `amt:>50` on 10 USD + 100 EUR gives 100 EUR)
    const base = amountFilter ? (matched.amount ?? []).filter(amountFilter) : (matched.amount ?? [])
    let amount: SimpleAmount[] = []
    const value = tpl.node.amount
    let inferred = false
    if (!value) {
      // no amount: balanced by the transaction afterwards (hledger; 0 for a virtual posting)
      if (dialect === 'ledger') return undefined
      inferred = true
    } else if (value.type === 'valueExpr') {
      const out: SimpleAmount[] = []
      for (const b of base) {
        const r = this.expressions.amount(value.text, { ...postingFacts(matched, t), amount: { quantity: b.quantity, commodity: b.commodity } })
        if ('error' in r) return undefined
        // a result without a commodity multiplies the matched amount, as a plain number does
        out.push(r.commodity === '' ? { commodity: b.commodity, quantity: b.quantity.times(r.quantity) } : r)
      }
      amount = out
    } else if (dialect === 'hledger' && tpl.node.multiplier) {
      amount = base.map((b) => ({ commodity: value.commodity || b.commodity, quantity: b.quantity.times(value.quantity) }))
    } else if (dialect === 'ledger' && value.commodity === '') {
      amount = base.map((b) => ({ commodity: b.commodity, quantity: b.quantity.times(value.quantity) }))
    } else {
      amount = [{ commodity: value.commodity, quantity: value.quantity }]
    }
    let account = tpl.account
    if (dialect === 'ledger') {
      account = account.replace(/\$account/g, matched.account)
      if (account.includes('%(')) account = this.expressions.format(account, postingFacts(matched, t))
    }
    const out: ResolvedPosting = { account, kind: tpl.kind, amount: inferred ? undefined : amount, inferred: false, status: tpl.status, tags: tpl.tags.length ? withTags(NO_TAGS, tpl.tags) : NO_TAGS, generated: 'auto', node: tpl.node }
    // hledger: a multiplied posting carries the rule's cost, else the matched posting's unit cost
    if (dialect === 'hledger' && tpl.node.multiplier && amount.length === 1) {
      const a = amount[0] as SimpleAmount
      const unit = tpl.node.cost && tpl.node.cost.amount.type === 'amount'
        ? (tpl.node.cost.per === 'unit' ? { commodity: tpl.node.cost.amount.commodity, quantity: tpl.node.cost.amount.quantity } : undefined)
        : matched.cost && matched.amount?.[0] && !matched.amount[0].quantity.isZero()
          ? { commodity: matched.cost.total.commodity, quantity: matched.cost.total.quantity.dividedBy(matched.amount[0].quantity) }
          : undefined
      if (unit) out.cost = { per: 'unit', price: unit, total: { commodity: unit.commodity, quantity: a.quantity.times(unit.quantity) }, virtual: false, fixated: false }
    }
    return out
  }
}

/**
 * The posting ledger's rules see. ledger gives an amountless posting that
 * balances several commodities the first of them (by symbol) and splits the
 * rest into generated postings, which rules skip.
 */
function ledgerView(p: ResolvedPosting): ResolvedPosting {
  if (!p.inferred || !p.amount || p.amount.length < 2) return p
  const first = [...p.amount].sort((a, b) => (a.commodity < b.commodity ? -1 : a.commodity > b.commodity ? 1 : 0))[0]
  return first ? { ...p, amount: [first] } : p
}

/** A copy of a tag map with more tags. */
function withTags(tags: ReadonlyMap<string, string>, more: ReadonlyArray<readonly [string, string]>): ReadonlyMap<string, string> {
  const out = new Map(tags)
  for (const [name, value] of more) out.set(name, value)
  return out
}

/** The query with the values of its tag terms dropped, as ledger 3.3 matches automated transactions (the same object when there are none). */
function withoutTagValues(q: Query): Query {
  switch (q.type) {
    case 'and':
    case 'or': {
      const items = q.items.map(withoutTagValues)
      return items.some((x, i) => x !== q.items[i]) ? { ...q, items } : q
    }
    case 'not': {
      const item = withoutTagValues(q.item)
      return item === q.item ? q : { ...q, item }
    }
    case 'tag': return q.value ? { type: 'tag', name: q.name } : q
    default: return q
  }
}

/** The `cur:` and `amt:` terms a query requires (those under and, not under or/not). */
function amountTerms(q: Query): Array<CommodityTerm | AmountTerm> {
  if (q.type === 'commodity' || q.type === 'amount') return [q]
  if (q.type === 'and') return q.items.flatMap(amountTerms)
  return []
}
