/**
 * Lint rule `alias-chained`: An alias whose result another alias rewrites: the tools chain them differently.
 */
import { defineRule } from '../rule.js'

/** An alias whose result another alias rewrites: the tools chain them differently. */
export const aliasChained = defineRule({
  id: "alias-chained",
  breaks: ['ledger', 'hledger'],
  kind: 'silent',
  severity: 'error',
  message: "An alias whose result another alias rewrites: the tools chain them differently",
  why: "hledger applies every alias in turn (the latest first); ledger applies one alias per account.",
  advice: "Write the final account names.",
  fix: 'accounts',
  example: {
    dialect: 'ledger',
    invalid: "alias b = c\nalias a = b\n2024-01-01 x\n    a  1\n    d\n",
    valid: "2024-01-01 x\n    b  1\n    d\n",
  },
})
