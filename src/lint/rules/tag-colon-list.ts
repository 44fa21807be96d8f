/**
 * Lint rule `tag-colon-list`: hledger does not read ledger's ':a:b:' tag lists.
 */
import { defineRule } from '../rule.js'

/** hledger does not read ledger's ':a:b:' tag lists. */
export const tagColonList = defineRule({
  id: "tag-colon-list",
  breaks: ['hledger'],
  kind: 'metadata',
  severity: 'warning',
  message: "hledger does not read ledger's ':a:b:' tag lists",
  why: "ledger reads `:a:b:` in a comment as the tags a and b; hledger reads tags only as `name:` words.",
  advice: "Write 'a:, b:'.",
  fix: 'tags',
  example: {
    dialect: 'ledger',
    invalid: "2024-01-01 x\n    ; :food:shop:\n    a  1\n    b\n",
    valid: "2024-01-01 x\n    ; food:, shop:\n    a  1\n    b\n",
  },
})
