/**
 * Lint rule `typed-metadata`: hledger does not read ledger's typed metadata 'key:: value'.
 */
import { defineRule } from '../rule.js'

/** hledger does not read ledger's typed metadata 'key:: value'. */
export const typedMetadata = defineRule({
  id: "typed-metadata",
  breaks: ['hledger'],
  kind: 'metadata',
  severity: 'warning',
  message: "hledger does not read ledger's typed metadata 'key:: value'",
  why: "ledger evaluates the value of `key:: value` as an expression; hledger reads a tag named `key` whose value starts with ':'.",
  advice: "Write 'key: value'.",
  fix: 'tags',
  example: {
    dialect: 'ledger',
    invalid: "2024-01-01 x\n    ; price:: 10\n    a  1\n    b\n",
    valid: "2024-01-01 x\n    ; price: 10\n    a  1\n    b\n",
  },
})
