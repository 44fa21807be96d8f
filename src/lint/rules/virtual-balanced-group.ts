/**
 * Lint rule `virtual-balanced-group`: hledger balances real and '[virtual]' postings separately; ledger balances them together.
 */
import { defineRule } from '../rule.js'

/** hledger balances real and '[virtual]' postings separately; ledger balances them together. */
export const virtualBalancedGroup = defineRule({
  id: "virtual-balanced-group",
  breaks: ['hledger'],
  kind: 'rejected',
  severity: 'error',
  message: "hledger balances real and '[virtual]' postings separately; ledger balances them together",
  why: "ledger balances an entry's real and balanced-virtual postings as one group; hledger requires each group to balance on its own.",
  advice: "Add the balancing postings to each group.",
  fix: 'balanced-virtual-groups',
  example: {
    dialect: 'ledger',
    invalid: "2024-01-01 x\n    a  1\n    [b]  -1\n",
    valid: "2024-01-01 x\n    a  1\n    b  -1\n",
  },
})
