/**
 * Lint rule `unicode-blank`: Unicode blanks in a posting: ledger reads them as part of the account or amount.
 */
import { defineRule } from '../rule.js'

/** Unicode blanks in a posting: ledger reads them as part of the account or amount. */
export const unicodeBlank = defineRule({
  id: "unicode-blank",
  breaks: ['ledger'],
  kind: 'silent',
  severity: 'error',
  message: "Unicode blanks in a posting: ledger reads them as part of the account or amount",
  why: "hledger reads non-breaking and other Unicode spaces as blanks; ledger only spaces and tabs.",
  advice: "Write plain spaces.",
  fix: 'blanks',
  example: {
    dialect: 'hledger',
    invalid: "2024-01-01 x\n    a  1\n    b\n",
    valid: "2024-01-01 x\n    a  1\n    b\n",
  },
})
