/**
 * Lint rule `commodity-blank-line`: Blanks on the line after a commodity directive: hledger rejects them.
 */
import { defineRule } from '../rule.js'

/** Blanks on the line after a commodity directive: hledger rejects them. */
export const commodityBlankLine = defineRule({
  id: "commodity-blank-line",
  breaks: ['hledger'],
  kind: 'rejected',
  severity: 'error',
  message: "Blanks on the line after a commodity directive: hledger rejects them",
  why: "hledger reads an indented blank line after `commodity` as a sub-directive and fails; ledger ignores it.",
  advice: "Remove the blanks.",
  fix: 'unsupported-directives',
  example: {
    dialect: 'ledger',
    invalid: "commodity $\n    \n2024-01-01 x\n    a  $1\n    b\n",
    valid: "commodity $\n\n2024-01-01 x\n    a  $1\n    b\n",
  },
})
