/**
 * Lint rule `lot-annotation`: A lot annotation '{…}' or '[DATE]': ledger tracks the lot, hledger 1.25 ignores it.
 */
import { defineRule } from '../rule.js'

/** A lot annotation '{…}' or '[DATE]': ledger tracks the lot, hledger 1.25 ignores it. */
export const lotAnnotation = defineRule({
  id: "lot-annotation",
  breaks: ['ledger', 'hledger'],
  kind: 'lossy',
  severity: 'warning',
  message: "A lot annotation '{…}' or '[DATE]': ledger tracks the lot, hledger 1.25 ignores it",
  why: "ledger uses a lot price to value and balance the posting; hledger 1.25 reads and ignores lot annotations.",
  advice: "Write the cost with '@' where it balances the entry.",
  fix: 'lots-and-costs',
  example: {
    dialect: 'ledger',
    invalid: "2024-01-01 x\n    a  1 A @ $2 [2024-01-01]\n    b\n",
    valid: "2024-01-01 x\n    a  1 A @ $2\n    b\n",
  },
})
