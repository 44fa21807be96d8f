/**
 * Lint rule `syntax-error`: The tool cannot read this line.
 */
import { defineRule } from '../rule.js'

/** The tool cannot read this line. */
export const syntaxError = defineRule({
  id: "syntax-error",
  breaks: ['ledger', 'hledger'],
  kind: 'rejected',
  severity: 'error',
  message: "The tool cannot read this line",
  why: "The text is not in the tool's journal syntax.",
  advice: "See the message; fix the text.",
  example: {
    dialect: 'hledger',
    invalid: "2024-01-01 x\n    a  1 EUR EUR\n    b\n",
    valid: "2024-01-01 x\n    a  1 EUR\n    b\n",
  },
})
