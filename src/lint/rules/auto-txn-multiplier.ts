/**
 * Lint rule `auto-txn-multiplier`: A bare number in an automated transaction: ledger multiplies the matched amount by it, hledger 1.25 posts the number itself unless written '*N'.
 */
import { defineRule } from '../rule.js'

/** A bare number in an automated transaction: ledger multiplies the matched amount by it, hledger 1.25 posts the number itself unless written '*N'. */
export const autoTxnMultiplier = defineRule({
  id: "auto-txn-multiplier",
  breaks: ['ledger', 'hledger'],
  kind: 'silent',
  severity: 'error',
  message: "A bare number in an automated transaction: ledger multiplies the matched amount by it, hledger 1.25 posts the number itself unless written '*N'",
  why: "ledger reads a commodity-less amount in an `=` rule as a multiplier of the matched posting's amount; hledger needs `*N` for that.",
  advice: "Write the generated postings out (or '*N' for hledger).",
  fix: 'auto-rules',
  example: {
    dialect: 'ledger',
    invalid: "= expenses\n    (budget)  -1\n2024-01-01 x\n    expenses:food  $5\n    b\n",
    valid: "2024-01-01 x\n    expenses:food  $5\n    b\n    (budget)  $-5\n",
  },
})
