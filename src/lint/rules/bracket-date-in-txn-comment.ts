/**
 * Lint rule `bracket-date-in-txn-comment`: A '[DATE]' in the entry's own comment: ledger dates every posting with it, hledger dates the entry.
 */
import { defineRule } from '../rule.js'

/** A '[DATE]' in the entry's own comment: ledger dates every posting with it, hledger dates the entry. */
export const bracketDateInTxnComment = defineRule({
  id: "bracket-date-in-txn-comment",
  breaks: ['hledger'],
  kind: 'silent',
  severity: 'error',
  message: "A '[DATE]' in the entry's own comment: ledger dates every posting with it, hledger dates the entry",
  why: "ledger applies a bracketed date in the entry comment to all postings; hledger reads it as the entry's date.",
  advice: "Write it as the entry's date.",
  fix: 'tags',
  example: {
    dialect: 'ledger',
    invalid: "2024-01-01 x  ; [2024-01-05]\n    a  1\n    b\n",
    valid: "2024-01-05 x\n    a  1\n    b\n",
  },
})
