/**
 * Lint rule `tag-not-first-word`: A tag after other words on a comment line: ledger reads it as text, hledger as a tag (or the reverse for its value).
 */
import { defineRule } from '../rule.js'

/** A tag after other words on a comment line: ledger reads it as text, hledger as a tag (or the reverse for its value). */
export const tagNotFirstWord = defineRule({
  id: "tag-not-first-word",
  breaks: ['ledger', 'hledger'],
  kind: 'metadata',
  severity: 'warning',
  message: "A tag after other words on a comment line: ledger reads it as text, hledger as a tag (or the reverse for its value)",
  why: "hledger reads every `name:` word in a comment as a tag; ledger reads a `Key: value` pair only at the start of a comment line.",
  advice: "Put each tag on its own comment line.",
  fix: 'tags',
  example: {
    dialect: 'hledger',
    invalid: "2024-01-01 x\n    ; paid by card, trip: rome\n    a  1\n    b\n",
    valid: "2024-01-01 x\n    ; paid by card\n    ; trip: rome\n    a  1\n    b\n",
  },
})
