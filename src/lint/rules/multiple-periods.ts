/**
 * Lint rule `multiple-periods`: A number with several periods (or commas) as digit groups: ledger rejects it.
 */
import { defineRule } from '../rule.js'

/** A number with several periods (or commas) as digit groups: ledger rejects it. */
export const multiplePeriods = defineRule({
  id: "multiple-periods",
  breaks: ['ledger'],
  kind: 'rejected',
  severity: 'error',
  message: "A number with several periods (or commas) as digit groups: ledger rejects it",
  why: "hledger reads `1.000.000` as one million; ledger 3.3 reports an invalid number.",
  advice: "Write the number without digit groups.",
  fix: 'numbers',
  example: {
    dialect: 'hledger',
    invalid: "2024-01-01 x\n    a  1.000.000 EUR\n    b\n",
    valid: "2024-01-01 x\n    a  1000000 EUR\n    b\n",
  },
})
