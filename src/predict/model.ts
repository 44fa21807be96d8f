/**
 * ptabridge's counter-account predictor, learned from the journal:
 *
 * 1. **Payee history.** The transactions with the same description (exactly,
 *    else after {@link normalisedPayee} drops reference numbers and dates),
 *    from the same source account when there are any, vote for their counter
 *    accounts; recent ones count more (each older one 0.7× the next), and
 *    those in the same amount band (sign and order of magnitude) 3×.
 * 2. **Token model.** Naive Bayes over banks2ledger's tokens, credited to the
 *    counter account only (banks2ledger also credits the bank account), with
 *    add-α smoothing, the account's share of the source account's
 *    transactions as prior, and the amount's sign and magnitude band as
 *    further evidence.
 * 3. **Decision.** Payee history and the token model combine, the history
 *    weighing more the more consistent examples it has (n / (n + 0.5)), less
 *    when it is only similar (×0.9) or from another source account (×0.4); the top account is the answer when its probability reaches
 *    the confidence threshold and some evidence beyond the prior supports it,
 *    else Unknown.
 *
 * Nothing is stored: the model is rebuilt from the journal on every run, so a
 * renamed account is predicted under its new name at once.
 */
import type { Decimal } from 'decimal.js'
import type { Example } from './examples.js'
import type { Candidate, Prediction, PredictionQuery, Predictor } from './predictor.js'
import { normalisedPayee, tokenize } from './tokenize.js'

/** Tuning of {@link CounterAccountModel}. */
export interface ModelOptions {
  /** Minimum probability of the top account to answer (default 0.72). */
  threshold?: number
}

interface Seen {
  target: string
  source: string
  band: string
  date: string
}

/** The default confidence threshold (tuned on the replays in scripts/bench-predict.mjs). */
export const DEFAULT_THRESHOLD = 0.72
const ALPHA = 0.1
/** Examples for the weight of evidence to grow e-fold (recency of the token model). */
const TAU = 1000
const RECENCY = 0.7
const SAME_BAND = 3
/** Weight of payee history from another source account, and of a similar (not identical) payee. */
const CROSS_SOURCE = 0.4
const SIMILAR = 0.9

/** Sign and order of magnitude of an amount: `-2` for -123.45, `+0` for 5. */
export function amountBand(amount: Decimal | undefined): string {
  if (amount === undefined || amount.isZero()) return '0'
  const magnitude = Math.max(0, Math.floor(Math.log10(amount.abs().toNumber())))
  return `${amount.isNegative() ? '-' : '+'}${magnitude}`
}

/** A weighted count for people: one decimal. */
function shown(n: number): string {
  return String(Math.round(n * 10) / 10)
}

function bump<K>(m: Map<K, number>, k: K, by = 1): void {
  m.set(k, (m.get(k) ?? 0) + by)
}

/** The ptabridge predictor. */
export class CounterAccountModel implements Predictor {
  readonly name = 'ptabridge'
  private readonly threshold: number
  private readonly exact = new Map<string, Seen[]>()
  private readonly normalised = new Map<string, Seen[]>()
  /** token → account → count */
  private readonly tokens = new Map<string, Map<string, number>>()
  private readonly tokenTotals = new Map<string, number>()
  private readonly accountCounts = new Map<string, number>()
  private readonly sourceCounts = new Map<string, Map<string, number>>()
  private readonly bandCounts = new Map<string, Map<string, number>>()
  private learned = 0
  private readonly words = new Map<string, { tokens: string[]; payee: string }>()
  private weightTotal = 0
  /** Subtracted from the exponent of example weights after rescaling. */
  private offset = 0

  constructor(options: ModelOptions = {}) {
    this.threshold = options.threshold ?? DEFAULT_THRESHOLD
  }

  /** How many examples the model has learned. */
  get size(): number {
    return this.learned
  }

  learn(e: Example): void {
    this.learned++
    // recency: each example weighs e^(1/TAU) times the one before it (counts are rescaled before they overflow)
    const w = Math.exp(this.learned / TAU - this.offset)
    if (w > 1e150) this.rescale()
    const weight = Math.exp(this.learned / TAU - this.offset)
    this.weightTotal += weight
    const seen: Seen = { target: e.target, source: e.source, band: amountBand(e.amount), date: e.date }
    const push = (m: Map<string, Seen[]>, key: string): void => {
      if (key === '') return
      const list = m.get(key)
      if (list) list.push(seen)
      else m.set(key, [seen])
    }
    const words = this.wordsOf(e.description)
    push(this.exact, e.description)
    push(this.normalised, words.payee)
    for (const t of words.tokens) {
      let m = this.tokens.get(t)
      if (!m) this.tokens.set(t, (m = new Map()))
      bump(m, e.target, weight)
      bump(this.tokenTotals, e.target, weight)
    }
    bump(this.accountCounts, e.target, weight)
    let s = this.sourceCounts.get(e.source)
    if (!s) this.sourceCounts.set(e.source, (s = new Map()))
    bump(s, e.target, weight)
    let b = this.bandCounts.get(e.target)
    if (!b) this.bandCounts.set(e.target, (b = new Map()))
    bump(b, seen.band, weight)
  }

