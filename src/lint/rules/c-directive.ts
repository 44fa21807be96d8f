/**
 * Lint rule `c-directive`: hledger does not read ledger's 'C' conversion directive.
 */
import { defineRule } from '../rule.js'

/** hledger does not read ledger's 'C' conversion directive. */
export const cDirective = defineRule({
  id: "c-directive",
  breaks: ['hledger'],
  kind: 'silent',
  severity: 'error',
  message: "hledger does not read ledger's 'C' conversion directive",
  why: "ledger converts amounts with `C 1h = 60m`; hledger has no such directive.",
  advice: "Write the amounts in one unit.",
  fix: 'commodity-units',
  example: {
    dialect: 'ledger',
    invalid: "C 1.00 h = 60 m\n2024-01-01 x\n    a  60 m\n    b\n",
    valid: "2024-01-01 x\n    a  1.00 h\n    b\n",
  },
})
