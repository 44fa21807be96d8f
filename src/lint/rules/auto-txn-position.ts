/**
 * Lint rule `auto-txn-position`: An automated transaction below entries it matches: ledger applies it only to the entries after it, hledger to all.
 */
import { defineRule } from '../rule.js'

/** An automated transaction below entries it matches: ledger applies it only to the entries after it, hledger to all. */
export const autoTxnPosition = defineRule({
  id: "auto-txn-position",
  breaks: ['ledger', 'hledger'],
  kind: 'silent',
  severity: 'error',
  message: "An automated transaction below entries it matches: ledger applies it only to the entries after it, hledger to all",
  why: "ledger applies an `=` rule only to the entries read after it; hledger (with --auto) to every entry of the journal.",
  advice: "Write the generated postings out.",
  fix: 'auto-rules',
  example: {
    dialect: 'ledger',
    invalid: "2024-01-01 x\n    expenses:food  $5\n    b\n= expenses\n    (budget)  $-1\n2024-01-02 y\n    expenses:food  $5\n    b\n",
    valid: "2024-01-01 x\n    expenses:food  $5\n    b\n2024-01-02 y\n    expenses:food  $5\n    b\n    (budget)  $-1\n",
  },
})
