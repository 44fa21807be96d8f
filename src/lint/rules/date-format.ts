/**
 * Lint rule `date-format`: Dates in ledger's '--input-date-format': hledger reads only year-month-day.
 */
import { defineRule } from '../rule.js'

/** Dates in ledger's '--input-date-format': hledger reads only year-month-day. */
export const dateFormat = defineRule({
  id: "date-format",
  breaks: ['hledger'],
  kind: 'rejected',
  severity: 'error',
  message: "Dates in ledger's '--input-date-format': hledger reads only year-month-day",
  why: "ledger reads dates in the format its option gives; hledger only `YYYY-MM-DD`, `/` or `.` separated.",
  advice: "Write year-month-day dates.",
  fix: 'dates',
  example: {
    dialect: 'ledger',
    invalid: "--input-date-format %d.%m.%Y\n02.01.2024 x\n    a  1\n    b\n",
    valid: "2024-01-02 x\n    a  1\n    b\n",
  },
})
