/**
 * Lint rule `payee-note-pipe`: A '|' in the description: hledger splits it into payee and note there, ledger does not.
 */
import { defineRule } from '../rule.js'

/** A '|' in the description: hledger splits it into payee and note there, ledger does not. */
export const payeeNotePipe = defineRule({
  id: "payee-note-pipe",
  breaks: ['hledger'],
  kind: 'none',
  severity: 'info',
  message: "A '|' in the description: hledger splits it into payee and note there, ledger does not",
  why: "hledger reads `PAYEE | NOTE`; ledger keeps the whole text as the payee. Payee queries and reports differ.",
  advice: "Keep it if you mean hledger's payee|note; otherwise write another character.",
  example: {
    dialect: 'ledger',
    invalid: "2024-01-01 Shop | groceries\n    a  1\n    b\n",
    valid: "2024-01-01 Shop - groceries\n    a  1\n    b\n",
  },
})
