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
    invalid: "2022-01-01 txn1\n    expenses  AAA 989.02 @ $1.123456\n    checking  $-1111.12\n\n2022-01-02 txn2\n    expenses  $0.1234\n    checking\n",
    valid: "2022-01-01 txn1\n    expenses  AAA 989.02 @ $1.123456\n    checking  $-1111.12045312\n\n2022-01-02 txn2\n    expenses  $0.1234\n    checking\n",
  },
})
