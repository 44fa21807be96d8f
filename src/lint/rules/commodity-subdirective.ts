/**
 * Lint rule `commodity-subdirective`: hledger does not read ledger's commodity sub-directives other than 'format'.
 */
import { defineRule } from '../rule.js'

/** hledger does not read ledger's commodity sub-directives other than 'format'. */
export const commoditySubdirective = defineRule({
  id: "commodity-subdirective",
  breaks: ['hledger'],
  kind: 'rejected',
  severity: 'error',
  message: "hledger does not read ledger's commodity sub-directives other than 'format'",
  why: "ledger reads `note`, `nomarket`, `default`, `value` under `commodity`; hledger 1.25 reads only `format`.",
  advice: "Keep them as comments.",
  fix: 'unsupported-directives',
  example: {
    dialect: 'ledger',
    invalid: "commodity $\n    nomarket\n",
    valid: "commodity $\n    ; nomarket\n",
  },
})
