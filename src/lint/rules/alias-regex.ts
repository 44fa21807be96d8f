/**
 * Lint rule `alias-regex`: ledger 3.3 does not read hledger's regex aliases 'alias /RE/ = NEW'.
 */
import { defineRule } from '../rule.js'

/** ledger 3.3 does not read hledger's regex aliases 'alias /RE/ = NEW'. */
export const aliasRegex = defineRule({
  id: "alias-regex",
  breaks: ['ledger'],
  kind: 'silent',
  severity: 'error',
  message: "ledger 3.3 does not read hledger's regex aliases 'alias /RE/ = NEW'",
  why: "hledger rewrites every account name the regular expression matches; ledger 3.3 reads `/RE/` as a literal account name.",
  advice: "Write the rewritten account names out.",
  fix: 'accounts',
  example: {
    dialect: 'hledger',
    invalid: "alias /^ex/ = expenses\n2024-01-01 x\n    ex:food  1\n    b\n",
    valid: "2024-01-01 x\n    expenses:food  1\n    b\n",
  },
})
