/**
 * ledger-autosync's counter-account choice: for the exact description, the
 * accounts of its transactions in order of first appearance; the last one
 * that is not the imported account. No match: Unknown.
 */
import type { Example } from './examples.js'
import type { Prediction, PredictionQuery, Predictor } from './predictor.js'

/** The exact-payee predictor (ledger-autosync). */
export class ExactPayeePredictor implements Predictor {
  readonly name = 'exact payee (ledger-autosync)'
  private readonly accounts = new Map<string, string[]>()

  learn(e: Example): void {
    const list = this.accounts.get(e.description) ?? []
    for (const a of [e.source, e.target]) if (!list.includes(a)) list.push(a)
    this.accounts.set(e.description, list)
  }

  predict(q: PredictionQuery): Prediction {
    const list = this.accounts.get(q.description) ?? []
    for (let i = list.length - 1; i >= 0; i--) {
      const a = list[i] as string
      if (a !== q.source) return { account: a, candidates: [{ account: a, score: 1, evidence: ['exact payee'] }] }
    }
    return { candidates: [] }
  }
}
