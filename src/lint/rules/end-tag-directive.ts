/**
 * Lint rule `end-tag-directive`: ledger rejects 'end tag' (hledger ignores it).
 */
import { defineRule } from '../rule.js'

/** ledger rejects 'end tag' (hledger ignores it). */
export const endTagDirective = defineRule({
  id: "end-tag-directive",
  breaks: ['ledger'],
  kind: 'rejected',
  severity: 'error',
  message: "ledger rejects 'end tag' (hledger ignores it)",
  why: "hledger reads and ignores `tag` … `end tag`; ledger knows no `end tag`.",
  advice: "Remove 'end tag'.",
  fix: 'directives',
  example: {
    dialect: 'hledger',
    invalid: "tag foo\nend tag\n",
    valid: "tag foo\n",
  },
})
