/**
 * Lint rule `assertion-failed`: A balance assertion fails: the tool rejects the journal.
 */
import { defineRule } from '../rule.js'

/** A balance assertion fails: the tool rejects the journal. */
export const assertionFailed = defineRule({
  id: "assertion-failed",
  breaks: ['ledger', 'hledger'],
  kind: 'rejected',
  severity: 'error',
  message: "A balance assertion fails: the tool rejects the journal",
  why: "The asserted balance differs from the balance the tool computes at that point.",
  advice: "Fix the asserted amount, or the postings before it.",
  example: {
    dialect: 'hledger',
    invalid: "2024-01-01 x\n    a  1 = 2\n    b\n",
    valid: "2024-01-01 x\n    a  1 = 1\n    b\n",
  },
})
