/**
 * Lint rule `account-subdirective`: hledger does not read ledger's account sub-directives (note, check, assert, default, alias, payee, …).
 */
import { defineRule } from '../rule.js'

/** hledger does not read ledger's account sub-directives (note, check, assert, default, alias, payee, …). */
export const accountSubdirective = defineRule({
  id: "account-subdirective",
  breaks: ['hledger'],
  kind: 'lossy',
  severity: 'warning',
  message: "hledger does not read ledger's account sub-directives (note, check, assert, default, alias, payee, …)",
  why: "ledger reads several indented lines under `account`; hledger reads only comments and tags there.",
  advice: "Keep them as comments; write the effect (aliases, payees, default) out.",
  fix: 'unsupported-directives',
  example: {
    dialect: 'ledger',
    invalid: "account a\n    alias x\n2024-01-01 t\n    x  1\n    b\n",
    valid: "account a\n2024-01-01 t\n    a  1\n    b\n",
  },
})
