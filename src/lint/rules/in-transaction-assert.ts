/**
 * Lint rule `in-transaction-assert`: hledger does not read 'assert'/'check' lines inside an entry.
 */
import { defineRule } from '../rule.js'

/** hledger does not read 'assert'/'check' lines inside an entry. */
export const inTransactionAssert = defineRule({
  id: "in-transaction-assert",
  breaks: ['hledger'],
  kind: 'rejected',
  severity: 'error',
  message: "hledger does not read 'assert'/'check' lines inside an entry",
  why: "ledger evaluates an indented `assert`/`check` line against the entry; hledger rejects it.",
  advice: "Use a balance assertion on a posting.",
  fix: 'in-entry-checks',
  example: {
    dialect: 'ledger',
    invalid: "2024-01-01 x\n    a  1\n    b\n    assert 1 == 1\n",
    valid: "2024-01-01 x\n    a  1\n    b\n",
  },
})
