/**
 * Lint rule `assertion-order`: A balance assertion or assignment that the two tools check against different balances.
 */
import { defineRule } from '../rule.js'

/** A balance assertion or assignment that the two tools check against different balances. */
export const assertionOrder = defineRule({
  id: "assertion-order",
  breaks: ['ledger', 'hledger'],
  kind: 'rejected',
  severity: 'error',
  message: "A balance assertion or assignment that the two tools check against different balances",
  why: "ledger checks assertions in file order, hledger in date order; ledger counts virtual postings in the balance, hledger too but per group.",
  advice: "Sort the entries by date, or drop the assertion.",
  fix: 'assignments',
  example: {
    dialect: 'ledger',
    invalid: "2024-01-02 x\n    a  1 = 1\n    b\n2024-01-01 y\n    a  1\n    b\n",
    valid: "2024-01-01 y\n    a  1\n    b\n2024-01-02 x\n    a  1 = 2\n    b\n",
  },
})
