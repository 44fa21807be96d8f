/**
 * Lint rule `dropped-entry`: An entry ledger ignores is read by hledger.
 */
import { defineRule } from '../rule.js'

/** An entry ledger ignores is read by hledger. */
export const droppedEntry = defineRule({
  id: "dropped-entry",
  breaks: ['hledger'],
  kind: 'silent',
  severity: 'error',
  message: "An entry ledger ignores is read by hledger",
  why: "Some entries are read by ledger but do not count (for example an entry whose postings all vanish); hledger counts them.",
  advice: "Remove or fix the entry.",
  fix: 'dropped-entries',
})
