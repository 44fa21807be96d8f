/**
 * Lint rule `assertion-zero-all-commodities`: '= 0' without a commodity: ledger asserts every commodity is zero, hledger only the bare number.
 */
import { defineRule } from '../rule.js'

/** '= 0' without a commodity: ledger asserts every commodity is zero, hledger only the bare number. */
export const assertionZeroAllCommodities = defineRule({
  id: "assertion-zero-all-commodities",
  breaks: ['hledger'],
  kind: 'silent',
  severity: 'error',
  message: "'= 0' without a commodity: ledger asserts every commodity is zero, hledger only the bare number",
  why: "ledger reads a symbol-less `= 0` as 'the whole balance is zero'; hledger checks only the symbol-less commodity.",
  advice: "Write '== 0' per commodity, or name the commodity.",
  fix: 'zero-assertions',
  example: {
    dialect: 'ledger',
    invalid: "2024-01-01 x\n    a  $1\n    b\n2024-01-02 y\n    a  $-1\n    b  = 0\n",
    valid: "2024-01-01 x\n    a  $1\n    b\n",
  },
})
