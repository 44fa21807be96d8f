/**
 * Lint rule `tag-no-space-after-colon`: A tag without a blank after its colon ('key:value'): the tools read its name and value differently.
 */
import { defineRule } from '../rule.js'

/** A tag without a blank after its colon ('key:value'): the tools read its name and value differently. */
export const tagNoSpaceAfterColon = defineRule({
  id: "tag-no-space-after-colon",
  breaks: ['ledger', 'hledger'],
  kind: 'metadata',
  severity: 'warning',
  message: "A tag without a blank after its colon ('key:value'): the tools read its name and value differently",
  why: "ledger reads `key:value` only as metadata with a blank after the colon; hledger reads any `name:` word as a tag.",
  advice: "Write 'key: value'.",
  example: {
    dialect: 'ledger',
    invalid: "2024-01-01 x\n    ; key:value\n    a  1\n    b\n",
    valid: "2024-01-01 x\n    ; key: value\n    a  1\n    b\n",
  },
})
