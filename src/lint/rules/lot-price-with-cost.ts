/**
 * Lint rule `lot-price-with-cost`: A lot price '{P}' and a cost '@ C' on one posting: ledger balances at the lot price, hledger at the cost.
 */
import { defineRule } from '../rule.js'

/** A lot price '{P}' and a cost '@ C' on one posting: ledger balances at the lot price, hledger at the cost. */
export const lotPriceWithCost = defineRule({
  id: "lot-price-with-cost",
  breaks: ['hledger'],
  kind: 'rejected',
  severity: 'error',
  message: "A lot price '{P}' and a cost '@ C' on one posting: ledger balances at the lot price, hledger at the cost",
  why: "ledger 3.3 balances a posting that has both at its lot price; hledger 1.25 ignores the lot price and balances at the cost.",
  advice: "Write the cost ledger balances with ('@ P'), keeping the written cost in a comment.",
  fix: 'lots-and-costs',
  example: {
    dialect: 'ledger',
    invalid: "2024-01-01 x\n    a  -1 A {$2} @ $3\n    b  $2\n",
    valid: "2024-01-01 x\n    a  -1 A @ $2\n    b  $2\n",
  },
})
