/**
 * Lint rule `lot-price-elided-counterpart`: A lot price '{P}' without a cost and an amountless counter-posting: ledger infers the balance from the lot price, hledger cannot.
 */
import { defineRule } from '../rule.js'

/** A lot price '{P}' without a cost and an amountless counter-posting: ledger infers the balance from the lot price, hledger cannot. */
export const lotPriceElidedCounterpart = defineRule({
  id: "lot-price-elided-counterpart",
  breaks: ['hledger'],
  kind: 'silent',
  severity: 'error',
  message: "A lot price '{P}' without a cost and an amountless counter-posting: ledger infers the balance from the lot price, hledger cannot",
  why: "ledger weighs `1 A {$2}` as $2 when balancing; hledger 1.25 weighs it as 1 A.",
  advice: "Write the counter-posting's amount, or a cost '@ P'.",
  fix: 'lot-weights',
  example: {
    dialect: 'ledger',
    invalid: "2024-01-01 x\n    a  1 A {$2}\n    b\n",
    valid: "2024-01-01 x\n    a  1 A @ $2\n    b\n",
  },
})
