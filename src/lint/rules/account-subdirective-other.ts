/**
 * Lint rule `account-subdirective-other`: hledger does not read this line under 'account'.
 */
import { defineRule } from '../rule.js'

/** hledger does not read this line under 'account'. */
export const accountSubdirectiveOther = defineRule({
  id: "account-subdirective-other",
  breaks: ['hledger'],
  kind: 'lossy',
  severity: 'warning',
  message: "hledger does not read this line under 'account'",
  why: "ledger reads (or ignores) sub-directives hledger does not know; hledger skips indented lines under `account`.",
  advice: "Keep it as a comment.",
  fix: 'unsupported-directives',
  example: {
    dialect: 'ledger',
    invalid: "account a\n    foo bar\n2024-01-01 t\n    a  1\n    b\n",
    valid: "account a\n    ; foo bar\n2024-01-01 t\n    a  1\n    b\n",
  },
})
