/**
 * Lint rule `alias-directive`: An account alias: ptabridge writes aliased names out, as the tools apply aliases by different rules.
 */
import { defineRule } from '../rule.js'

/** An account alias: ptabridge writes aliased names out, as the tools apply aliases by different rules. */
export const aliasDirective = defineRule({
  id: "alias-directive",
  breaks: ['ledger', 'hledger'],
  kind: 'none',
  severity: 'info',
  message: "An account alias: ptabridge writes aliased names out, as the tools apply aliases by different rules",
  why: "The tools differ in alias scope (included files), chaining and segment matching; a converted journal names accounts as the source tool resolved them, and keeps the alias as a comment.",
  advice: "Nothing to do for a plain alias both tools apply alike; prefer full account names in journals read by both.",
  fix: 'accounts',
  example: {
    dialect: 'ledger',
    invalid: "alias food = expenses:food\n2024-01-01 x\n    food  1\n    b\n",
    valid: "2024-01-01 x\n    expenses:food  1\n    b\n",
  },
})
