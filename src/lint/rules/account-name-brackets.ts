/**
 * Lint rule `account-name-brackets`: An account name wrapped in extra brackets or parentheses: hledger drops them, ledger keeps them in the name.
 */
import { defineRule } from '../rule.js'

/** An account name wrapped in extra brackets or parentheses: hledger drops them, ledger keeps them in the name. */
export const accountNameBrackets = defineRule({
  id: "account-name-brackets",
  breaks: ['ledger'],
  kind: 'silent',
  severity: 'error',
  message: "An account name wrapped in extra brackets or parentheses: hledger drops them, ledger keeps them in the name",
  why: "hledger reads `[(b:bb)]` as the balanced virtual account b:bb; ledger as the account (b:bb).",
  advice: "Write the account name without the extra brackets.",
  fix: 'accounts',
  example: {
    dialect: 'hledger',
    invalid: "2023-01-01\n  [(b:bb)]  1\n  [c]\n",
    valid: "2023-01-01\n  [b:bb]  1\n  [c]\n",
  },
})
