/**
 * Lint rule `payee-metadata-tag`: A posting's 'Payee:' tag: ledger uses it as the posting's payee, hledger keeps a plain tag.
 */
import { defineRule } from '../rule.js'

/** A posting's 'Payee:' tag: ledger uses it as the posting's payee, hledger keeps a plain tag. */
export const payeeMetadataTag = defineRule({
  id: "payee-metadata-tag",
  breaks: ['hledger'],
  kind: 'metadata',
  severity: 'warning',
  message: "A posting's 'Payee:' tag: ledger uses it as the posting's payee, hledger keeps a plain tag",
  why: "ledger's `Payee:` metadata on a posting overrides the entry's payee in reports; hledger has no per-posting payee.",
  advice: "Keep in mind that payee reports differ, or split the entry.",
  example: {
    dialect: 'ledger',
    invalid: "2024-01-01 x\n    a  1\n    ; Payee: Shop\n    b\n",
    valid: "2024-01-01 x\n    a  1\n    b\n",
  },
})
