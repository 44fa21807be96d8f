/**
 * Lint rule `negative-cost`: ledger rejects a negative cost.
 */
import { defineRule } from '../rule.js'

/** ledger rejects a negative cost. */
export const negativeCost = defineRule({
  id: "negative-cost",
  breaks: ['ledger'],
  kind: 'rejected',
  severity: 'error',
  message: "ledger rejects a negative cost",
  why: "hledger accepts `@ -1` and `@@ -1`; ledger requires a cost to be positive.",
  advice: "Drop the cost and write the amounts out, or reverse the signs.",
  fix: 'postings',
  example: {
    dialect: 'hledger',
    invalid: "2024-01-01 x\n    a  A 1\n    b  B 1 @ A -1\n",
    valid: "2024-01-01 x\n    a  A 1\n    b  B -1 @ A 1\n",
  },
})
