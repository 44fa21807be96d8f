/**
 * Lint rule `d-directive`: A 'D' directive: the tools give bare numbers different commodities or styles.
 */
import { defineRule } from '../rule.js'

/** A 'D' directive: the tools give bare numbers different commodities or styles. */
export const dDirective = defineRule({
  id: "d-directive",
  breaks: ['ledger', 'hledger'],
  kind: 'silent',
  severity: 'error',
  message: "A 'D' directive: the tools give bare numbers different commodities or styles",
  why: "ledger's `D` sets the default commodity for display; hledger's gives bare numbers that commodity.",
  advice: "Write the commodity on every amount.",
  fix: 'unsupported-directives',
  example: {
    dialect: 'ledger',
    invalid: "D $1,000.00\n2024-01-01 x\n    a  1\n    b\n",
    valid: "2024-01-01 x\n    a  $1\n    b\n",
  },
})
