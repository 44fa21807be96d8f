/**
 * Value expressions in amounts, for the resolver: evaluate a ledger
 * `(…)` amount text in the journal's definitions and a posting's context.
 *
 * (Interim implementation: + - * / and parentheses over amounts and numbers;
 * it is replaced by the full evaluator in expr.ts.)
 */
import { Decimal } from 'decimal.js'
import { readAmountArg } from '../directives.js'
import { ExactDecimal, type SimpleAmount } from './amount.js'

/** Context of the posting an expression belongs to. */
export interface ExprContext {
  account: string
  payee: string
  date: string
  /** The matched posting's amount, in automated transactions. */
  amount?: SimpleAmount
}

/** Named values from `define`. */
export class DefinitionTable {
  readonly values = new Map<string, SimpleAmount>()

  /** Record `name = expr` (or `name expr`) from a define directive. */
  define(text: string, context: ExprContext): string | undefined {
    const m = /^\s*([A-Za-z_][\w]*)\s*=\s*(.+)$/.exec(text)
    if (!m) return `cannot read the definition '${text}'`
    const r = evaluateAmountText(`(${m[2] as string})`, this, context)
    if ('error' in r) return r.error
    this.values.set(m[1] as string, r)
    return undefined
  }
}

/** Evaluate an amount expression such as `($10 / 3)`; returns `{ error }` when it cannot. */
export function evaluateAmountText(text: string, defs: DefinitionTable, context: ExprContext): SimpleAmount | { error: string } {
  try {
    const p = new Parser(text, defs, context)
    const v = p.expression()
    p.skip()
    if (p.at < text.length) return { error: `unexpected '${text[p.at]}'` }
    return v
  } catch (err) {
    return { error: err instanceof Error ? err.message : String(err) }
  }
}

class Parser {
  at = 0
  constructor(readonly text: string, readonly defs: DefinitionTable, readonly context: ExprContext) {}

  skip(): void {
    while (this.at < this.text.length && /\s/.test(this.text[this.at] as string)) this.at++
  }

  expression(): SimpleAmount {
    let left = this.term()
    for (;;) {
      this.skip()
      const c = this.text[this.at]
      if (c !== '+' && c !== '-') return left
      this.at++
      const right = this.term()
      left = combine(left, right, c)
    }
  }

  term(): SimpleAmount {
    let left = this.factor()
    for (;;) {
      this.skip()
      const c = this.text[this.at]
      if (c !== '*' && c !== '/') return left
      this.at++
      const right = this.factor()
      left = c === '*' ? multiply(left, right) : divide(left, right)
    }
  }

  factor(): SimpleAmount {
    this.skip()
    const c = this.text[this.at]
    if (c === '(') {
      this.at++
      const v = this.expression()
      this.skip()
      if (this.text[this.at] !== ')') throw new Error("expected ')'")
      this.at++
      return v
    }
    if (c === '-') {
      this.at++
      const v = this.factor()
      return { commodity: v.commodity, quantity: v.quantity.negated() }
    }
    const id = /^[A-Za-z_]\w*/.exec(this.text.slice(this.at))
    if (id && !/^\s*[\d.]/.test(this.text.slice(this.at + id[0].length)) || (id && this.defs.values.has(id[0]))) {
      const name = (id as RegExpExecArray)[0]
      if (name === 'amount' && this.context.amount) {
        this.at += name.length
        return this.context.amount
      }
      const v = this.defs.values.get(name)
      if (v) {
        this.at += name.length
        return v
      }
      if (!/^[A-Z]/.test(name)) throw new Error(`Unknown identifier '${name}'`)
    }
    const rest = this.text.slice(this.at)
    const r = readAmountArg(rest, 'ledger')
    if (!r.amount) throw new Error(`expected an amount at '${rest.slice(0, 10)}'`)
    this.at += rest.length - r.rest.length
    return { commodity: r.amount.commodity, quantity: r.amount.quantity }
  }
}

function combine(a: SimpleAmount, b: SimpleAmount, op: '+' | '-'): SimpleAmount {
  if (a.commodity && b.commodity && a.commodity !== b.commodity) throw new Error(`cannot ${op === '+' ? 'add' : 'subtract'} ${b.commodity} and ${a.commodity}`)
  return { commodity: a.commodity || b.commodity, quantity: op === '+' ? a.quantity.plus(b.quantity) : a.quantity.minus(b.quantity) }
}

function multiply(a: SimpleAmount, b: SimpleAmount): SimpleAmount {
  return { commodity: a.commodity || b.commodity, quantity: a.quantity.times(b.quantity) }
}

function divide(a: SimpleAmount, b: SimpleAmount): SimpleAmount {
  if (b.quantity.isZero()) throw new Error('Divide by zero')
  const q = new ExactDecimal(a.quantity.toString()).dividedBy(new ExactDecimal(b.quantity.toString()))
  return { commodity: a.commodity || b.commodity, quantity: new Decimal(q.toString()) }
}
