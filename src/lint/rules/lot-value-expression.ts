/**
 * Lint rule `lot-value-expression`: hledger does not read ledger's lot valuation expressions '((…))'.
 */
import { defineRule } from '../rule.js'

/** hledger does not read ledger's lot valuation expressions '((…))'. */
export const lotValueExpression = defineRule({
  id: "lot-value-expression",
  breaks: ['hledger'],
  kind: 'rejected',
  severity: 'error',
  message: "hledger does not read ledger's lot valuation expressions '((…))'",
  why: "ledger reads `((expr))` after an amount as how to value the lot; hledger rejects it.",
  advice: "Drop the valuation.",
  fix: 'lots-and-costs',
  example: {
    dialect: 'ledger',
    invalid: "2024-01-01 x\n    a  1 A {$2} ((market(amount, date, $)))\n    b  $-2\n",
    valid: "2024-01-01 x\n    a  1 A @ $2\n    b  $-2\n",
  },
})
