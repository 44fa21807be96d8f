/**
 * Lint rule `comment-char-percent-pipe`: hledger rejects top-level comment lines starting with '%' or '|'.
 */
import { defineRule } from '../rule.js'

/** hledger rejects top-level comment lines starting with '%' or '|'. */
export const commentCharPercentPipe = defineRule({
  id: "comment-char-percent-pipe",
  breaks: ['hledger'],
  kind: 'rejected',
  severity: 'error',
  message: "hledger rejects top-level comment lines starting with '%' or '|'",
  why: "ledger reads `%`, `|`, `*`, `#` and `;` at column 0 as comment lines; hledger reads only `;`, `#` and `*`.",
  advice: "Start the comment with ';'.",
  fix: 'comments',
  example: {
    dialect: 'ledger',
    invalid: "% a comment\n2024-01-01 x\n    a  1\n    b\n",
    valid: "; a comment\n2024-01-01 x\n    a  1\n    b\n",
  },
})
