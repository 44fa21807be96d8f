/**
 * Lint rule `end-aliases`: ledger 3.3 rejects hledger's 'end aliases'.
 */
import { defineRule } from '../rule.js'

/** ledger 3.3 rejects hledger's 'end aliases'. */
export const endAliases = defineRule({
  id: "end-aliases",
  breaks: ['ledger'],
  kind: 'rejected',
  severity: 'error',
  message: "ledger 3.3 rejects hledger's 'end aliases'",
  why: "hledger ends every alias with `end aliases`; ledger 3.3 knows no such directive (it reports an 'end' without an 'apply').",
  advice: "Write the aliased names out.",
  fix: 'accounts',
  example: {
    dialect: 'hledger',
    invalid: "alias a = b\n2024-01-01 x\n    a  1\n    c\nend aliases\n",
    valid: "2024-01-01 x\n    b  1\n    c\n",
  },
})
