/**
 * Lint rule `auto-txn-needs-flag`: An automated transaction: ledger always applies it, hledger only with --auto (its reports without the flag leave the postings out).
 */
import { defineRule } from '../rule.js'

/** An automated transaction: ledger always applies it, hledger only with --auto (its reports without the flag leave the postings out). */
export const autoTxnNeedsFlag = defineRule({
  id: "auto-txn-needs-flag",
  breaks: ['ledger', 'hledger'],
  kind: 'lossy',
  severity: 'warning',
  message: "An automated transaction: ledger always applies it, hledger only with --auto (its reports without the flag leave the postings out)",
  why: "ledger applies `=` rules whenever it reads the journal; hledger 1.25 applies them only when run with `--auto`.",
  advice: "Run hledger with --auto, or write the generated postings into the entries (ptabridge marks them with a generated-posting: tag).",
  fix: 'auto-rules',
  example: {
    dialect: 'ledger',
    invalid: "= expenses\n    (budget)  $-1\n2024-01-01 x\n    expenses:food  $5\n    b\n",
    valid: "2024-01-01 x\n    expenses:food  $5\n    b\n    (budget)  $-1\n",
  },
})
