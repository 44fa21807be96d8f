/**
 * Lint rule `virtual-elided-paren`: An amountless '(account)' posting: hledger reads zero, ledger rejects it.
 */
import { defineRule } from '../rule.js'

/** An amountless '(account)' posting: hledger reads zero, ledger rejects it. */
export const virtualElidedParen = defineRule({
  id: "virtual-elided-paren",
  breaks: ['ledger'],
  kind: 'rejected',
  severity: 'error',
  message: "An amountless '(account)' posting: hledger reads zero, ledger rejects it",
  why: "hledger gives an amountless unbalanced virtual posting the amount 0; ledger needs an amount.",
  advice: "Write the amount 0.",
  fix: 'postings',
  example: {
    dialect: 'hledger',
    invalid: "2024-01-01 x\n    a  1\n    b\n    (c)\n",
    valid: "2024-01-01 x\n    a  1\n    b\n    (c)  0\n",
  },
})
