/**
 * Lint rule `tag-value-comma`: A tag value with a comma: hledger ends the value there and may read the rest as more tags.
 */
import { defineRule } from '../rule.js'

/** A tag value with a comma: hledger ends the value there and may read the rest as more tags. */
export const tagValueComma = defineRule({
  id: "tag-value-comma",
  breaks: ['ledger', 'hledger'],
  kind: 'metadata',
  severity: 'warning',
  message: "A tag value with a comma: hledger ends the value there and may read the rest as more tags",
  why: "ledger's metadata value runs to the end of the line; hledger's tag value ends at a comma.",
  advice: "Put each tag on its own comment line, or avoid commas in values.",
  example: {
    dialect: 'ledger',
    invalid: "2024-01-01 x\n    ; key: a, b: c\n    a  1\n    b\n",
    valid: "2024-01-01 x\n    ; key: a b\n    a  1\n    b\n",
  },
})
