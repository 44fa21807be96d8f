/**
 * Lint rule `indented-top-level-comment`: An indented comment outside any entry: ledger rejects it.
 */
import { defineRule } from '../rule.js'

/** An indented comment outside any entry: ledger rejects it. */
export const indentedTopLevelComment = defineRule({
  id: "indented-top-level-comment",
  breaks: ['ledger'],
  kind: 'rejected',
  severity: 'error',
  message: "An indented comment outside any entry: ledger rejects it",
  why: "hledger reads an indented comment line between entries; ledger 3.3 rejects whitespace at the start of a line there.",
  advice: "Start the comment at column 0.",
  fix: 'directives',
  example: {
    dialect: 'hledger',
    invalid: "2024-01-01 x\n    a  1\n    b\n\n ; note\n",
    valid: "2024-01-01 x\n    a  1\n    b\n\n; note\n",
  },
})
