/**
 * Lint rule `target-rejects`: The tool would reject this line even after ptabridge's rewrites.
 */
import { defineRule } from '../rule.js'

/** The tool would reject this line even after ptabridge's rewrites. */
export const targetRejects = defineRule({
  id: "target-rejects",
  breaks: ['ledger', 'hledger'],
  kind: 'rejected',
  severity: 'error',
  message: "The tool would reject this line even after ptabridge's rewrites",
  why: "ptabridge rewrote the journal for the tool and checked the result with the tool's rules; this line still fails.",
  advice: "Rewrite the line by hand (the message says what the tool reports).",
  example: {
    dialect: 'ledger',
    invalid: "commodity CTG\n    format 1000.000 CTG25\n2024-01-01 x\n    a  1 CTG\n    b\n",
    valid: "commodity CTG\n    format 1000.000 CTG\n2024-01-01 x\n    a  1 CTG\n    b\n",
  },
})
