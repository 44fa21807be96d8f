/**
 * Lint rule `scientific-notation`: A number with an exponent: ledger does not read it.
 */
import { defineRule } from '../rule.js'

/** A number with an exponent: ledger does not read it. */
export const scientificNotation = defineRule({
  id: "scientific-notation",
  breaks: ['ledger'],
  kind: 'rejected',
  severity: 'error',
  message: "A number with an exponent: ledger does not read it",
  why: "hledger reads `1E3` as 1000; ledger reads no exponents.",
  advice: "Write the number out.",
  fix: 'numbers',
  example: {
    dialect: 'hledger',
    invalid: "2024-01-01 x\n    a  1E3 EUR\n    b\n",
    valid: "2024-01-01 x\n    a  1000 EUR\n    b\n",
  },
})
