/**
 * Lint rule `number-style-mismatch`: An amount the two tools read as different numbers.
 */
import { defineRule } from '../rule.js'

/** An amount the two tools read as different numbers. */
export const numberStyleMismatch = defineRule({
  id: "number-style-mismatch",
  breaks: ['ledger', 'hledger'],
  kind: 'silent',
  severity: 'error',
  message: "An amount the two tools read as different numbers",
  why: "The decimal mark each tool infers (from directives, earlier amounts, `decimal-mark`) differs for this amount.",
  advice: "Write the number unambiguously.",
  fix: 'numbers',
  example: {
    dialect: 'hledger',
    invalid: "decimal-mark ,\n2024-01-01 x\n    a  1.000 EUR\n    b\n",
    valid: "decimal-mark ,\n2024-01-01 x\n    a  1000 EUR\n    b\n",
  },
})
