/**
 * banks2ledger's naive Bayes (../shared/docs/import-gaps.md §4), the
 * baseline: every account of a transaction (the bank account too) is
 * credited with every token of its description; `P_belong(t,a) = N(t,a) /
 * Σ_b N(t,b)`; an account's score is Π p / (Π p + Π (1 − p)) over the
 * known tokens; accounts whose name contains the source account are
 * dropped; no candidate or a tie at the top is Unknown.
 */
import type { Example } from './examples.js'
import type { Prediction, PredictionQuery, Predictor } from './predictor.js'
import { tokenize } from './tokenize.js'

/** The banks2ledger baseline predictor. */
export class Banks2LedgerPredictor implements Predictor {
  readonly name = 'banks2ledger baseline'
  /** token → account → count */
  private readonly counts = new Map<string, Map<string, number>>()
  private readonly totals = new Map<string, number>()

  learn(e: Example): void {
    for (const t of tokenize(e.description)) {
      let m = this.counts.get(t)
      if (!m) this.counts.set(t, (m = new Map()))
      for (const a of [e.source, e.target]) m.set(a, (m.get(a) ?? 0) + 1)
      this.totals.set(t, (this.totals.get(t) ?? 0) + 2)
    }
  }

  predict(q: PredictionQuery): Prediction {
    const tokens = tokenize(q.description).filter((t) => this.counts.has(t))
    const accounts = new Set<string>()
    for (const t of tokens) for (const a of (this.counts.get(t) as Map<string, number>).keys()) accounts.add(a)
    const scored: Array<{ account: string; score: number; evidence: string[] }> = []
    for (const a of accounts) {
      let prod = 1
      let inv = 1
      for (const t of tokens) {
        const p = ((this.counts.get(t) as Map<string, number>).get(a) ?? 0) / (this.totals.get(t) as number)
        prod *= p
        inv *= 1 - p
      }
      const score = prod / (prod + inv)
      if (Number.isFinite(score) && score > 0) scored.push({ account: a, score, evidence: tokens })
    }
    const kept = scored.filter((c) => q.source === undefined || !c.account.includes(q.source)).sort((x, y) => y.score - x.score)
    const [first, second] = kept
    if (!first || (second && second.score === first.score)) return { candidates: kept }
    return { account: first.account, candidates: kept }
  }
}
