/**
 * Lint rule `posting-date2-tag`: A posting 'date2:' tag: hledger reads it as the secondary date, ledger as a plain tag.
 */
import { defineRule } from '../rule.js'

/** A posting 'date2:' tag: hledger reads it as the secondary date, ledger as a plain tag. */
export const postingDate2Tag = defineRule({
  id: "posting-date2-tag",
  breaks: ['ledger'],
  kind: 'silent',
  severity: 'error',
  message: "A posting 'date2:' tag: hledger reads it as the secondary date, ledger as a plain tag",
  why: "hledger sets a posting's secondary date from its `date2:` tag; ledger reads it only from `[=DATE]`.",
  advice: "Write '[=DATE]'.",
  fix: 'tags',
  example: {
    dialect: 'hledger',
    invalid: "2024-01-01 x\n    a  1  ; date2: 2024-01-05\n    b\n",
    valid: "2024-01-01 x\n    a  1  ; [=2024-01-05]\n    b\n",
  },
})
