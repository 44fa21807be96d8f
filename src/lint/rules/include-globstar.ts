/**
 * Lint rule `include-globstar`: ledger 3.3 does not expand '**' in an include.
 */
import { defineRule } from '../rule.js'

/** ledger 3.3 does not expand '**' in an include. */
export const includeGlobstar = defineRule({
  id: "include-globstar",
  breaks: ['ledger'],
  kind: 'rejected',
  severity: 'error',
  message: "ledger 3.3 does not expand '**' in an include",
  why: "hledger expands `**` to any depth of directories; ledger 3.3 looks for a file named literally.",
  advice: "Include the files by name (ptabridge writes one include per file).",
  example: {
    dialect: 'hledger',
    invalid: "include **/*.j\n2024-01-01 x\n    a  1\n    b\n",
    valid: "2024-01-01 x\n    a  1\n    b\n",
    files: {"x.j": "2024-01-02 y\n    c  1\n    d\n"},
  },
})
