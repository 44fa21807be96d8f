/**
 * The resolver's use of ledger value expressions (expr.ts): the journal's
 * `define`s, expression amounts, and the `assert`/`check` predicates of
 * directives, entries and automated transactions, each evaluated in the
 * scope ledger gives it (a posting's `amount`, `account`, `payee`, tags…).
 */
import type { Status } from '../ast.js'
import { tagsOf } from '../tags.js'
import type { SimpleAmount } from './amount.js'
import type { Decimal } from 'decimal.js'
import { Definitions, ExprError, evaluateAmountExpr, evaluateExpr, evaluatePredicate, parseExpr, postingScope, type ExprScope, type ExprValue, type PostingFacts } from './expr.js'
import type { ResolvedPosting, ResolvedTransaction } from './model.js'

/** The outcome of evaluating a predicate: its truth, or why it could not be evaluated. */
export type PredicateOutcome = { value: boolean } | { error: string }

/** What a ledger expression can ask about a posting: expr.ts's facts, plus its cost and kind. */
export interface LedgerPostingFacts extends PostingFacts {
  /** The posting's cost (`b`), when it has one. */
  cost?: { quantity: Decimal; commodity: string }
  /** Not virtual (`R`). */
  real?: boolean
  /** Added by an automated transaction (`Z` is its negation). */
  automated?: boolean
  /** The facts of every posting of the transaction (`any(…)`, `all(…)`). */
  siblings?: () => LedgerPostingFacts[]
}

const TYPED_TAGS = new WeakMap<object, ReadonlySet<string>>()
const NO_TYPED: ReadonlySet<string> = new Set()

/** The names of a transaction's `key:: value` tags, whose values are expressions. */
function typedTagsOf(t: ResolvedTransaction): ReadonlySet<string> {
  const node = t.node
  if (!node) return NO_TYPED
  let names = TYPED_TAGS.get(node)
  if (names) return names
  const found = new Set<string>()
  const texts = [node.comment?.text, ...node.children.map((l) => (l.type === 'comment' ? l.text : l.type === 'posting' ? l.comment?.text : undefined))]
  for (const text of texts) if (text !== undefined && text.includes('::')) for (const tag of tagsOf(text, 'ledger')) if (tag.typed) found.add(tag.name)
  names = found.size ? found : NO_TYPED
  TYPED_TAGS.set(node, names)
  return names
}

/** What a ledger expression can ask about a posting of a transaction. */
export function postingFacts(p: ResolvedPosting | undefined, t: ResolvedTransaction): LedgerPostingFacts {
  const facts: LedgerPostingFacts = { payee: p?.payee ?? t.payee, date: p?.date ?? t.date, code: t.code, status: (p?.status || t.status) as Status }
  if (p) {
    facts.account = p.account
    facts.real = p.kind === 'real'
    facts.automated = p.generated === 'auto'
    const a = p.amount?.[0]
    if (a) facts.amount = { quantity: a.quantity, commodity: a.commodity }
    if (p.cost) facts.cost = { quantity: p.cost.total.quantity, commodity: p.cost.total.commodity }
    const note = p.node?.comment?.text ?? t.node?.comment?.text
    if (note !== undefined) facts.note = note.trim()
  }
  const tags: Record<string, string | true> = {}
  for (const [name, value] of t.tags) tags[name] = value === '' ? true : value
  if (p) for (const [name, value] of p.tags) tags[name] = value === '' ? true : value
  facts.tags = tags
  const typed = typedTagsOf(t)
  if (typed.size > 0) facts.typedTags = typed
  facts.siblings = () => t.postings.map((q) => postingFacts(q, t))
  return facts
}

/** A journal's definitions and the evaluations that use them. */
export class LedgerExpressions {
  private readonly definitions = new Definitions({ ledger33: true })

  /** Record a `define`/`def` directive; returns an error message when ledger would refuse it. */
  define(text: string): string | undefined {
    try {
      this.definitions.define(text)
      return undefined
    } catch (e) {
      return messageOf(e)
    }
  }

  /** Evaluate an amount expression `(…)` for a posting. */
  amount(text: string, facts: LedgerPostingFacts = {}): SimpleAmount | { error: string } {
    try {
      const a = evaluateAmountExpr(text, this.scope(facts))
      return { quantity: a.quantity, commodity: a.commodity }
    } catch (e) {
      return { error: messageOf(e) }
    }
  }

  /** Evaluate an `assert`/`check` predicate; `extra` names values such as a tag's `value`. */
  predicate(text: string, facts: LedgerPostingFacts = {}, extra?: ReadonlyMap<string, string>): PredicateOutcome {
    try {
      let scope = this.scope(facts)
      if (extra) {
        const parent = scope
        scope = { lookup: (name) => (extra.has(name) ? { type: 'string', value: extra.get(name) as string } : parent.lookup(name)) }
        if (parent.postings) scope.postings = parent.postings.bind(parent)
      }
      return { value: evaluatePredicate(text, scope) }
    } catch (e) {
      return { error: messageOf(e) }
    }
  }

  /** Evaluate an expression for its effect (`expr`/`eval` lines); returns an error message if it fails. */
  run(text: string): string | undefined {
    const parsed = parseExpr(text)
    if (!parsed.expr) return parsed.error ?? 'cannot read the expression'
    try {
      evaluateExpr(parsed.expr, this.definitions.scope())
      return undefined
    } catch (e) {
      return messageOf(e)
    }
  }

  /** Evaluate `%(EXPR)` parts of an account name template for a posting (`Budget:%(account)`). */
  format(template: string, facts: LedgerPostingFacts): string {
    if (template.indexOf('%(') < 0) return template
    return template.replace(/%\(([^()]*(?:\([^()]*\)[^()]*)*)\)/g, (whole, expr: string) => {
      const parsed = parseExpr(expr)
      if (!parsed.expr) return whole
      try {
        const v = evaluateExpr(parsed.expr, this.scope(facts))
        return v.type === 'string' ? v.value : whole
      } catch {
        return whole
      }
    })
  }

  /** expr.ts's posting scope, plus ledger's one-letter names: `a` amount, `b` cost, `d` date, `X` cleared, `R` real, `Z` not automated. */
  private scope(facts: LedgerPostingFacts): ExprScope {
    const base = postingScope(facts, this.definitions.scope())
    const letters = new Map<string, ExprValue>()
    if (facts.amount) {
      letters.set('a', { type: 'amount', ...facts.amount })
      letters.set('b', { type: 'amount', ...(facts.cost ?? facts.amount) })
      letters.set('cost', { type: 'amount', ...(facts.cost ?? facts.amount) })
    }
    if (facts.date !== undefined) letters.set('d', { type: 'date', value: facts.date })
    if (facts.status !== undefined) letters.set('X', { type: 'boolean', value: facts.status === '*' })
    if (facts.real !== undefined) letters.set('R', { type: 'boolean', value: facts.real })
    if (facts.automated !== undefined) letters.set('Z', { type: 'boolean', value: !facts.automated })
    const scope: ExprScope = { lookup: (name) => base.lookup(name) ?? letters.get(name) }
    const siblings = facts.siblings
    if (siblings) scope.postings = () => siblings().map((f) => this.scope(f))
    if (base.define) scope.define = base.define
    return scope
  }
}

function messageOf(e: unknown): string {
  return e instanceof ExprError || e instanceof Error ? e.message : String(e)
}
