/**
 * Lint rule `unknown-directive`: A directive hledger does not read.
 */
import { defineRule } from '../rule.js'

/** A directive hledger does not read. */
export const unknownDirective = defineRule({
  id: "unknown-directive",
  breaks: ['hledger'],
  kind: 'rejected',
  severity: 'error',
  message: "A directive hledger does not read",
  why: "ledger reads some directives hledger does not know (for example 'python', 'import', 'expr').",
  advice: "Drop it, or apply its effect.",
  fix: 'unsupported-directives',
  example: {
    dialect: 'ledger',
    invalid: "foo bar\n2024-01-01 x\n    a  1\n    b\n",
    valid: "2024-01-01 x\n    a  1\n    b\n",
  },
})
