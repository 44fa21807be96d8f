/**
 * Lint rule `assignment-with-auto-posting`: A balance assignment on an account an automated transaction posts to: hledger rejects it.
 */
import { defineRule } from '../rule.js'

/** A balance assignment on an account an automated transaction posts to: hledger rejects it. */
export const assignmentWithAutoPosting = defineRule({
  id: "assignment-with-auto-posting",
  breaks: ['hledger'],
  kind: 'rejected',
  severity: 'error',
  message: "A balance assignment on an account an automated transaction posts to: hledger rejects it",
  why: "hledger (with --auto) cannot compute a balance assignment on an account that auto postings also change; ledger applies the rule and then assigns.",
  advice: "Write the assigned amount.",
  example: {
    dialect: 'ledger',
    invalid: "= b\n    (a)  1\n2024-01-01 x\n    a  = $5\n    b  $-5\n",
    valid: "= b\n    (a)  1\n2024-01-01 x\n    a  $5\n    b  $-5\n",
  },
})
