/**
 * Lint rule `account-subdirective-default`: hledger does not read 'default' under 'account': entries of one posting do not balance.
 */
import { defineRule } from '../rule.js'

/** hledger does not read 'default' under 'account': entries of one posting do not balance. */
export const accountSubdirectiveDefault = defineRule({
  id: "account-subdirective-default",
  breaks: ['hledger'],
  kind: 'rejected',
  severity: 'error',
  message: "hledger does not read 'default' under 'account': entries of one posting do not balance",
  why: "ledger balances every one-posting entry against the account marked `default`; hledger skips the line and rejects the entry.",
  advice: "Write the balancing posting in each entry.",
  fix: 'bucket',
  example: {
    dialect: 'ledger',
    invalid: "account b\n    default\n2024-01-01 x\n    a  1\n",
    valid: "account b\n2024-01-01 x\n    a  1\n    b\n",
  },
})
