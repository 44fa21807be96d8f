/**
 * Lint rule `ambiguous-thousands`: A number like '1,000' with no declared style: the tools may read the mark differently.
 */
import { defineRule } from '../rule.js'

/** A number like '1,000' with no declared style: the tools may read the mark differently. */
export const ambiguousThousands = defineRule({
  id: "ambiguous-thousands",
  breaks: ['hledger'],
  kind: 'silent',
  severity: 'error',
  message: "A number like '1,000' with no declared style: the tools may read the mark differently",
  why: "With one ',' (or '.') followed by three digits and no commodity style, ledger reads a digit group mark and hledger may read a decimal mark (or the reverse).",
  advice: "Write the number unambiguously or declare the commodity's format.",
  fix: 'numbers',
  example: {
    dialect: 'ledger',
    invalid: "2024-01-01 x\n    a  1,000 EUR\n    b\n",
    valid: "2024-01-01 x\n    a  1000 EUR\n    b\n",
  },
})
