/**
 * Lint rule `undeclared-account`: An account that no 'account' directive declares: hledger's strict mode rejects it.
 */
import { defineRule } from '../rule.js'

/** An account that no 'account' directive declares: hledger's strict mode rejects it. */
export const undeclaredAccount = defineRule({
  id: "undeclared-account",
  breaks: ['hledger'],
  kind: 'rejected',
  severity: 'error',
  message: "An account that no 'account' directive declares: hledger's strict mode rejects it",
  why: "`hledger check accounts` (and `-s`) require every account to be declared.",
  advice: "Declare the account.",
  strictOnly: true,
  example: {
    dialect: 'hledger',
    invalid: "2024-01-01 x\n    a  1\n    b\n",
    valid: "account a\naccount b\n2024-01-01 x\n    a  1\n    b\n",
  },
})
