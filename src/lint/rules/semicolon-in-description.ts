/**
 * Lint rule `semicolon-in-description`: A ';' in the description not preceded by two blanks: one tool reads a comment there, the other part of the description.
 */
import { defineRule } from '../rule.js'

/** A ';' in the description not preceded by two blanks: one tool reads a comment there, the other part of the description. */
export const semicolonInDescription = defineRule({
  id: "semicolon-in-description",
  breaks: ['ledger', 'hledger'],
  kind: 'metadata',
  severity: 'warning',
  message: "A ';' in the description not preceded by two blanks: one tool reads a comment there, the other part of the description",
  why: "hledger starts a comment at any ';' in the header; ledger only after two blanks or a tab.",
  advice: "Put two spaces before the ';', or write another character.",
  fix: 'headers',
  example: {
    dialect: 'ledger',
    invalid: "2024-01-01 Shop; with note\n    a  1\n    b\n",
    valid: "2024-01-01 Shop  ; with note\n    a  1\n    b\n",
  },
})
