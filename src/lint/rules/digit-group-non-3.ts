/**
 * Lint rule `digit-group-non-3`: Digit groups not of three (10,00,000): ledger rejects them.
 */
import { defineRule } from '../rule.js'

/** Digit groups not of three (10,00,000): ledger rejects them. */
export const digitGroupNon3 = defineRule({
  id: "digit-group-non-3",
  breaks: ['ledger'],
  kind: 'rejected',
  severity: 'error',
  message: "Digit groups not of three (10,00,000): ledger rejects them",
  why: "hledger reads Indian and other groupings; ledger 3.3 requires groups of three digits.",
  advice: "Write the number without digit groups.",
  fix: 'numbers',
  example: {
    dialect: 'hledger',
    invalid: "2024-01-01 x\n    a  10,00,000.00 INR\n    b\n",
    valid: "2024-01-01 x\n    a  1000000.00 INR\n    b\n",
  },
})
