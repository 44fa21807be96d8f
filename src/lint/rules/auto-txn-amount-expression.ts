/**
 * Lint rule `auto-txn-amount-expression`: hledger does not read an amount expression '(…)' in an automated transaction.
 */
import { defineRule } from '../rule.js'

/** hledger does not read an amount expression '(…)' in an automated transaction. */
export const autoTxnAmountExpression = defineRule({
  id: "auto-txn-amount-expression",
  breaks: ['hledger'],
  kind: 'rejected',
  severity: 'error',
  message: "hledger does not read an amount expression '(…)' in an automated transaction",
  why: "ledger evaluates `(amount * 2)` for each matched posting; hledger 1.25 reads only amounts and `*N`.",
  advice: "Write the generated postings out.",
  fix: 'auto-rules',
  example: {
    dialect: 'ledger',
    invalid: "= expenses\n    (budget)  (amount * -1)\n2024-01-01 x\n    expenses:food  $5\n    b\n",
    valid: "2024-01-01 x\n    expenses:food  $5\n    b\n    (budget)  $-5\n",
  },
})
