/**
 * Lint rule `assertion-virtual-real-mix`: A balance assertion on an account with both real and virtual postings: the tools assert different balances.
 */
import { defineRule } from '../rule.js'

/** A balance assertion on an account with both real and virtual postings: the tools assert different balances. */
export const assertionVirtualRealMix = defineRule({
  id: "assertion-virtual-real-mix",
  breaks: ['ledger', 'hledger'],
  kind: 'rejected',
  severity: 'error',
  message: "A balance assertion on an account with both real and virtual postings: the tools assert different balances",
  why: "hledger's balance assertions count the account's virtual postings; ledger 3.3 checks the assertion against a balance that leaves some of them out, so one of the tools rejects the journal.",
  advice: "Assert on an account without virtual postings, or drop the assertion.",
  example: {
    dialect: 'hledger',
    invalid: "2024-01-01 x\n    a  1\n    b\n    [a]  1\n    [c]  -1\n2024-01-02 y\n    a  0 = 2\n    b\n",
    valid: "2024-01-01 x\n    a  1\n    b\n    [a]  1\n    [c]  -1\n2024-01-02 y\n    a  0\n    b\n",
  },
})
