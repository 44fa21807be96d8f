/**
 * Lint rule `auto-txn-position`: An automated transaction the tools apply to different entries.
 */
import { defineRule } from '../rule.js'

/** An automated transaction the tools apply to different entries. */
export const autoTxnPosition = defineRule({
  id: "auto-txn-position",
  breaks: ['ledger', 'hledger'],
  kind: 'silent',
  severity: 'error',
  message: "An automated transaction the tools apply to different entries",
  why: "ledger applies an `=` rule only to the entries after it (and needs no flag); hledger to every entry, and only with --auto.",
  advice: "Write the generated postings out.",
  fix: 'auto-rules',
  example: {
    dialect: 'ledger',
    invalid: "= expenses\n    (budget)  -1\n2024-01-01 x\n    expenses:food  5\n    b\n",
    valid: "2024-01-01 x\n    expenses:food  5\n    b\n    (budget)  -5\n",
  },
})
