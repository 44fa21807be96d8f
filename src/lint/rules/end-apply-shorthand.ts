/**
 * Lint rule `end-apply-shorthand`: hledger does not read ledger's bare 'end' or 'end apply'.
 */
import { defineRule } from '../rule.js'

/** hledger does not read ledger's bare 'end' or 'end apply'. */
export const endApplyShorthand = defineRule({
  id: "end-apply-shorthand",
  breaks: ['hledger'],
  kind: 'rejected',
  severity: 'error',
  message: "hledger does not read ledger's bare 'end' or 'end apply'",
  why: "ledger closes the innermost `apply` block with a bare `end`; hledger needs the full form.",
  advice: "Write 'end apply account' (or the matching name).",
  fix: 'apply-blocks',
  example: {
    dialect: 'ledger',
    invalid: "apply account x\n2024-01-01 t\n    a  1\n    b\nend\n",
    valid: "2024-01-01 t\n    x:a  1\n    x:b\n",
  },
})
