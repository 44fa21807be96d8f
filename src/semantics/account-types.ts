/**
 * hledger 1.25's account types, for `type:` queries: declared with an
 * account directive's `type:` tag (A, L, E, R, X, C, V or the names), passed
 * down to subaccounts that declare none, and otherwise inferred from the
 * top-level name (`assets`, `liabilities`/`debts`, `equity`, `revenues`/
 * `income`, `expenses`; cash-like asset names are Cash, `equity:conversion`
 * and the like Conversion).
 */

/** One-letter account type codes: Asset, Liability, Equity, Revenue, eXpense, Cash, conVersion. */
export type AccountTypeCode = 'A' | 'L' | 'E' | 'R' | 'X' | 'C' | 'V'

const NAMES: Readonly<Record<string, AccountTypeCode>> = {
  a: 'A', asset: 'A', l: 'L', liability: 'L', e: 'E', equity: 'E', r: 'R', revenue: 'R',
  x: 'X', expense: 'X', c: 'C', cash: 'C', v: 'V', conversion: 'V',
}

const INFERRED: ReadonlyArray<[RegExp, AccountTypeCode]> = [
  [/^assets?(:.+)?:(cash|bank|che(ck|que?)(ing)?|savings?|current)(:|$)/i, 'C'],
  [/^assets?(:|$)/i, 'A'],
  [/^(debts?|liabilit(y|ies))(:|$)/i, 'L'],
  [/^equity:(trade|trades|trading|conversion)(:|$)/i, 'V'],
  [/^equity(:|$)/i, 'E'],
  [/^(income|revenue)s?(:|$)/i, 'R'],
  [/^expenses?(:|$)/i, 'X'],
]

/** The type code a `type:` tag value names, if hledger 1.25 accepts it. */
export function accountTypeCode(value: string): AccountTypeCode | undefined {
  return NAMES[value.trim().toLowerCase()]
}

/** The account types of one journal. */
export class AccountTypes {
  private readonly declared = new Map<string, AccountTypeCode>()
  private readonly cache = new Map<string, AccountTypeCode | undefined>()

  /** Record `account NAME ; type: X`. */
  declare(account: string, code: AccountTypeCode): void {
    this.declared.set(account, code)
    this.cache.clear()
  }

  /** Whether any type was declared (inference applies either way). */
  get size(): number {
    return this.declared.size
  }

  /** The account's type: its own or its nearest ancestor's declaration, else inferred from its name. */
  typeOf(account: string): AccountTypeCode | undefined {
    if (this.cache.has(account)) return this.cache.get(account)
    let found: AccountTypeCode | undefined
    for (let name = account; ; ) {
      const code = this.declared.get(name)
      if (code) {
        found = code
        break
      }
      const colon = name.lastIndexOf(':')
      if (colon < 0) break
      name = name.slice(0, colon)
    }
    if (!found) for (const [re, code] of INFERRED) if (re.test(account)) {
      found = code
      break
    }
    this.cache.set(account, found)
    return found
  }
}

/** Whether an account of type `actual` matches a `type:` query for `wanted` (Cash and Conversion are kinds of Asset and Equity). */
export function accountTypeMatches(wanted: AccountTypeCode, actual: AccountTypeCode | undefined): boolean {
  if (actual === undefined) return false
  return actual === wanted || (wanted === 'A' && actual === 'C') || (wanted === 'E' && actual === 'V')
}
