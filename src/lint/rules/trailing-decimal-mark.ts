/**
 * Lint rule `trailing-decimal-mark`: A number ending in its decimal mark: ledger does not read it as hledger does.
 */
import { defineRule } from '../rule.js'

/** A number ending in its decimal mark: ledger does not read it as hledger does. */
export const trailingDecimalMark = defineRule({
  id: "trailing-decimal-mark",
  breaks: ['ledger'],
  kind: 'rejected',
  severity: 'error',
  message: "A number ending in its decimal mark: ledger does not read it as hledger does",
  why: "hledger reads `1.` as 1 with the period as decimal mark; ledger reads the mark differently or not at all.",
  advice: "Drop the trailing mark.",
  fix: 'numbers',
  example: {
    dialect: 'hledger',
    invalid: "2024-01-01 x\n    a  1. EUR\n    b\n",
    valid: "2024-01-01 x\n    a  1 EUR\n    b\n",
  },
})
