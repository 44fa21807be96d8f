/**
 * Lint rule `account-subdirective-alias`: hledger does not read an 'alias' under 'account': postings written with the alias land in another account.
 */
import { defineRule } from '../rule.js'

/** hledger does not read an 'alias' under 'account': postings written with the alias land in another account. */
export const accountSubdirectiveAlias = defineRule({
  id: "account-subdirective-alias",
  breaks: ['hledger'],
  kind: 'silent',
  severity: 'error',
  message: "hledger does not read an 'alias' under 'account': postings written with the alias land in another account",
  why: "ledger lets postings name the account by its alias; hledger skips the line and posts to the alias as an account of its own.",
  advice: "Write the account's own name in the postings.",
  fix: 'unsupported-directives',
  example: {
    dialect: 'ledger',
    invalid: "account a\n    alias x\n2024-01-01 t\n    x  1\n    b\n",
    valid: "account a\n2024-01-01 t\n    a  1\n    b\n",
  },
})
