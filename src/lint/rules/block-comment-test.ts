/**
 * Lint rule `block-comment-test`: hledger rejects ledger's 'test' … 'end test' blocks.
 */
import { defineRule } from '../rule.js'

/** hledger rejects ledger's 'test' … 'end test' blocks. */
export const blockCommentTest = defineRule({
  id: "block-comment-test",
  breaks: ['hledger'],
  kind: 'rejected',
  severity: 'error',
  message: "hledger rejects ledger's 'test' … 'end test' blocks",
  why: "ledger treats a `test` block as a comment (its regression tests put expected output there); hledger does not know the keyword.",
  advice: "Write 'comment' … 'end comment'.",
  fix: 'comments',
  example: {
    dialect: 'ledger',
    invalid: "test bal\n  1  a\nend test\n",
    valid: "comment\n  1  a\nend comment\n",
  },
})
