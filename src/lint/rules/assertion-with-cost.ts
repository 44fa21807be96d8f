/**
 * Lint rule `assertion-with-cost`: ledger does not read a cost after a balance assertion.
 */
import { defineRule } from '../rule.js'

/** ledger does not read a cost after a balance assertion. */
export const assertionWithCost = defineRule({
  id: "assertion-with-cost",
  breaks: ['ledger'],
  kind: 'rejected',
  severity: 'error',
  message: "ledger does not read a cost after a balance assertion",
  why: "hledger accepts `= 1 A @ $2`; ledger reads no cost there.",
  advice: "Drop the cost from the assertion.",
  fix: 'postings',
  example: {
    dialect: 'hledger',
    invalid: "2024-01-01 x\n    a  1 A @ $2\n    b\n    a  0 = 1 A @ $2\n",
    valid: "2024-01-01 x\n    a  1 A @ $2\n    b\n    a  0 = 1 A\n",
  },
})
