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
    invalid: "2024-01-01 x\n    a  1 A\n    b  = 0 A\n    c  0.05 A @ $150\n",
    valid: "2024-01-01 x\n    a  1 A\n    b  -1 A\n",
  },
})
