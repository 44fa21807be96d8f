/**
 * Lint rule `define-directive`: hledger does not read ledger's 'define'/'eval'.
 */
import { defineRule } from '../rule.js'

/** hledger does not read ledger's 'define'/'eval'. */
export const defineDirective = defineRule({
  id: "define-directive",
  breaks: ['hledger'],
  kind: 'rejected',
  severity: 'error',
  message: "hledger does not read ledger's 'define'/'eval'",
  why: "ledger defines value-expression variables with `define`; hledger has no expressions.",
  advice: "Write the values out (ptabridge evaluates them where they are used).",
  fix: 'unsupported-directives',
  example: {
    dialect: 'ledger',
    invalid: "define x = 2\n2024-01-01 t\n    a  1\n    b\n",
    valid: "2024-01-01 t\n    a  1\n    b\n",
  },
})