  /** The distinct tokens and the normalised payee of a description (memoised: descriptions repeat). */
  private wordsOf(description: string): { tokens: string[]; payee: string } {
    let w = this.words.get(description)
    if (!w) {
      w = { tokens: [...new Set(tokenize(description))], payee: normalisedPayee(description) }
      if (this.words.size < 200_000) this.words.set(description, w)
    }
    return w
  }

  /** Scale every weighted count down (the weights grow exponentially with the number of examples). */
  private rescale(): void {
    const factor = Math.exp(-100)
    const scale = (m: Map<string, number>): void => {
      for (const [k, v] of m) m.set(k, v * factor)
    }
    for (const m of this.tokens.values()) scale(m)
    scale(this.tokenTotals)
    scale(this.accountCounts)
    for (const m of this.sourceCounts.values()) scale(m)
    for (const m of this.bandCounts.values()) scale(m)
    this.weightTotal *= factor
    this.offset += 100
  }

  /** Payee-history votes, normalised to sum 1, with their evidence. */
  private payeeVotes(q: PredictionQuery, band: string): { votes: Map<string, number>; evidence: string; strength: number } | undefined {
    for (const [kind, list] of [['exact payee', this.exact.get(q.description)], ['similar payee', this.normalised.get(normalisedPayee(q.description))]] as const) {
      if (!list || list.length === 0) continue
      const sameSource = q.source === undefined ? list : list.filter((s) => s.source === q.source)
      const pool = (sameSource.length > 0 ? sameSource : list).filter((s) => s.target !== q.source)
      if (pool.length === 0) continue
      const votes = new Map<string, number>()
      let weight = 1
      let total = 0
      for (let i = pool.length - 1; i >= 0; i--) {
        const s = pool[i] as Seen
        const w = weight * (s.band === band ? SAME_BAND : 1)
        bump(votes, s.target, w)
        total += w
        weight *= RECENCY
        if (weight < 1e-6) break
      }
      for (const [a, v] of votes) votes.set(a, v / total)
      const latest = pool.at(-1) as Seen
      // more consistent history is stronger; history from another source account is weak evidence
      const strength = (sameSource.length > 0 ? 1 : CROSS_SOURCE) * (kind === 'exact payee' ? 1 : SIMILAR) * (pool.length / (pool.length + 0.5))
      return { votes, evidence: `${kind}: ${pool.length} earlier${sameSource.length > 0 ? '' : ' from other accounts'} (latest ${latest.date} → ${latest.target})`, strength }
    }
    return undefined
  }

  predict(q: PredictionQuery): Prediction {
    const band = amountBand(q.amount)
    const known = [...new Set(tokenize(q.description))].filter((t) => this.tokens.has(t))
    const vocabulary = this.tokens.size || 1
    const sourceMap = q.source !== undefined ? this.sourceCounts.get(q.source) : undefined
    const sourceTotal = sourceMap ? [...sourceMap.values()].reduce((a, b) => a + b, 0) : 0
    const log: Array<{ account: string; score: number; support: string[] }> = []
    for (const [account, count] of this.accountCounts) {
      if (account === q.source) continue
      const prior = sourceMap ? ((sourceMap.get(account) ?? 0) + count / this.weightTotal) / (sourceTotal + 1) : count / this.weightTotal
      let score = Math.log(prior)
      const support: string[] = []
      const totalTokens = this.tokenTotals.get(account) ?? 0
      for (const t of known) {
        const n = this.tokens.get(t)?.get(account) ?? 0
        if (n > 0) support.push(`${t} (${shown(n)})`)
        score += Math.log((n + ALPHA) / (totalTokens + ALPHA * vocabulary))
      }
      const bands = this.bandCounts.get(account)
      score += Math.log(((bands?.get(band) ?? 0) + 1) / (count + 8))
      void count
      log.push({ account, score, support })
    }
    if (log.length === 0) return { candidates: [] }
    const max = Math.max(...log.map((c) => c.score))
    const expSum = log.reduce((s, c) => s + Math.exp(c.score - max), 0)
    const posterior = new Map(log.map((c) => [c.account, Math.exp(c.score - max) / expSum]))
    const payee = this.payeeVotes(q, band)
    const combined = new Map<string, number>()
    for (const [a, p] of posterior) combined.set(a, payee ? payee.strength * (payee.votes.get(a) ?? 0) + (1 - payee.strength) * p : p)
    const supportOf = new Map(log.map((c) => [c.account, c.support]))
    const candidates: Candidate[] = [...combined].sort((x, y) => y[1] - x[1]).slice(0, 10).map(([account, score]) => {
      const evidence: string[] = []
      if (payee?.votes.has(account)) evidence.push(payee.evidence)
      const s = supportOf.get(account) ?? []
      if (s.length) evidence.push(`tokens: ${s.join(', ')}`)
      const bands = this.bandCounts.get(account)?.get(band)
      if (bands) evidence.push(`amount band ${band}: weight ${shown(bands)}`)
      return { account, score, evidence }
    })
    const top = candidates[0]
    const supported = top !== undefined && (payee?.votes.has(top.account) || (supportOf.get(top.account)?.length ?? 0) > 0)
    return top && supported && top.score >= this.threshold ? { account: top.account, candidates } : { candidates }
  }
}
