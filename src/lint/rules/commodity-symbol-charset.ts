/**
 * Lint rule `commodity-symbol-charset`: A commodity symbol hledger reads only in quotes.
 */
import { defineRule } from '../rule.js'

/** A commodity symbol hledger reads only in quotes. */
export const commoditySymbolCharset = defineRule({
  id: "commodity-symbol-charset",
  breaks: ['hledger'],
  kind: 'rejected',
  severity: 'error',
  message: "A commodity symbol hledger reads only in quotes",
  why: "ledger accepts more characters in an unquoted commodity symbol than hledger.",
  advice: "Quote the symbol.",
  fix: 'unsupported-directives',
  example: {
    dialect: 'ledger',
    invalid: "commodity EUR1\n",
    valid: "commodity \"EUR1\"\n",
  },
})
