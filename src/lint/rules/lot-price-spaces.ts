/**
 * Lint rule `lot-price-spaces`: hledger rejects blanks inside lot braces '{ $2 }'.
 */
import { defineRule } from '../rule.js'

/** hledger rejects blanks inside lot braces '{ $2 }'. */
export const lotPriceSpaces = defineRule({
  id: "lot-price-spaces",
  breaks: ['hledger'],
  kind: 'rejected',
  severity: 'error',
  message: "hledger rejects blanks inside lot braces '{ $2 }'",
  why: "ledger allows blanks after `{` and before `}`; hledger 1.25 does not.",
  advice: "Write '{$2}'.",
  fix: 'lots-and-costs',
  example: {
    dialect: 'ledger',
    invalid: "2024-01-01 x\n    a  1 A { $2 }\n    b  $-2\n",
    valid: "2024-01-01 x\n    a  1 A @ $2\n    b  $-2\n",
  },
})
