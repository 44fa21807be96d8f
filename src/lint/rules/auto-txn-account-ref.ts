/**
 * Lint rule `auto-txn-account-ref`: An account reference in an automated transaction: ledger writes '$account', hledger '%account'.
 */
import { defineRule } from '../rule.js'

/** An account reference in an automated transaction: ledger writes '$account', hledger '%account'. */
export const autoTxnAccountRef = defineRule({
  id: "auto-txn-account-ref",
  breaks: ['ledger', 'hledger'],
  kind: 'silent',
  severity: 'error',
  message: "An account reference in an automated transaction: ledger writes '$account', hledger '%account'",
  why: "ledger replaces `$account` in an `=` rule's account with the matched posting's account; hledger 1.25 knows only `%account`, and ledger reads `%account` literally.",
  advice: "Write the generated postings out.",
  fix: 'auto-rules',
  example: {
    dialect: 'ledger',
    invalid: "= expenses\n    ($account:budget)  $-1\n2024-01-01 x\n    expenses:food  $5\n    b\n",
    valid: "2024-01-01 x\n    expenses:food  $5\n    b\n    (expenses:food:budget)  $-1\n",
  },
})
