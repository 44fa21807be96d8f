/**
 * Matching automated-transaction rules against postings.
 *
 * (Interim: account regexes, ledger `@payee`, `not`; replaced by the full
 * query languages in query.ts.)
 */
import type { Dialect } from '../ast.js'
import type { ResolvedPosting, ResolvedTransaction } from './model.js'

/** Whether a rule matches one posting of a transaction. */
export type RuleMatcher = (p: ResolvedPosting, t: ResolvedTransaction) => boolean

/** Compile a rule's query text in a dialect's query language. */
export function compileRuleQuery(text: string, dialect: Dialect): { matches: RuleMatcher; error?: string } {
  const words = text.trim().split(/\s+/).filter((w) => w !== '')
  const tests: RuleMatcher[] = []
  let error: string | undefined
  for (const word of words) {
    if (word === 'and' || word === 'or') continue
    let field: 'account' | 'payee' = 'account'
    let pattern = word
    if (dialect === 'ledger' && word.startsWith('@')) {
      field = 'payee'
      pattern = word.slice(1)
    } else if (dialect === 'hledger' && word.startsWith('acct:')) pattern = word.slice(5)
    else if (dialect === 'hledger' && (word.startsWith('desc:') || word.startsWith('payee:'))) {
      field = 'payee'
      pattern = word.slice(word.indexOf(':') + 1)
    }
    if (pattern.startsWith('/') && pattern.endsWith('/') && pattern.length > 1 && dialect === 'ledger') pattern = pattern.slice(1, -1)
    try {
      const re = new RegExp(pattern, 'i')
      tests.push(field === 'account' ? (p) => re.test(p.account) : (_p, t) => re.test(t.payee))
    } catch {
      error = `this regular expression could not be compiled: ${pattern}`
    }
  }
  const matches: RuleMatcher = tests.length ? (p, t) => tests.some((f) => f(p, t)) : () => dialect === 'hledger'
  return error ? { matches, error } : { matches }
}
