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
    dialect: 'hledger',
    invalid: "P 2024-01-02 EUR$1.20\n2024-01-01 x\n    a  1 EUR\n    b\n",
    valid: "P 2024-01-02 EUR $1.20\n2024-01-01 x\n    a  1 EUR\n    b\n",
  },
})
