/**
 * Lint rule `commodity-directive-oneline`: A one-line 'commodity AMOUNT' directive: hledger sets the style, ledger reads an odd symbol.
 */
import { defineRule } from '../rule.js'

/** A one-line 'commodity AMOUNT' directive: hledger sets the style, ledger reads an odd symbol. */
export const commodityDirectiveOneline = defineRule({
  id: "commodity-directive-oneline",
  breaks: ['ledger', 'hledger'],
  kind: 'lossy',
  severity: 'warning',
  message: "A one-line 'commodity AMOUNT' directive: hledger sets the style, ledger reads an odd symbol",
  why: "hledger reads `commodity 1.000,00 EUR` as the commodity EUR with that style; ledger reads it as a commodity named after the whole text.",
  advice: "Write the block form: 'commodity EUR' then '    format 1.000,00 EUR'.",
  fix: 'numbers',
  example: {
    dialect: 'hledger',
    invalid: "commodity 1.000,00 EUR\n2024-01-01 x\n    a  1.000,00 EUR\n    b\n",
    valid: "2024-01-01 x\n    a  1000 EUR\n    b\n",
  },
})
