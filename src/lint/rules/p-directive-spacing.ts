/**
 * Lint rule `p-directive-spacing`: A market price written without a blank between commodity and price: ledger rejects it.
 */
import { defineRule } from '../rule.js'

/** A market price written without a blank between commodity and price: ledger rejects it. */
export const pDirectiveSpacing = defineRule({
  id: "p-directive-spacing",
  breaks: ['ledger'],
  kind: 'rejected',
  severity: 'error',
  message: "A market price written without a blank between commodity and price: ledger rejects it",
  why: "hledger reads `P 2024-01-02 EUR$1.20`; ledger needs `EUR $1.20`.",
  advice: "Write a blank between the commodity and the price.",
  fix: 'directives',
  example: {
    dialect: 'hledger',
    invalid: "P 2024-01-02 EUR$1.20\n2024-01-01 x\n    a  1 EUR\n    b\n",
    valid: "P 2024-01-02 EUR $1.20\n2024-01-01 x\n    a  1 EUR\n    b\n",
  },
})
