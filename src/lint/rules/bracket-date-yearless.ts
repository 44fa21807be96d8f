/**
 * Lint rule `bracket-date-yearless`: A posting date '[MM-DD]' without a year: the tools complete it differently.
 */
import { defineRule } from '../rule.js'

/** A posting date '[MM-DD]' without a year: the tools complete it differently. */
export const bracketDateYearless = defineRule({
  id: "bracket-date-yearless",
  breaks: ['hledger'],
  kind: 'silent',
  severity: 'error',
  message: "A posting date '[MM-DD]' without a year: the tools complete it differently",
  why: "ledger completes it with the year in force or today's; hledger with the entry's year.",
  advice: "Write the year.",
  fix: 'tags',
  example: {
    dialect: 'ledger',
    invalid: "2024-01-01 x\n    a  1  ; [01-05]\n    b\n",
    valid: "2024-01-01 x\n    a  1  ; [2024-01-05]\n    b\n",
  },
})
