/**
 * Lint rule `unbalanced-entry`: The entry does not balance: the tool rejects the journal.
 */
import { defineRule } from '../rule.js'

/** The entry does not balance: the tool rejects the journal. */
export const unbalancedEntry = defineRule({
  id: "unbalanced-entry",
  breaks: ['ledger', 'hledger'],
  kind: 'rejected',
  severity: 'error',
  message: "The entry does not balance: the tool rejects the journal",
  why: "Both tools require the postings of an entry (with their costs) to sum to zero; hledger also per '[virtual]' group.",
  advice: "Fix the amounts, or add the missing posting.",
  example: {
    dialect: 'hledger',
    invalid: "2024-01-01 x\n    a  1\n    b  1\n",
    valid: "2024-01-01 x\n    a  1\n    b  -1\n",
  },
})
