/**
 * Lint rule `plus-sign`: A number with a '+' sign: ledger rejects it.
 */
import { defineRule } from '../rule.js'

/** A number with a '+' sign: ledger rejects it. */
export const plusSign = defineRule({
  id: "plus-sign",
  breaks: ['ledger'],
  kind: 'rejected',
  severity: 'error',
  message: "A number with a '+' sign: ledger rejects it",
  why: "hledger accepts an explicit `+` sign; ledger reads '+' only as an operator in expressions.",
  advice: "Drop the '+'.",
  fix: 'numbers',
  example: {
    dialect: 'hledger',
    invalid: "2024-01-01 x\n    a  +5 EUR\n    b\n",
    valid: "2024-01-01 x\n    a  5 EUR\n    b\n",
  },
})
