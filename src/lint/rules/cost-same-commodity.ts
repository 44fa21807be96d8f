/**
 * Lint rule `cost-same-commodity`: ledger rejects a cost in the amount's own commodity.
 */
import { defineRule } from '../rule.js'

/** ledger rejects a cost in the amount's own commodity. */
export const costSameCommodity = defineRule({
  id: "cost-same-commodity",
  breaks: ['ledger'],
  kind: 'rejected',
  severity: 'error',
  message: "ledger rejects a cost in the amount's own commodity",
  why: "hledger accepts `$1 @@ $1`; ledger requires the cost to be in another commodity.",
  advice: "Drop the cost.",
  fix: 'postings',
  example: {
    dialect: 'hledger',
    invalid: "2024-01-01 x\n    (a)  $1 @@ $1\n",
    valid: "2024-01-01 x\n    (a)  $1\n",
  },
})
