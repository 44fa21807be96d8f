/**
 * Lint rule `command-line-flag-directive`: hledger does not read ledger's '--option' lines.
 */
import { defineRule } from '../rule.js'

/** hledger does not read ledger's '--option' lines. */
export const commandLineFlagDirective = defineRule({
  id: "command-line-flag-directive",
  breaks: ['hledger'],
  kind: 'rejected',
  severity: 'error',
  message: "hledger does not read ledger's '--option' lines",
  why: "ledger applies a column-0 `--option` line as a command-line option; hledger rejects it.",
  advice: "Apply its effect in the journal or on the command line.",
  fix: 'unsupported-directives',
  example: {
    dialect: 'ledger',
    invalid: "--input-date-format %d.%m.%Y\n02.01.2024 x\n    a  1\n    b\n",
    valid: "2024-01-02 x\n    a  1\n    b\n",
  },
})
