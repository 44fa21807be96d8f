/**
 * Lint rule `commodity-format-no-decimal`: A commodity format with one mark and no decimals: the tools read that mark differently.
 */
import { defineRule } from '../rule.js'

/** A commodity format with one mark and no decimals: the tools read that mark differently. */
export const commodityFormatNoDecimal = defineRule({
  id: "commodity-format-no-decimal",
  breaks: ['hledger'],
  kind: 'silent',
  severity: 'error',
  message: "A commodity format with one mark and no decimals: the tools read that mark differently",
  why: "`format 1,000 EUR` declares a digit group mark for ledger; hledger may read the mark as a decimal mark.",
  advice: "Write the format with decimals, e.g. '1,000.00 EUR'.",
  fix: 'numbers',
  example: {
    dialect: 'ledger',
    invalid: "commodity EUR\n    format 1,000 EUR\n2024-01-01 x\n    a  1,000 EUR\n    b\n",
    valid: "commodity EUR\n    format 1,000.00 EUR\n2024-01-01 x\n    a  1000 EUR\n    b\n",
  },
})
