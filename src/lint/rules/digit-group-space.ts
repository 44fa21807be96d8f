/**
 * Lint rule `digit-group-space`: A number grouped with spaces: ledger reads only its first group.
 */
import { defineRule } from '../rule.js'

/** A number grouped with spaces: ledger reads only its first group. */
export const digitGroupSpace = defineRule({
  id: "digit-group-space",
  breaks: ['ledger'],
  kind: 'rejected',
  severity: 'error',
  message: "A number grouped with spaces: ledger reads only its first group",
  why: "hledger reads `1 000,00` (spaces, also non-breaking ones, as digit group marks); ledger stops the number at the first blank.",
  advice: "Write the number without spaces.",
  fix: 'numbers',
  example: {
    dialect: 'hledger',
    invalid: "2024-01-01 x\n    a  1 000 EUR\n    b\n",
    valid: "2024-01-01 x\n    a  1000 EUR\n    b\n",
  },
})
