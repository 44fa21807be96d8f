/**
 * Lint rule `date-tag-invalid`: A 'date:' tag whose value is not a date: hledger rejects it.
 */
import { defineRule } from '../rule.js'

/** A 'date:' tag whose value is not a date: hledger rejects it. */
export const dateTagInvalid = defineRule({
  id: "date-tag-invalid",
  breaks: ['hledger'],
  kind: 'rejected',
  severity: 'error',
  message: "A 'date:' tag whose value is not a date: hledger rejects it",
  why: "hledger reads a posting's `date:`/`date2:` tag as its date and rejects a value that is not one; for ledger it is plain metadata.",
  advice: "Rename the tag.",
  fix: 'tags',
  example: {
    dialect: 'ledger',
    invalid: "2024-01-01 x\n    a  1  ; date: soon\n    b\n",
    valid: "2024-01-01 x\n    a  1  ; due: soon\n    b\n",
  },
})
