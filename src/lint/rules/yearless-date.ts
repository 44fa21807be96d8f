/**
 * Lint rule `yearless-date`: A date without a year: hledger takes the year from a 'Y' directive or today, as ledger does, but a converted journal should say it.
 */
import { defineRule } from '../rule.js'

/** A date without a year: hledger takes the year from a 'Y' directive or today, as ledger does, but a converted journal should say it. */
export const yearlessDate = defineRule({
  id: "yearless-date",
  breaks: ['hledger'],
  kind: 'none',
  severity: 'info',
  message: "A date without a year: hledger takes the year from a 'Y' directive or today, as ledger does, but a converted journal should say it",
  why: "Both tools complete a year-less date with the current year (or the year directive in force). The meaning then depends on the day the report runs.",
  advice: "Write the year.",
  fix: 'years',
  example: {
    dialect: 'ledger',
    invalid: "2024/01/01 open\n    a  1\n    b\n\n03/01 x\n    a  1\n    b\n",
    valid: "2024/01/01 open\n    a  1\n    b\n",
  },
})
