/**
 * Lint rule `decimal-mark-directive`: ledger ignores hledger's 'decimal-mark' directive.
 */
import { defineRule } from '../rule.js'

/** ledger ignores hledger's 'decimal-mark' directive. */
export const decimalMarkDirective = defineRule({
  id: "decimal-mark-directive",
  breaks: ['ledger'],
  kind: 'silent',
  severity: 'error',
  message: "ledger ignores hledger's 'decimal-mark' directive",
  why: "hledger reads numbers after `decimal-mark ,` with a decimal comma; ledger does not know the directive.",
  advice: "Write numbers ledger reads the same way.",
  fix: 'directives',
  example: {
    dialect: 'hledger',
    invalid: "decimal-mark ,\n2024-01-01 x\n    a  1.000 EUR\n    b\n",
    valid: "2024-01-01 x\n    a  1000 EUR\n    b\n",
  },
})
