/**
 * Lint rule `lot-price-with-cost`: A lot price '{P}' and a cost '@ C' on one posting: ledger balances with the cost and keeps the lot, hledger uses the cost only.
 */
import { defineRule } from '../rule.js'

/** A lot price '{P}' and a cost '@ C' on one posting: ledger balances with the cost and keeps the lot, hledger uses the cost only. */
export const lotPriceWithCost = defineRule({
  id: "lot-price-with-cost",
  breaks: ['hledger'],
  kind: 'silent',
  severity: 'error',
  message: "A lot price '{P}' and a cost '@ C' on one posting: ledger balances with the cost and keeps the lot, hledger uses the cost only",
  why: "ledger balances the entry with the cost and keeps the lot price for gains; hledger 1.25 ignores the lot price.",
  advice: "Keep only what hledger needs ('@ C'); gains reports differ.",
  fix: 'lots-and-costs',
  example: {
    dialect: 'ledger',
    invalid: "2024-01-01 x\n    a  -1 A {$2} @ $3\n    b  $3\n",
    valid: "2024-01-01 x\n    a  -1 A @ $3\n    b  $3\n",
  },
})
