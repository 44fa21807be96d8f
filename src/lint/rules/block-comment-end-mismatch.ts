/**
 * Lint rule `block-comment-end-mismatch`: A 'comment' block closed by 'end test': hledger reads on to the end of the file as comment.
 */
import { defineRule } from '../rule.js'

/** A 'comment' block closed by 'end test': hledger reads on to the end of the file as comment. */
export const blockCommentEndMismatch = defineRule({
  id: "block-comment-end-mismatch",
  breaks: ['hledger'],
  kind: 'silent',
  severity: 'error',
  message: "A 'comment' block closed by 'end test': hledger reads on to the end of the file as comment",
  why: "ledger ends a comment block at `end test` too; hledger only at `end comment`, so the entries after it vanish.",
  advice: "Close the block with 'end comment'.",
  fix: 'comments',
  example: {
    dialect: 'ledger',
    invalid: "comment\nfoo\nend test\n2024-01-01 x\n    a  1\n    b\n",
    valid: "comment\nfoo\nend comment\n2024-01-01 x\n    a  1\n    b\n",
  },
})
