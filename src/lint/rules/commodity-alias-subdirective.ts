/**
 * Lint rule `commodity-alias-subdirective`: hledger does not read ledger's commodity 'alias'.
 */
import { defineRule } from '../rule.js'

/** hledger does not read ledger's commodity 'alias'. */
export const commodityAliasSubdirective = defineRule({
  id: "commodity-alias-subdirective",
  breaks: ['hledger'],
  kind: 'silent',
  severity: 'error',
  message: "hledger does not read ledger's commodity 'alias'",
  why: "ledger reads amounts in the alias as the commodity; hledger keeps the alias as its own commodity.",
  advice: "Write the commodity's own symbol.",
  fix: 'commodity-units',
  example: {
    dialect: 'ledger',
    invalid: "commodity USD\n    alias $\n2024-01-01 x\n    a  $1\n    b\n",
    valid: "2024-01-01 x\n    a  1 USD\n    b\n",
  },
})
