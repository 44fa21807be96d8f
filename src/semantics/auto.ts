/**
 * Automated transactions (`= QUERY` rules), as each tool applies them
 * (dialects.md §2.J).
 *
 * - ledger 3.3 applies a rule to entries read *after* it, always; a
 *   commodity-less amount multiplies the matched posting's amount; `$account`
 *   is the matched account; rule amounts may be expressions.
 * - hledger 1.25 (with `--auto`) applies every rule to every transaction;
 *   `*N` multiplies (and `*N SYM` changes the commodity), a plain amount is
 *   used as written, `$account` is not special.
 * Both apply rules after inferring missing amounts, to the postings that were
 * there before any rule ran, and the generated postings must balance.
 */
import type { AutoTransaction, Dialect, Posting } from '../ast.js'
import type { Severity } from '../diagnostic.js'
import type { SimpleAmount } from './amount.js'
import { DefinitionTable, evaluateAmountText } from './expressions.js'
import { NO_TAGS, type ResolvedPosting, type ResolvedTransaction } from './model.js'
import { compileRuleQuery, type RuleMatcher } from './rule-query.js'

interface Template {
  node: Posting
  account: string
  kind: Posting['kind']
  status: Posting['status']
}

interface Rule {
  node: AutoTransaction
  matches: RuleMatcher
  templates: Template[]
}

/** The automated transactions of a journal, in the order they were read. */
export class AutoRules {
  private readonly rules: Rule[] = []
  private readonly defs = new DefinitionTable()

  constructor(readonly dialect: Dialect, private readonly report: (severity: Severity, code: string, message: string, file: unknown, node: { span?: { start: number; end: number } | undefined } | undefined) => void) {}

  /** Every account a rule posts to. */
  templateAccounts(): Set<string> {
    return new Set(this.rules.flatMap((r) => r.templates.map((t) => t.account)))
  }

  /** The `define` values seen so far (ledger). */
  definitions(): DefinitionTable {
    return this.defs
  }

  /** Record a `define NAME = EXPR` directive. */
  define(text: string, file: unknown, node: { span?: { start: number; end: number } | undefined }): void {
    const error = this.defs.define(text, { account: '', payee: '', date: '' })
    if (error) this.report('error', 'resolve/define', `Cannot evaluate the definition: ${error}`, file, node)
  }

  /** Record a rule (its account names resolved with the current scope). */
  add(node: AutoTransaction, _file: string | undefined, resolveAccount: (name: string) => string, ref: unknown): void {
    const compiled = compileRuleQuery(node.query, this.dialect)
    if (compiled.error) this.report(this.dialect === 'ledger' ? 'error' : 'warning', 'auto/query', compiled.error, ref, node)
    const templates: Template[] = []
    for (const line of node.children) {
      if (line.type !== 'posting') continue
      const account = line.account.includes('$account') && this.dialect === 'ledger' ? line.account : resolveAccount(line.account)
      templates.push({ node: line, account, kind: line.kind === 'deferred' ? 'real' : line.kind, status: line.status })
    }
    this.rules.push({ node, matches: compiled.matches, templates })
  }

  /**
   * Apply the rules to one transaction (ledger: those read so far). Returns
   * whether postings were added.
   */
  apply(t: ResolvedTransaction, dialect: Dialect, _ledgerMode: boolean): boolean {
    if (this.rules.length === 0) return false
    const originals = t.postings.filter((p) => !p.generated || p.generated === 'bucket')
    let added = false
    for (const rule of this.rules) {
      for (const p of originals) {
        if (!p.amount || !rule.matches(p, t)) continue
        // ledger splits a multi-commodity inferred amount into generated postings, which rules skip
        if (dialect === 'ledger' && p.inferred && p.amount.length > 1) continue
        for (const tpl of rule.templates) {
          const generated = this.generate(tpl, p, t, dialect)
          if (generated) {
            t.postings.push(generated)
            added = true
          }
        }
      }
    }
    return added
  }

  private generate(tpl: Template, matched: ResolvedPosting, t: ResolvedTransaction, dialect: Dialect): ResolvedPosting | undefined {
    const base = matched.amount ?? []
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
        const r = evaluateAmountText(value.text, this.defs, { account: matched.account, payee: t.payee, date: t.date, amount: b })
        if ('error' in r) return undefined
        out.push(r)
      }
      amount = out
    } else if (dialect === 'hledger' && tpl.node.multiplier) {
      amount = base.map((b) => ({ commodity: value.commodity || b.commodity, quantity: b.quantity.times(value.quantity) }))
    } else if (dialect === 'ledger' && value.commodity === '') {
      amount = base.map((b) => ({ commodity: b.commodity, quantity: b.quantity.times(value.quantity) }))
    } else {
      amount = [{ commodity: value.commodity, quantity: value.quantity }]
    }
    const account = dialect === 'ledger' ? tpl.account.replace(/\$account/g, matched.account) : tpl.account
    const out: ResolvedPosting = { account, kind: tpl.kind, amount: inferred ? undefined : amount, inferred: false, status: tpl.status, tags: NO_TAGS, generated: 'auto', node: tpl.node }
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
