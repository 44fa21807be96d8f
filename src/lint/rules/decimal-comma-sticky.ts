/**
 * Lint rule `decimal-comma-sticky`: A lone period in a commodity ledger already saw with a decimal comma: ledger reads it as a digit group mark, hledger as a decimal mark.
 */
import { defineRule } from '../rule.js'

/** A lone period in a commodity ledger already saw with a decimal comma: ledger reads it as a digit group mark, hledger as a decimal mark. */
export const decimalCommaSticky = defineRule({
  id: "decimal-comma-sticky",
  breaks: ['hledger'],
  kind: 'silent',
  severity: 'error',
  message: "A lone period in a commodity ledger already saw with a decimal comma: ledger reads it as a digit group mark, hledger as a decimal mark",
  why: "Once ledger reads `1,50 EUR`, later EUR amounts use a decimal comma, so `1.500 EUR` is 1500; hledger 1.25 reads 1.5.",
  advice: "Write the number unambiguously, or declare the commodity's format.",
  fix: 'numbers',
  example: {
    dialect: 'ledger',
    invalid: "2024-01-01 x\n    a  1,50 EUR\n    b\n2024-01-02 y\n    a  1.500 EUR\n    b\n",
    valid: "2024-01-01 x\n    a  1,50 EUR\n    b\n2024-01-02 y\n    a  1500 EUR\n    b\n",
  },
})
