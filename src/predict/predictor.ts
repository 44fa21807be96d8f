/**
 * What every counter-account predictor offers: learn from examples one at a
 * time (so a replay can predict each transaction from the earlier ones), and
 * predict for a description (with the source account and amount when known).
 */
import type { Decimal } from 'decimal.js'
import type { Example } from './examples.js'

/** What to predict for. */
export interface PredictionQuery {
  description: string
  /** The imported account (its own postings are never the answer). */
  source?: string
  /** The amount on the source side. */
  amount?: Decimal
}

/** One candidate account. */
export interface Candidate {
  account: string
  /** A probability-like score in [0, 1]. */
  score: number
  /** Why: the matches and tokens behind the score. */
  evidence: string[]
}

/** A prediction: the answer (undefined: Unknown) and the ranked candidates. */
export interface Prediction {
  account?: string
  candidates: Candidate[]
}

/** A counter-account predictor. */
export interface Predictor {
  readonly name: string
  learn(example: Example): void
  predict(query: PredictionQuery): Prediction
}
