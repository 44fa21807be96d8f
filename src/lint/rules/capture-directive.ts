/**
 * Lint rule `capture-directive`: hledger does not read ledger's 'capture' directive.
 */
import { defineRule } from '../rule.js'

/** hledger does not read ledger's 'capture' directive. */
export const captureDirective = defineRule({
  id: "capture-directive",
  breaks: ['hledger'],
  kind: 'rejected',
  severity: 'error',
  message: "hledger does not read ledger's 'capture' directive",
  why: "ledger's `capture ACCOUNT REGEX` renames the accounts the pattern matches; hledger has no such directive.",
  advice: "Write the account names out.",
  fix: 'unsupported-directives',
  example: {
    dialect: 'ledger',
    invalid: "capture Expenses:Food food\n2024-01-01 x\n    a  1\n    b\n",
    valid: "2024-01-01 x\n    a  1\n    b\n",
  },
})
