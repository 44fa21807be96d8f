/**
 * Lint rule `forecast-semantics`: A periodic transaction: the tools make budgets and forecasts from it by different rules.
 */
import { defineRule } from '../rule.js'

/** A periodic transaction: the tools make budgets and forecasts from it by different rules. */
export const forecastSemantics = defineRule({
  id: "forecast-semantics",
  breaks: ['ledger', 'hledger'],
  kind: 'none',
  severity: 'info',
  message: "A periodic transaction: the tools make budgets and forecasts from it by different rules",
  why: "ledger uses `~` rules for --budget and --forecast; hledger for --budget and --forecast too, but with its own period semantics (start dates, intervals, what counts as past).",
  advice: "Nothing to do for balances; compare budget and forecast reports by hand.",
  example: {
    dialect: 'ledger',
    invalid: "~ monthly\n    expenses:rent  $500\n    assets\n2024-01-01 x\n    a  1\n    b\n",
    valid: "2024-01-01 x\n    a  1\n    b\n",
  },
})
