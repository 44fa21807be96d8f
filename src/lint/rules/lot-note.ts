/**
 * Lint rule `lot-note`: hledger does not read ledger's lot notes '(note)'.
 */
import { defineRule } from '../rule.js'

/** hledger does not read ledger's lot notes '(note)'. */
export const lotNote = defineRule({
  id: "lot-note",
  breaks: ['hledger'],
  kind: 'rejected',
  severity: 'error',
  message: "hledger does not read ledger's lot notes '(note)'",
  why: "ledger reads `(note)` after an amount as a lot note; hledger rejects it.",
  advice: "Drop the note or move it to a comment.",
  fix: 'lots-and-costs',
  example: {
    dialect: 'ledger',
    invalid: "2024-01-01 x\n    a  1 A {$2} (gift)\n    b  $-2\n",
    valid: "2024-01-01 x\n    a  1 A @ $2  ; gift\n    b  $-2\n",
  },
})
