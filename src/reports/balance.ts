/**
 * The balance report: each account's total, flat or as a tree.
 *
 * Flat: one row per account with postings (exclusive totals, as hledger's
 * `bal --flat`). Tree: every account with its subaccounts' totals included,
 * indented by depth, parents that hold only one child folded into it (as
 * both tools show `assets:bank:checking` on one line). `depth` clips names
 * and sums deeper accounts into their ancestor at that depth.
 */
import { MixedAmount, type SimpleAmount } from '../semantics/amount.js'
import { ExactSum } from '../semantics/exact-sum.js'
import type { ResolvedJournal } from '../semantics/model.js'
import type { PostingFilter } from './filter.js'

/** One row of a balance report. */
export interface BalanceRow {
  /** Full account name. */
  account: string
  /** The name to show (tree mode: the part below the parent row). */
  label: string
  /** Tree indentation level (0 in flat mode). */
  indent: number
  amounts: SimpleAmount[]
}

/** A balance report. */
export interface BalanceReport {
  rows: BalanceRow[]
  total: SimpleAmount[]
}

/** Options for {@link balanceReport}. */
export interface BalanceOptions {
  filter?: PostingFilter
  tree?: boolean
  depth?: number
  /** Keep accounts whose total is zero. */
  empty?: boolean
  /**
   * hledger's order: at each level, declared accounts first in declaration
   * order, then the rest alphabetically. Without it, alphabetical (ledger).
   */
  declared?: readonly string[]
}

function clip(account: string, depth: number | undefined): string {
  if (depth === undefined) return account
  return account.split(':').slice(0, Math.max(1, depth)).join(':')
}

/** Compute a balance report. */
export function balanceReport(journal: ResolvedJournal, options: BalanceOptions = {}): BalanceReport {
  // Most accounts hold one commodity: sum those without a map per account.
  const sums = new Map<string, AccountSum>()
  const filter = options.filter
  const depth = options.depth
  for (const t of journal.transactions) {
    for (const p of t.postings) {
      if (!p.amount || (filter && !filter(p, t))) continue
      const key = depth === undefined ? p.account : clip(p.account, depth)
      let acc = sums.get(key)
      for (const a of p.amount) {
        if (!acc) {
          acc = { commodity: a.commodity, sum: new ExactSum().add(a.quantity), others: undefined }
          sums.set(key, acc)
        } else if (acc.commodity === a.commodity) {
          acc.sum.add(a.quantity)
        } else {
          (acc.others ??= new MixedAmount()).add(a)
        }
      }
    }
  }
  const own = new Map<string, MixedAmount>()
  const total = new MixedAmount()
  for (const [account, acc] of sums) {
    const m = MixedAmount.of({ commodity: acc.commodity, quantity: acc.sum.value() })
    if (acc.others) m.addMixed(acc.others)
    own.set(account, m)
    total.addMixed(m)
  }
  const order = accountOrder(options.declared)
  const rows: BalanceRow[] = options.tree ? treeRows(own, options.empty === true, order) : flatRows(own, options.empty === true, order)
  return { rows, total: total.amounts() }
}

interface AccountSum {
  commodity: string
  sum: ExactSum
  others: MixedAmount | undefined
}

type Order = (a: string, b: string) => number

/** Compare account names as the report lists them (see {@link BalanceOptions.declared}). */
export function accountOrder(declared: readonly string[] | undefined): Order {
  const alphabetical: Order = (a, b) => (a < b ? -1 : a > b ? 1 : 0)
  if (!declared?.length) return alphabetical
  const index = new Map<string, number>()
  declared.forEach((name, i) => {
    if (!index.has(name)) index.set(name, i)
  })
  return (a, b) => {
    const pa = a.split(':')
    const pb = b.split(':')
    for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
      if (pa[i] === pb[i]) continue
      const ia = index.get(pa.slice(0, i + 1).join(':')) ?? Infinity
      const ib = index.get(pb.slice(0, i + 1).join(':')) ?? Infinity
      if (ia !== ib) return ia - ib
      return alphabetical(pa[i] as string, pb[i] as string)
    }
    return pa.length - pb.length
  }
}

function flatRows(own: Map<string, MixedAmount>, empty: boolean, order: Order): BalanceRow[] {
  return [...own.keys()].sort(order).flatMap((account) => {
    const amounts = (own.get(account) as MixedAmount).amounts()
    return amounts.length || empty ? [{ account, label: account, indent: 0, amounts }] : []
  })
}

function treeRows(own: Map<string, MixedAmount>, empty: boolean, order: Order): BalanceRow[] {
  const inclusive = new Map<string, MixedAmount>()
  const children = new Map<string, Set<string>>()
  for (const [account, m] of own) {
    const parts = account.split(':')
    for (let i = 1; i <= parts.length; i++) {
      const name = parts.slice(0, i).join(':')
      let inc = inclusive.get(name)
      if (!inc) {
        inc = new MixedAmount()
        inclusive.set(name, inc)
      }
      inc.addMixed(m)
      const parent = i > 1 ? parts.slice(0, i - 1).join(':') : ''
      let set = children.get(parent)
      if (!set) {
        set = new Set()
        children.set(parent, set)
      }
      set.add(name)
    }
  }
  const rows: BalanceRow[] = []
  // an account shows when its total is not zero, or when one of its subaccounts shows (both tools)
  const shown = new Map<string, boolean>()
  const visible = (name: string): boolean => {
    let v = shown.get(name)
    if (v === undefined) {
      v = empty || !(inclusive.get(name) as MixedAmount).isZero() || [...(children.get(name) ?? [])].some(visible)
      shown.set(name, v)
    }
    return v
  }
  const walk = (parent: string, indent: number, prefix: string): void => {
    for (const name of [...(children.get(parent) ?? [])].sort(order)) {
      if (!visible(name)) continue
      const kids = [...(children.get(name) ?? [])].filter(visible)
      const label = prefix + name.slice(parent ? parent.length + 1 : 0)
      // fold a parent without postings of its own into its only child
      if (kids.length === 1 && !own.has(name)) {
        walkFolded(name, indent, label + ':')
        continue
      }
      rows.push({ account: name, label, indent, amounts: (inclusive.get(name) as MixedAmount).amounts() })
      walk(name, indent + 1, '')
    }
  }
  const walkFolded = (name: string, indent: number, prefix: string): void => {
    const kid = [...(children.get(name) ?? [])].filter(visible)[0] as string
    const kids = [...(children.get(kid) ?? [])].filter(visible)
    const label = prefix + kid.slice(name.length + 1)
    if (kids.length === 1 && !own.has(kid)) {
      walkFolded(kid, indent, label + ':')
      return
    }
    rows.push({ account: kid, label, indent, amounts: (inclusive.get(kid) as MixedAmount).amounts() })
    walk(kid, indent + 1, '')
  }
  walk('', 0, '')
  return rows
}
