/**
 * Lint rule `value-directive`: hledger does not read ledger's 'value' directive.
 */
import { defineRule } from '../rule.js'

/** hledger does not read ledger's 'value' directive. */
export const valueDirective = defineRule({
  id: "value-directive",
  breaks: ['hledger'],
  kind: 'rejected',
  severity: 'error',
  message: "hledger does not read ledger's 'value' directive",
  why: "ledger's `value` sets a valuation expression; hledger has none.",
  advice: "Drop it.",
  fix: 'unsupported-directives',
  example: {
    dialect: 'ledger',
    invalid: "value market\n2024-01-01 x\n    a  1\n    b\n",
    valid: "2024-01-01 x\n    a  1\n    b\n",
  },
})
