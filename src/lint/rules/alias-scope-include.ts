/**
 * Lint rule `alias-scope-include`: An alias in an included file: ledger applies it after the include ends, hledger does not.
 */
import { defineRule } from '../rule.js'

/** An alias in an included file: ledger applies it after the include ends, hledger does not. */
export const aliasScopeInclude = defineRule({
  id: "alias-scope-include",
  breaks: ['hledger'],
  kind: 'silent',
  severity: 'error',
  message: "An alias in an included file: ledger applies it after the include ends, hledger does not",
  why: "ledger's aliases stay in force after the included file ends; hledger's end with the file.",
  advice: "Write the aliased names out.",
  fix: 'accounts',
  example: {
    dialect: 'ledger',
    invalid: "include aliases.ledger\n2024-01-01 x\n    a  1\n    b\n",
    valid: "2024-01-01 x\n    c  1\n    b\n",
    files: {"aliases.ledger": "alias a = c\n"},
  },
})
