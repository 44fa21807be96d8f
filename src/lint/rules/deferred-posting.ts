/**
 * Lint rule `deferred-posting`: hledger does not read ledger's '<account>' deferred postings.
 */
import { defineRule } from '../rule.js'

/** hledger does not read ledger's '<account>' deferred postings. */
export const deferredPosting = defineRule({
  id: "deferred-posting",
  breaks: ['hledger'],
  kind: 'silent',
  severity: 'error',
  message: "hledger does not read ledger's '<account>' deferred postings",
  why: "ledger reads `<account>` as a deferred posting; hledger reads the brackets as part of the account name.",
  advice: "Write the account without '<>'.",
  fix: 'deferred-postings',
  example: {
    dialect: 'ledger',
    invalid: "2024-01-01 x\n    <a>  1\n    b\n",
    valid: "2024-01-01 x\n    a  1\n    b\n",
  },
})
