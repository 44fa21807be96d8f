/**
 * Lint rule `meaning-changed`: The tool would compute other balances from this journal, and no rewrite fixes it.
 */
import { defineRule } from '../rule.js'

/** The tool would compute other balances from this journal, and no rewrite fixes it. */
export const meaningChanged = defineRule({
  id: "meaning-changed",
  breaks: ['ledger', 'hledger'],
  kind: 'silent',
  severity: 'error',
  message: "The tool would compute other balances from this journal, and no rewrite fixes it",
  why: "ptabridge rewrote the journal for the tool and compared the balances; they differ.",
  advice: "Rewrite the entries by hand so both tools agree.",
  example: {
    dialect: 'ledger',
    invalid: "alias a:b = c\n2024-01-01 x\n    a:b:c  1\n    d\n",
    valid: "2024-01-01 x\n    a:b:c  1\n    d\n",
  },
})
