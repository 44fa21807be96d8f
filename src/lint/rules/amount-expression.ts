/**
 * Lint rule `amount-expression`: hledger does not read ledger's amount expressions '(…)'.
 */
import { defineRule } from '../rule.js'

/** hledger does not read ledger's amount expressions '(…)'. */
export const amountExpression = defineRule({
  id: "amount-expression",
  breaks: ['hledger'],
  kind: 'rejected',
  severity: 'error',
  message: "hledger does not read ledger's amount expressions '(…)'",
  why: "ledger evaluates `(2 * $10)` as an amount; hledger reads only literal amounts.",
  advice: "Write the computed amount.",
  fix: 'value-expressions',
  example: {
    dialect: 'ledger',
    invalid: "2024-01-01 x\n    a  ($10 * 2)\n    b\n",
    valid: "2024-01-01 x\n    a  $20\n    b\n",
  },
})
