/**
 * Lint rule `negative-sign-placement`: A minus sign after a spaced currency symbol ('$ - 1'): ledger rejects it.
 */
import { defineRule } from '../rule.js'

/** A minus sign after a spaced currency symbol ('$ - 1'): ledger rejects it. */
export const negativeSignPlacement = defineRule({
  id: "negative-sign-placement",
  breaks: ['ledger'],
  kind: 'rejected',
  severity: 'error',
  message: "A minus sign after a spaced currency symbol ('$ - 1'): ledger rejects it",
  why: "hledger reads `$ - 1` as -1 dollar; ledger needs the sign next to the number or before the symbol.",
  advice: "Write '-$1' or '$-1'.",
  fix: 'numbers',
  example: {
    dialect: 'hledger',
    invalid: "2024-01-01 x\n    a  $ - 1\n    b\n",
    valid: "2024-01-01 x\n    a  $-1\n    b\n",
  },
})
