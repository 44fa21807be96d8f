/**
 * Lint rule `auto-txn-metadata`: Comment lines under an automated transaction: ledger copies their tags to the matched entries, hledger does not.
 */
import { defineRule } from '../rule.js'

/** Comment lines under an automated transaction: ledger copies their tags to the matched entries, hledger does not. */
export const autoTxnMetadata = defineRule({
  id: "auto-txn-metadata",
  breaks: ['ledger', 'hledger'],
  kind: 'metadata',
  severity: 'warning',
  message: "Comment lines under an automated transaction: ledger copies their tags to the matched entries, hledger does not",
  why: "ledger adds the tags written under an `=` rule to each entry it applies to; hledger 1.25 adds only its own generated-posting: tags.",
  advice: "Write the tags in the entries.",
  fix: 'auto-rules',
  example: {
    dialect: 'ledger',
    invalid: "= expenses\n    ; budgeted:\n    (budget)  $-1\n2024-01-01 x\n    expenses:food  $5\n    b\n",
    valid: "2024-01-01 x\n    expenses:food  $5\n    b\n    (budget)  $-1\n",
  },
})
