/**
 * Lint rule `dates-out-of-order`: An entry dated before the one above it: 'hledger check ordereddates' rejects it.
 */
import { defineRule } from '../rule.js'

/** An entry dated before the one above it: 'hledger check ordereddates' rejects it. */
export const datesOutOfOrder = defineRule({
  id: "dates-out-of-order",
  breaks: ['hledger'],
  kind: 'rejected',
  severity: 'error',
  message: "An entry dated before the one above it: 'hledger check ordereddates' rejects it",
  why: "`hledger check ordereddates` requires entries in date order within each file.",
  advice: "Move the entry, or fix its date.",
  strictOnly: true,
  example: {
    dialect: 'hledger',
    invalid: "2024-01-02 x\n    a  1\n    b\n2024-01-01 y\n    a  1\n    b\n",
    valid: "2024-01-01 y\n    a  1\n    b\n2024-01-02 x\n    a  1\n    b\n",
  },
})
