/**
 * Lint rule `leading-decimal-point`: A number starting with its decimal mark: ledger does not read it as hledger does.
 */
import { defineRule } from '../rule.js'

/** A number starting with its decimal mark: ledger does not read it as hledger does. */
export const leadingDecimalPoint = defineRule({
  id: "leading-decimal-point",
  breaks: ['ledger'],
  kind: 'rejected',
  severity: 'error',
  message: "A number starting with its decimal mark: ledger does not read it as hledger does",
  why: "hledger reads `.5` as 0.5; ledger 3.3 does not read a number that starts with a period.",
  advice: "Write a 0 before the mark.",
  fix: 'numbers',
  example: {
    dialect: 'hledger',
    invalid: "2024-01-01 x\n    a  .5 EUR\n    b\n",
    valid: "2024-01-01 x\n    a  0.5 EUR\n    b\n",
  },
})
