/**
 * Counter-account prediction for imports and `ptabridge predict`: a model
 * learned from a parsed journal (includes included), queried per
 * transaction. Nothing is cached: the journal is the only state.
 */
import type { ParseFileResult } from '../parse/files.js'
import { examplesOf } from './examples.js'
import { CounterAccountModel, type ModelOptions } from './model.js'

export { CounterAccountModel, DEFAULT_THRESHOLD, amountBand, type ModelOptions } from './model.js'
export { ExactPayeePredictor } from './exact-payee.js'
export { Banks2LedgerPredictor } from './banks2ledger.js'
export { examplesOf, type Example } from './examples.js'
export { replay, type ReplayScore } from './replay.js'
export { tokenize, normalisedPayee } from './tokenize.js'
export type { Candidate, Prediction, PredictionQuery, Predictor } from './predictor.js'

/** A model trained on every transaction of a parsed journal. */
export function modelFromJournal(parsed: ParseFileResult, options: ModelOptions = {}): CounterAccountModel {
  const model = new CounterAccountModel(options)
  for (const e of examplesOf(parsed)) model.learn(e)
  return model
}
