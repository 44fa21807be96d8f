/**
 * Lint rule `undeclared-commodity`: A commodity that no 'commodity' directive declares: hledger's strict mode rejects it.
 */
import { defineRule } from '../rule.js'

/** A commodity that no 'commodity' directive declares: hledger's strict mode rejects it. */
export const undeclaredCommodity = defineRule({
  id: "undeclared-commodity",
  breaks: ['hledger'],
  kind: 'rejected',
  severity: 'error',
  message: "A commodity that no 'commodity' directive declares: hledger's strict mode rejects it",
  why: "`hledger check commodities` (and `-s`) require every commodity to be declared.",
  advice: "Declare the commodity.",
  strictOnly: true,
  example: {
    dialect: 'hledger',
    invalid: "2024-01-01 x\n    a  1 EUR\n    b\n",
    valid: "commodity EUR\n2024-01-01 x\n    a  1 EUR\n    b\n",
  },
})
