/**
 * Lint rule `apply-tag`: hledger 1.25 does not read 'apply tag'.
 */
import { defineRule } from '../rule.js'

/** hledger 1.25 does not read 'apply tag'. */
export const applyTag = defineRule({
  id: "apply-tag",
  breaks: ['hledger'],
  kind: 'rejected',
  severity: 'error',
  message: "hledger 1.25 does not read 'apply tag'",
  why: "ledger adds the tag to every entry inside `apply tag` … `end apply tag`; hledger 1.25 has no such directive.",
  advice: "Write the tag on each entry.",
  fix: 'apply-blocks',
  example: {
    dialect: 'ledger',
    invalid: "apply tag trip\n2024-01-01 x\n    a  1\n    b\nend apply tag\n",
    valid: "2024-01-01 x\n    ; trip:\n    a  1\n    b\n",
  },
})
