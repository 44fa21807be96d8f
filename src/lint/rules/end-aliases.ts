/**
 * Lint rule `end-aliases`: 'end aliases': ledger and hledger end aliases differently.
 */
import { defineRule } from '../rule.js'

/** 'end aliases': ledger and hledger end aliases differently. */
export const endAliases = defineRule({
  id: "end-aliases",
  breaks: ['hledger'],
  kind: 'rejected',
  severity: 'error',
  message: "'end aliases': ledger and hledger end aliases differently",
  why: "hledger reads `end aliases`; ledger 3.3 ends an alias with `end apply alias`.",
  advice: "Write the aliased names out.",
  fix: 'accounts',
  example: {
    dialect: 'ledger',
    invalid: "alias a = c\n2024-01-01 x\n    a  1\n    b\nend aliases\n",
    valid: "2024-01-01 x\n    c  1\n    b\n",
  },
})
