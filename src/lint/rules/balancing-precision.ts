/**
 * Lint rule `balancing-precision`: An entry balanced only at one tool's precision: the other tool rejects it.
 */
import { defineRule } from '../rule.js'

/** An entry balanced only at one tool's precision: the other tool rejects it. */
export const balancingPrecision = defineRule({
  id: "balancing-precision",
  breaks: ['ledger', 'hledger'],
  kind: 'rejected',
  severity: 'error',
  message: "An entry balanced only at one tool's precision: the other tool rejects it",
  why: "ledger checks an entry with the precision of its own amounts; hledger with each commodity's display precision over the whole journal (and the reverse cases exist).",
  advice: "Write the amounts exactly, or add a rounding posting.",
  example: {
    dialect: 'ledger',
    invalid: "2022-01-01 txn1\n    expenses  AAA 989.02 @ $1.123456\n    checking  $-1111.12\n\n2022-01-02 txn2\n    expenses  $0.1234\n    checking\n",
    valid: "2022-01-01 txn1\n    expenses  AAA 989.02 @ $1.123456\n    checking  $-1111.12045312\n\n2022-01-02 txn2\n    expenses  $0.1234\n    checking\n",
  },
})
