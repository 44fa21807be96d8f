/**
 * Lint rule `tab-separator`: Account and amount separated by one tab: the tools split the posting differently.
 */
import { defineRule } from '../rule.js'

/** Account and amount separated by one tab: the tools split the posting differently. */
export const tabSeparator = defineRule({
  id: "tab-separator",
  breaks: ['hledger'],
  kind: 'silent',
  severity: 'error',
  message: "Account and amount separated by one tab: the tools split the posting differently",
  why: "ledger ends an account name at a tab; hledger needs two blanks (or a tab) and may read the rest differently.",
  advice: "Separate the account from the amount with two or more spaces.",
  fix: 'tab-separators',
  example: {
    dialect: 'ledger',
    invalid: "2024-01-01 x\n    a\t1\n    b\n",
    valid: "2024-01-01 x\n    a  1\n    b\n",
  },
})
