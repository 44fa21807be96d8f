/**
 * Lint rule `semantic-warning`: Something ptabridge could not evaluate or check as the tool does.
 */
import { defineRule } from '../rule.js'

/** Something ptabridge could not evaluate or check as the tool does. */
export const semanticWarning = defineRule({
  id: "semantic-warning",
  breaks: ['ledger'],
  kind: 'lossy',
  severity: 'warning',
  message: "Something ptabridge could not evaluate or check as the tool does",
  why: "ledger features ptabridge does not run (Python, some value expressions) or checks it could not make.",
  advice: "Check the line by hand with the tool.",
  example: {
    dialect: 'ledger',
    invalid: "check 1 == 2\n2024-01-01 x\n    a  1\n    b\n",
    valid: "2024-01-01 x\n    a  1\n    b\n",
  },
})
