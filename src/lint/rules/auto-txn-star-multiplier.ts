/**
 * Lint rule `auto-txn-star-multiplier`: ledger 3.3 does not read hledger's '*N' multiplier in an automated transaction.
 */
import { defineRule } from '../rule.js'

/** ledger 3.3 does not read hledger's '*N' multiplier in an automated transaction. */
export const autoTxnStarMultiplier = defineRule({
  id: "auto-txn-star-multiplier",
  breaks: ['ledger'],
  kind: 'rejected',
  severity: 'error',
  message: "ledger 3.3 does not read hledger's '*N' multiplier in an automated transaction",
  why: "hledger writes a multiplier as `*N`; ledger reads a bare number as one and rejects the star.",
  advice: "Write the generated postings out.",
  fix: 'auto-rules',
  example: {
    dialect: 'hledger',
    invalid: "= expenses\n    (budget)  *-1\n2024-01-01 x\n    expenses:food  $5\n    b\n",
    valid: "2024-01-01 x\n    expenses:food  $5\n    b\n",
  },
})
