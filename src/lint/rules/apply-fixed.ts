/**
 * Lint rule `apply-fixed`: hledger does not read 'apply fixed'.
 */
import { defineRule } from '../rule.js'

/** hledger does not read 'apply fixed'. */
export const applyFixed = defineRule({
  id: "apply-fixed",
  breaks: ['hledger'],
  kind: 'rejected',
  severity: 'error',
  message: "hledger does not read 'apply fixed'",
  why: "ledger fixes the named commodity's price inside `apply fixed` … `end apply fixed`; hledger has no such directive.",
  advice: "Write the costs on the postings.",
  fix: 'apply-blocks',
  example: {
    dialect: 'ledger',
    invalid: "apply fixed A $2\n2024-01-01 x\n    a  1 A\n    b  $-2\nend apply fixed\n",
    valid: "2024-01-01 x\n    a  1 A @ $2\n    b  $-2\n",
  },
})
