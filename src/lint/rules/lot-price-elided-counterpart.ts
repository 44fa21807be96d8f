/**
 * Lint rule `lot-price-elided-counterpart`: Lot prices '{P}' that balance the entry for ledger: hledger 1.25 ignores them and cannot balance it.
 */
import { defineRule } from '../rule.js'

/** Lot prices '{P}' that balance the entry for ledger: hledger 1.25 ignores them and cannot balance it. */
export const lotPriceElidedCounterpart = defineRule({
  id: "lot-price-elided-counterpart",
  breaks: ['hledger'],
  kind: 'silent',
  severity: 'error',
  message: "Lot prices '{P}' that balance the entry for ledger: hledger 1.25 ignores them and cannot balance it",
  why: "ledger can balance lot-priced amounts of one commodity by their lot values (a stock split: `28 S {$10}` against `-7 S {$40}`); hledger 1.25 ignores lot prices and sees 21 S left over.",
  advice: "Write the counter-posting's amount, or a cost '@ P'.",
  fix: 'lot-weights',
  example: {
    dialect: 'ledger',
    invalid: "2024-01-01 split\n    a  28 S {$10}\n    a  -7 S {$40}\n",
    valid: "2024-01-01 split\n    a  28 S @ $10\n    a  -7 S @ $40\n",
  },
})
