/**
 * Lint rule `directive-prefix`: hledger does not read '@' or '!' before a directive.
 */
import { defineRule } from '../rule.js'

/** hledger does not read '@' or '!' before a directive. */
export const directivePrefix = defineRule({
  id: "directive-prefix",
  breaks: ['hledger'],
  kind: 'rejected',
  severity: 'error',
  message: "hledger does not read '@' or '!' before a directive",
  why: "ledger accepts `@include`, `!account` and so on; hledger does not.",
  advice: "Drop the prefix.",
  fix: 'directive-prefix',
  example: {
    dialect: 'ledger',
    invalid: "@account a\n",
    valid: "account a\n",
  },
})
