/**
 * Lint rule `periodic-txn-assertion`: A balance assertion in a periodic transaction: ledger rejects it.
 */
import { defineRule } from '../rule.js'

/** A balance assertion in a periodic transaction: ledger rejects it. */
export const periodicTxnAssertion = defineRule({
  id: "periodic-txn-assertion",
  breaks: ['ledger'],
  kind: 'rejected',
  severity: 'error',
  message: "A balance assertion in a periodic transaction: ledger rejects it",
  why: "hledger checks assertions in forecast transactions; ledger reads none in `~` rules.",
  advice: "Drop the assertion.",
  fix: 'directives',
  example: {
    dialect: 'hledger',
    invalid: "~ monthly\n    a  1 = 1\n    b\n",
    valid: "~ monthly\n    a  1\n    b\n",
  },
})
