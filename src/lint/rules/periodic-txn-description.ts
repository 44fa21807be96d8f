/**
 * Lint rule `periodic-txn-description`: Text after the period of a periodic transaction: ledger reads it as part of the period.
 */
import { defineRule } from '../rule.js'

/** Text after the period of a periodic transaction: ledger reads it as part of the period. */
export const periodicTxnDescription = defineRule({
  id: "periodic-txn-description",
  breaks: ['ledger'],
  kind: 'lossy',
  severity: 'warning',
  message: "Text after the period of a periodic transaction: ledger reads it as part of the period",
  why: "hledger reads `~ monthly  description`; ledger reads everything after `~` as the period expression.",
  advice: "Move the description to a comment.",
  fix: 'directives',
  example: {
    dialect: 'hledger',
    invalid: "~ monthly  rent\n    a  1\n    b\n",
    valid: "~ monthly\n    ; rent\n    a  1\n    b\n",
  },
})
