/**
 * Lint rule `c-directive`: hledger does not read ledger's 'C' conversion directive: it shows amounts in the unit written.
 */
import { defineRule } from '../rule.js'

/** hledger does not read ledger's 'C' conversion directive: it shows amounts in the unit written. */
export const cDirective = defineRule({
  id: "c-directive",
  breaks: ['hledger'],
  kind: 'lossy',
  severity: 'warning',
  message: "hledger does not read ledger's 'C' conversion directive: it shows amounts in the unit written",
  why: "ledger converts amounts with `C 1h = 60m`; hledger has no such directive.",
  advice: "Write the amounts in one unit.",
  fix: 'commodity-units',
  example: {
    dialect: 'ledger',
    invalid: "C 1.00 kg = 1000 g\n2024-01-01 x\n    a  1000 g\n    b\n",
    valid: "2024-01-01 x\n    a  1.00 kg\n    b\n",
  },
})
