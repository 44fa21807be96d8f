/**
 * Lint rule `aux-date-yearless`: A secondary date without a year: ledger takes the current year, hledger the primary date's year.
 */
import { defineRule } from '../rule.js'

/** A secondary date without a year: ledger takes the current year, hledger the primary date's year. */
export const auxDateYearless = defineRule({
  id: "aux-date-yearless",
  breaks: ['ledger', 'hledger'],
  kind: 'silent',
  severity: 'error',
  message: "A secondary date without a year: ledger takes the current year, hledger the primary date's year",
  why: "ledger completes `DATE=MM-DD` with the year in force (or today's); hledger with the year of the primary date.",
  advice: "Write the year of the secondary date.",
  fix: 'postings',
  example: {
    dialect: 'hledger',
    invalid: "2024-12-30=01-02 x\n    a  1\n    b\n",
    valid: "2024-12-30=2025-01-02 x\n    a  1\n    b\n",
  },
})
