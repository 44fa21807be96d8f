/**
 * Lint rule `block-comment-prefixed`: hledger does not read '!comment' or '@comment'.
 */
import { defineRule } from '../rule.js'

/** hledger does not read '!comment' or '@comment'. */
export const blockCommentPrefixed = defineRule({
  id: "block-comment-prefixed",
  breaks: ['hledger'],
  kind: 'rejected',
  severity: 'error',
  message: "hledger does not read '!comment' or '@comment'",
  why: "ledger accepts the `!` and `@` directive prefixes on comment blocks; hledger does not.",
  advice: "Drop the prefix.",
  fix: 'comments',
  example: {
    dialect: 'ledger',
    invalid: "!comment\nfoo\nend comment\n2024-01-01 x\n    a  1\n    b\n",
    valid: "comment\nfoo\nend comment\n2024-01-01 x\n    a  1\n    b\n",
  },
})
