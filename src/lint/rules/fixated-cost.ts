/**
 * Lint rule `fixated-cost`: hledger does not read a fixated cost '@ ='.
 */
import { defineRule } from '../rule.js'

/** hledger does not read a fixated cost '@ ='. */
export const fixatedCost = defineRule({
  id: "fixated-cost",
  breaks: ['hledger'],
  kind: 'rejected',
  severity: 'error',
  message: "hledger does not read a fixated cost '@ ='",
  why: "ledger's `@ =$2` fixes the lot price; hledger rejects the '='.",
  advice: "Write '@ $2'.",
  fix: 'lots-and-costs',
  example: {
    dialect: 'ledger',
    invalid: "2024-01-01 x\n    a  1 A @ =$2\n    b\n",
    valid: "2024-01-01 x\n    a  1 A @ $2\n    b\n",
  },
})
