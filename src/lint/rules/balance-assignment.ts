/**
 * Lint rule `balance-assignment`: A balance assignment the tool cannot make.
 */
import { defineRule } from '../rule.js'

/** A balance assignment the tool cannot make. */
export const balanceAssignment = defineRule({
  id: "balance-assignment",
  breaks: ['hledger'],
  kind: 'rejected',
  severity: 'error',
  message: "A balance assignment the tool cannot make",
  why: "A balance assignment needs an account the tool can compute (no auto postings or posting dates in the way).",
  advice: "Write the amount.",
  example: {
    dialect: 'hledger',
    invalid: "2024-01-01 x\n    a  = 1  ; date: 2024-01-02\n    b\n",
    valid: "2024-01-01 x\n    a  1\n    b\n",
  },
})
