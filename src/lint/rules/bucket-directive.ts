/**
 * Lint rule `bucket-directive`: hledger does not read ledger's 'bucket'/'A' directive.
 */
import { defineRule } from '../rule.js'

/** hledger does not read ledger's 'bucket'/'A' directive. */
export const bucketDirective = defineRule({
  id: "bucket-directive",
  breaks: ['hledger'],
  kind: 'rejected',
  severity: 'error',
  message: "hledger does not read ledger's 'bucket'/'A' directive",
  why: "ledger balances every one-posting entry against the bucket account; hledger has no such directive.",
  advice: "Write the balancing posting in each entry.",
  fix: 'bucket',
  example: {
    dialect: 'ledger',
    invalid: "bucket b\n2024-01-01 x\n    a  1\n",
    valid: "2024-01-01 x\n    a  1\n    b\n",
  },
})
