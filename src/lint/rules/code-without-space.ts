/**
 * Lint rule `code-without-space`: A status mark directly followed by '(' : hledger reads the code as part of the description.
 */
import { defineRule } from '../rule.js'

/** A status mark directly followed by '(' : hledger reads the code as part of the description. */
export const codeWithoutSpace = defineRule({
  id: "code-without-space",
  breaks: ['hledger'],
  kind: 'metadata',
  severity: 'warning',
  message: "A status mark directly followed by '(' : hledger reads the code as part of the description",
  why: "ledger reads `*(CODE)` as a cleared entry with a code; hledger needs a blank between the mark and the code.",
  advice: "Put a space between the status mark and the code.",
  fix: 'headers',
  example: {
    dialect: 'ledger',
    invalid: "2024-01-01 *(42) x\n    a  1\n    b\n",
    valid: "2024-01-01 * (42) x\n    a  1\n    b\n",
  },
})
