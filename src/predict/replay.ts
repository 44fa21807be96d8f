/**
 * Replaying a journal in date order: each transaction's counter account is
 * predicted from the earlier ones only, then learned. Reports top-1 accuracy
 * (right answers over all transactions; Unknown counts as wrong), coverage
 * (the share answered rather than Unknown) and accuracy when answered.
 */
import type { Example } from './examples.js'
import type { Predictor } from './predictor.js'

/** One predictor's replay figures. */
export interface ReplayScore {
  name: string
  transactions: number
  correct: number
  answered: number
  /** correct / transactions */
  top1: number
  /** answered / transactions */
  coverage: number
  /** correct / answered */
  accuracyWhenAnswered: number
}

/** Replay `examples` through each predictor (each must start empty). */
export function replay(examples: readonly Example[], predictors: readonly Predictor[]): ReplayScore[] {
  return predictors.map((p) => {
    let correct = 0
    let answered = 0
    for (const e of examples) {
      const guess = p.predict({ description: e.description, source: e.source, ...(e.amount !== undefined ? { amount: e.amount } : {}) }).account
      if (guess !== undefined) {
        answered++
        if (guess === e.target) correct++
      }
      p.learn(e)
    }
    const n = examples.length
    return { name: p.name, transactions: n, correct, answered, top1: n ? correct / n : 0, coverage: n ? answered / n : 0, accuracyWhenAnswered: answered ? correct / answered : 0 }
  })
}
