/**
 * Lint rule `year-directive`: hledger 1.25 does not read ledger's 'year'/'apply year' directives.
 */
import { defineRule } from '../rule.js'

/** hledger 1.25 does not read ledger's 'year'/'apply year' directives. */
export const yearDirective = defineRule({
  id: "year-directive",
  breaks: ['hledger'],
  kind: 'rejected',
  severity: 'error',
  message: "hledger 1.25 does not read ledger's 'year'/'apply year' directives",
  why: "ledger sets the default year with 'year N' or 'apply year N' ... 'end apply year'; hledger reads only 'Y N' (and 'year N' only in newer versions).",
  advice: "Write 'Y N', or full dates.",
  fix: 'years',
  example: {
    dialect: 'ledger',
    invalid: "apply year 2024\n01/02 x\n    a  1\n    b\nend apply year\n",
    valid: "2024-01-02 x\n    a  1\n    b\n",
  },
})
