/**
 * Lint rule `payee-subdirective`: hledger does not read ledger's payee sub-directives ('alias', 'uuid').
 */
import { defineRule } from '../rule.js'

/** hledger does not read ledger's payee sub-directives ('alias', 'uuid'). */
export const payeeSubdirective = defineRule({
  id: "payee-subdirective",
  breaks: ['hledger'],
  kind: 'lossy',
  severity: 'warning',
  message: "hledger does not read ledger's payee sub-directives ('alias', 'uuid')",
  why: "ledger rewrites payees matching a `payee` block's `alias` lines; hledger reads `payee NAME` only.",
  advice: "Write the payee names out.",
  fix: 'payees',
  example: {
    dialect: 'ledger',
    invalid: "payee Shop\n    alias SHOP.*\n2024-01-01 SHOP 42\n    a  1\n    b\n",
    valid: "payee Shop\n2024-01-01 Shop\n    a  1\n    b\n",
  },
})
