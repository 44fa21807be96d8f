/**
 * Lint rule `account-type-unknown`: An account 'type:' hledger 1.25 does not know.
 */
import { defineRule } from '../rule.js'

/** An account 'type:' hledger 1.25 does not know. */
export const accountTypeUnknown = defineRule({
  id: "account-type-unknown",
  breaks: ['hledger'],
  kind: 'rejected',
  severity: 'error',
  message: "An account 'type:' hledger 1.25 does not know",
  why: "hledger 1.25 knows the account types A, L, E, R, X, C and V (and their names); ledger accepts any value.",
  advice: "Use one of hledger's types or another tag name.",
  fix: 'unsupported-directives',
  example: {
    dialect: 'ledger',
    invalid: "account a\n    ; type: Savings\n",
    valid: "account a\n    ; ledger-type: Savings\n",
  },
})
