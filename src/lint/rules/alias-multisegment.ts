/**
 * Lint rule `alias-multisegment`: An alias whose old name has ':': the tools rewrite different accounts.
 */
import { defineRule } from '../rule.js'

/** An alias whose old name has ':': the tools rewrite different accounts. */
export const aliasMultisegment = defineRule({
  id: "alias-multisegment",
  breaks: ['ledger', 'hledger'],
  kind: 'silent',
  severity: 'error',
  message: "An alias whose old name has ':': the tools rewrite different accounts",
  why: "ledger matches an alias against the whole account name only; hledger against any prefix of account-name segments.",
  advice: "Write the aliased names out.",
  fix: 'accounts',
  example: {
    dialect: 'ledger',
    invalid: "alias a:b = c\n2024-01-01 x\n    a:b:c  1\n    b\n",
    valid: "2024-01-01 x\n    a:b:c  1\n    b\n",
  },
})
