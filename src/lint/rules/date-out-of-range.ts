/**
 * Lint rule `date-out-of-range`: A date ledger cannot read (a year beyond 9999).
 */
import { defineRule } from '../rule.js'

/** A date ledger cannot read (a year beyond 9999). */
export const dateOutOfRange = defineRule({
  id: "date-out-of-range",
  breaks: ['ledger'],
  kind: 'rejected',
  severity: 'error',
  message: "A date ledger cannot read (a year beyond 9999)",
  why: "hledger reads years of any length; ledger only up to 9999.",
  advice: "Write a real date.",
  fix: 'directives',
  example: {
    dialect: 'hledger',
    invalid: "999999-12-31\n    (a)  1\n",
    valid: "9999-12-31\n    (a)  1\n",
  },
})
