/**
 * Lint rule `timeclock-in-journal`: Timeclock lines in a journal: hledger reads them only in a .timeclock file.
 */
import { defineRule } from '../rule.js'

/** Timeclock lines in a journal: hledger reads them only in a .timeclock file. */
export const timeclockInJournal = defineRule({
  id: "timeclock-in-journal",
  breaks: ['ledger', 'hledger'],
  kind: 'rejected',
  severity: 'error',
  message: "Timeclock lines in a journal: hledger reads them only in a .timeclock file",
  why: "ledger reads `i`/`o` clock lines inside a journal; hledger 1.25 only in a timeclock file (and counts sessions differently).",
  advice: "Move them to a .timeclock file and include it.",
  fix: 'timeclock',
  example: {
    dialect: 'ledger',
    invalid: "i 2024-01-01 09:00:00 work\no 2024-01-01 10:00:00\n",
    valid: "2024-01-01 * 09:00-10:00\n    (work)  1.00h\n",
  },
})
