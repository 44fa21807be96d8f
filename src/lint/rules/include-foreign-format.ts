/**
 * Lint rule `include-foreign-format`: An include of a CSV (or timedot) file: ledger would read it as journal text.
 */
import { defineRule } from '../rule.js'

/** An include of a CSV (or timedot) file: ledger would read it as journal text. */
export const includeForeignFormat = defineRule({
  id: "include-foreign-format",
  breaks: ['ledger'],
  kind: 'lossy',
  severity: 'warning',
  message: "An include of a CSV (or timedot) file: ledger would read it as journal text",
  why: "hledger reads CSV, timedot and timeclock files through their own readers; ledger reads every included file as a journal.",
  advice: "Import the CSV with 'ptabridge import', or convert the included file.",
  fix: 'directives',
  example: {
    dialect: 'hledger',
    invalid: "include bank.csv\n",
    valid: "; include bank.csv\n",
    files: {"bank.csv": "date,amount\n2024-01-01,1\n"},
  },
})
