/**
 * Account names as each tool resolves them: `apply account` prefixes and
 * aliases (dialects.md §2.I2, §2.I3).
 *
 * - ledger 3.3 (`journal_t::expand_aliases`): an alias matches the whole name
 *   exactly, or else its first segment; only one alias applies; regex aliases
 *   do not exist (`/re/` is a literal name); aliases are global and outlive
 *   the included file that defines them; an account's `alias X` sub-directive
 *   makes X mean that account.
 * - hledger 1.25: plain aliases match the whole name or a prefix ending at a
 *   colon, regex aliases (`/re/`) match anywhere (case-insensitively) with
 *   `\1` back-references; every matching alias applies, most recent first;
 *   aliases end with their file and `end aliases`.
 * `apply account P` prefixes names with `P:`; nested blocks concatenate.
 */
import type { Dialect } from '../ast.js'

/** One alias definition. */
export interface AliasRule {
  from: string
  to: string
  regex?: RegExp
}

/**
 * Apply aliases to an account name as `dialect` does. `rules` are in
 * definition order.
 */
export function applyAliases(name: string, rules: readonly AliasRule[], dialect: Dialect): string {
  if (rules.length === 0) return name
  if (dialect === 'ledger') {
    for (let i = rules.length - 1; i >= 0; i--) {
      const r = rules[i] as AliasRule
      if (r.from === name) return r.to
    }
    const colon = name.indexOf(':')
    if (colon > 0) {
      const first = name.slice(0, colon)
      for (let i = rules.length - 1; i >= 0; i--) {
        const r = rules[i] as AliasRule
        if (r.from === first) return r.to + name.slice(colon)
      }
    }
    return name
  }
  let out = name
  for (let i = rules.length - 1; i >= 0; i--) {
    const r = rules[i] as AliasRule
    if (r.regex) {
      // hledger replaces every match
      if (r.regex.test(out)) out = out.replace(new RegExp(r.regex.source, 'gi'), hledgerReplacement(r.to))
    } else if (out === r.from) out = r.to
    else if (out.startsWith(r.from + ':')) out = r.to + out.slice(r.from.length)
  }
  return out
}

/** hledger writes back-references as `\1`; JavaScript as `$1`. */
function hledgerReplacement(to: string): string {
  return to.replace(/\$/g, '$$$$').replace(/\\(\d)/g, '$$$1')
}

/** Make an alias rule from `alias` arguments (regex only for hledger). */
export function aliasRule(from: string, to: string, dialect: Dialect): AliasRule | { error: string } {
  if (dialect === 'hledger' && from.length > 1 && from.startsWith('/') && from.endsWith('/')) {
    try {
      return { from, to, regex: new RegExp(from.slice(1, -1), 'i') }
    } catch (err) {
      return { error: `this regular expression could not be compiled: ${from.slice(1, -1)} (${err instanceof Error ? err.message : String(err)})` }
    }
  }
  return { from, to }
}

/** Join `apply account` prefixes and a name. */
export function withPrefix(prefixes: readonly string[], name: string): string {
  return prefixes.length === 0 ? name : `${prefixes.join(':')}:${name}`
}

/** The account name written inside a ledger name: ledger drops empty segments (`:a`, `a::b`). */
export function normaliseLedgerName(name: string): string {
  if (name.indexOf('::') < 0 && !name.startsWith(':')) return name
  const parts = name.split(':')
  const last = parts.length - 1
  return parts.filter((p, i) => p !== '' || i === last).join(':')
}

/** hledger joins single blanks inside an account name into one space. */
export function normaliseHledgerName(name: string): string {
  return /[\t\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000\v\f]/.test(name) ? name.replace(/[\t\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000\v\f]/g, ' ') : name
}

/**
 * hledger 1.25 strips matching outer brackets from a posting's account more
 * than once: the parser takes one pair (the posting type) and the name is
 * unbracketed twice more (observed: `[([(a)])]` is account `(a)`, `((a))` is `a`).
 */
export function unbracketHledger(name: string): string {
  let out = name
  for (let i = 0; i < 2; i++) {
    if (out.length >= 2 && ((out[0] === '(' && out[out.length - 1] === ')') || (out[0] === '[' && out[out.length - 1] === ']'))) out = out.slice(1, -1)
    else break
  }
  return out
}
