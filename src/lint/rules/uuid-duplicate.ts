/**
 * Lint rule `uuid-duplicate`: ledger reads only the first of several entries with the same UUID; hledger reads them all.
 */
import { defineRule } from '../rule.js'

/** ledger reads only the first of several entries with the same UUID; hledger reads them all. */
export const uuidDuplicate = defineRule({
  id: "uuid-duplicate",
  breaks: ['hledger'],
  kind: 'silent',
  severity: 'error',
  message: "ledger reads only the first of several entries with the same UUID; hledger reads them all",
  why: "ledger drops an entry whose `UUID:` tag repeats an earlier one (to make imports idempotent); hledger keeps every entry.",
  advice: "Remove the duplicate entry.",
  fix: 'dropped-entries',
  example: {
    dialect: 'ledger',
    invalid: "2024-01-01 x\n    ; UUID: 1\n    a  1\n    b\n\n2024-01-01 x\n    ; UUID: 1\n    a  1\n    b\n",
    valid: "2024-01-01 x\n    ; UUID: 1\n    a  1\n    b\n",
  },
})
