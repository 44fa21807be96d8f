/**
 * Lint rule `auto-txn-query-syntax`: An automated transaction whose query the two tools read differently.
 */
import { defineRule } from '../rule.js'

/** An automated transaction whose query the two tools read differently. */
export const autoTxnQuerySyntax = defineRule({
  id: "auto-txn-query-syntax",
  breaks: ['ledger', 'hledger'],
  kind: 'silent',
  severity: 'error',
  message: "An automated transaction whose query the two tools read differently",
  why: "Beyond a plain account pattern the query languages differ: ledger's `expr`, `and`/`or`, `%tag`, `@payee`; hledger's `desc:`, `tag:`, `amt:`.",
  advice: "Write the generated postings out, or use a plain account pattern.",
  fix: 'auto-rules',
  example: {
    dialect: 'ledger',
    invalid: "= @Shop\n    (budget)  $-1\n2024-01-01 Shop\n    expenses:food  $5\n    b\n",
    valid: "2024-01-01 Shop\n    expenses:food  $5\n    b\n    (budget)  $-1\n",
  },
})
