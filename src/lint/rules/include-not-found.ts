/**
 * Lint rule `include-not-found`: An included file does not exist: the tool rejects the journal.
 */
import { defineRule } from '../rule.js'

/** An included file does not exist: the tool rejects the journal. */
export const includeNotFound = defineRule({
  id: "include-not-found",
  breaks: ['ledger', 'hledger'],
  kind: 'rejected',
  severity: 'error',
  message: "An included file does not exist: the tool rejects the journal",
  why: "Both tools stop when an include names no file.",
  advice: "Fix the path.",
  example: {
    dialect: 'hledger',
    invalid: "include missing.journal\n",
    valid: "; no include\n",
  },
})
