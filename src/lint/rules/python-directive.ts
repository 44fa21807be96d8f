/**
 * Lint rule `python-directive`: hledger does not read ledger's 'python' blocks or 'import' lines.
 */
import { defineRule } from '../rule.js'

/** hledger does not read ledger's 'python' blocks or 'import' lines. */
export const pythonDirective = defineRule({
  id: "python-directive",
  breaks: ['hledger'],
  kind: 'rejected',
  severity: 'error',
  message: "hledger does not read ledger's 'python' blocks or 'import' lines",
  why: "ledger (built with Python) runs embedded Python; hledger has no such directives.",
  advice: "Remove them, and write out any amounts they compute.",
  fix: 'unsupported-directives',
  example: {
    dialect: 'ledger',
    invalid: "import os\n2024-01-01 x\n    a  1\n    b\n",
    valid: "2024-01-01 x\n    a  1\n    b\n",
  },
})
