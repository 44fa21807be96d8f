/**
 * Lint rule `assertion-extended`: ledger does not read hledger's '==', '=*' and '==*' assertions.
 */
import { defineRule } from '../rule.js'

/** ledger does not read hledger's '==', '=*' and '==*' assertions. */
export const assertionExtended = defineRule({
  id: "assertion-extended",
  breaks: ['ledger'],
  kind: 'rejected',
  severity: 'error',
  message: "ledger does not read hledger's '==', '=*' and '==*' assertions",
  why: "hledger's `==` asserts no other commodity is held, `=*` includes subaccounts; ledger reads only `=`.",
  advice: "Write '=' (and check the rest another way).",
  fix: 'postings',
  example: {
    dialect: 'hledger',
    invalid: "2024-01-01 x\n    a  1\n    b\n    a  0 == 1\n",
    valid: "2024-01-01 x\n    a  1\n    b\n    a  0 = 1\n",
  },
})
