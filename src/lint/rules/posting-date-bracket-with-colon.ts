/**
 * Lint rule `posting-date-bracket-with-colon`: A '[DATE]' on a comment line that also holds a tag: the tools disagree about the posting date or the tag.
 */
import { defineRule } from '../rule.js'

/** A '[DATE]' on a comment line that also holds a tag: the tools disagree about the posting date or the tag. */
export const postingDateBracketWithColon = defineRule({
  id: "posting-date-bracket-with-colon",
  breaks: ['hledger'],
  kind: 'metadata',
  severity: 'warning',
  message: "A '[DATE]' on a comment line that also holds a tag: the tools disagree about the posting date or the tag",
  why: "ledger reads `[DATE]` anywhere in a posting comment as the posting date; hledger reads it only when the comment holds no tag.",
  advice: "Put the date and the tags on separate comment lines.",
  fix: 'tags',
  example: {
    dialect: 'ledger',
    invalid: "2024-01-01 x\n    a  1  ; [2024-01-05] trip: rome\n    b\n",
    valid: "2024-01-01 x\n    a  1  ; [2024-01-05]\n    ; trip: rome\n    b\n",
  },
})
