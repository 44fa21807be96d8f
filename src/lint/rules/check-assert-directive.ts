/**
 * Lint rule `check-assert-directive`: hledger does not read ledger's 'check' and 'assert' directives.
 */
import { defineRule } from '../rule.js'

/** hledger does not read ledger's 'check' and 'assert' directives. */
export const checkAssertDirective = defineRule({
  id: "check-assert-directive",
  breaks: ['hledger'],
  kind: 'rejected',
  severity: 'error',
  message: "hledger does not read ledger's 'check' and 'assert' directives",
  why: "ledger evaluates a top-level `check`/`assert` value expression; hledger has no such directive.",
  advice: "Check it another way (a balance assertion).",
  fix: 'unsupported-directives',
  example: {
    dialect: 'ledger',
    invalid: "assert 1 == 1\n2024-01-01 x\n    a  1\n    b\n",
    valid: "2024-01-01 x\n    a  1\n    b\n",
  },
})
