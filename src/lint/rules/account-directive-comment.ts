/**
 * Lint rule `account-directive-comment`: A comment after 'account NAME': ledger reads it as part of the account name.
 */
import { defineRule } from '../rule.js'

/** A comment after 'account NAME': ledger reads it as part of the account name. */
export const accountDirectiveComment = defineRule({
  id: "account-directive-comment",
  breaks: ['ledger'],
  kind: 'metadata',
  severity: 'warning',
  message: "A comment after 'account NAME': ledger reads it as part of the account name",
  why: "hledger ends the account name at two blanks; ledger reads to the end of the line.",
  advice: "Put the comment on the next line.",
  fix: 'directives',
  example: {
    dialect: 'hledger',
    invalid: "account a  ; note\n2024-01-01 x\n    a  1\n    b\n",
    valid: "account a\n    ; note\n2024-01-01 x\n    a  1\n    b\n",
  },
})
