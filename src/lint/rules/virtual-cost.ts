/**
 * Lint rule `virtual-cost`: A virtual cost '(@)': ledger records no market price from it, hledger reads a plain cost.
 */
import { defineRule } from '../rule.js'

/** A virtual cost '(@)': ledger records no market price from it, hledger reads a plain cost. */
export const virtualCost = defineRule({
  id: "virtual-cost",
  breaks: ['hledger'],
  kind: 'none',
  severity: 'info',
  message: "A virtual cost '(@)': ledger records no market price from it, hledger reads a plain cost",
  why: "ledger's `(@)`/`(@@)` cost balances the entry but does not enter the price database; hledger 1.25 reads it as `@`.",
  advice: "Nothing changes in balances; market-value reports may differ.",
  example: {
    dialect: 'ledger',
    invalid: "2024-01-01 x\n    a  1 A (@) $2\n    b\n",
    valid: "2024-01-01 x\n    a  1 A @ $2\n    b\n",
  },
})
