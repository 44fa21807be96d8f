/**
 * Lint rule `posting-date-tag`: A posting 'date:' tag: hledger reads it as the posting date, ledger as a plain tag.
 */
import { defineRule } from '../rule.js'

/** A posting 'date:' tag: hledger reads it as the posting date, ledger as a plain tag. */
export const postingDateTag = defineRule({
  id: "posting-date-tag",
  breaks: ['ledger', 'hledger'],
  kind: 'silent',
  severity: 'error',
  message: "A posting 'date:' tag: hledger reads it as the posting date, ledger as a plain tag",
  why: "hledger sets a posting's date from its `date:` tag; ledger reads posting dates only from `[DATE]`.",
  advice: "Write '[DATE]' (ledger) or keep 'date:' (hledger).",
  fix: 'tags',
  example: {
    dialect: 'hledger',
    invalid: "2024-01-01 x\n    a  1  ; date: 2024-01-05\n    b\n",
    valid: "2024-01-01 x\n    a  1  ; [2024-01-05]\n    b\n",
  },
})
