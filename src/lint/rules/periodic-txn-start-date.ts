/**
 * Lint rule `periodic-txn-start-date`: A periodic rule starting off its period's boundary: hledger 1.25 rejects or moves it.
 */
import { defineRule } from '../rule.js'

/** A periodic rule starting off its period's boundary: hledger 1.25 rejects or moves it. */
export const periodicTxnStartDate = defineRule({
  id: "periodic-txn-start-date",
  breaks: ['hledger'],
  kind: 'lossy',
  severity: 'warning',
  message: "A periodic rule starting off its period's boundary: hledger 1.25 rejects or moves it",
  why: "hledger 1.25 requires `from DATE` to be on a period boundary; ledger does not.",
  advice: "Start on a boundary.",
  fix: 'periodic-transactions',
  example: {
    dialect: 'ledger',
    invalid: "~ monthly from 2024-01-15\n    a  1\n    b\n",
    valid: "~ monthly from 2024-01-01\n    a  1\n    b\n",
  },
})
