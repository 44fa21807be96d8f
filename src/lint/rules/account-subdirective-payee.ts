/**
 * Lint rule `account-subdirective-payee`: hledger does not read a 'payee' under 'account'.
 */
import { defineRule } from '../rule.js'

/** hledger does not read a 'payee' under 'account'. */
export const accountSubdirectivePayee = defineRule({
  id: "account-subdirective-payee",
  breaks: ['hledger'],
  kind: 'lossy',
  severity: 'warning',
  message: "hledger does not read a 'payee' under 'account'",
  why: "ledger uses `payee REGEX` under an account to pick that account for matching entries' postings to an unknown account; hledger skips the line.",
  advice: "Write the account in the postings.",
  fix: 'unsupported-directives',
  example: {
    dialect: 'ledger',
    invalid: "account a\n    payee Shop\n2024-01-01 Shop\n    x  1\n    b\n",
    valid: "account a\n2024-01-01 Shop\n    x  1\n    b\n",
  },
})
