/**
 * Balance assertions and assignments, as each tool checks them
 * (dialects.md §2.H).
 *
 * - ledger 3.3 checks while reading, in file order. The balance an assertion
 *   sees is the account's total (real postings only, for an assertion on a
 *   real posting) before this entry, plus the earlier postings of the same
 *   entry to the same account with the same virtuality. `= AMT` compares AMT's
 *   commodity; `= 0` without a commodity asks for every commodity to be zero.
 *   An assignment's amount is the difference.
 * - hledger 1.25 checks after reading, in date order (file order within a
 *   day), counting every posting. `=` compares one commodity of the account
 *   alone, `==` also wants no other commodity, `=*` and `==*` include
 *   subaccounts. Assignments are computed in the same pass, then the
 *   transaction is balanced.
 */
import type { Dialect } from '../ast.js'
import { MixedAmount, formatSimple, type SimpleAmount } from './amount.js'
import type { ResolvedPosting, ResolvedTransaction } from './model.js'

/** Running totals per account: all postings, and real postings only. */
export class RunningBalances {
  private readonly all = new Map<string, MixedAmount>()
  private readonly real = new Map<string, MixedAmount>()

  /** `trackReal` false: keep no separate real-only totals (hledger never asks for them). */
  constructor(private readonly trackReal = true) {}

  /** Add a posting's amount. */
  add(p: ResolvedPosting): void {
    if (!p.amount) return
    const all = bucket(this.all, p.account)
    const real = this.trackReal && p.kind === 'real' ? bucket(this.real, p.account) : undefined
    for (const a of p.amount) {
      all.add(a)
      real?.add(a)
    }
  }

  /** An account's balance (a copy). */
  balance(account: string, realOnly = false): MixedAmount {
    return ((realOnly ? this.real : this.all).get(account) ?? new MixedAmount()).clone()
  }

  /** An account's balance including its subaccounts. */
  inclusive(account: string): MixedAmount {
    const total = new MixedAmount()
    const prefix = account + ':'
    for (const [name, m] of this.all) if (name === account || name.startsWith(prefix)) total.addMixed(m)
    return total
  }
}

function bucket(map: Map<string, MixedAmount>, key: string): MixedAmount {
  let m = map.get(key)
  if (!m) {
    m = new MixedAmount()
    map.set(key, m)
  }
  return m
}

function offBy(diff: MixedAmount, expected: SimpleAmount[]): string {
  return `Balance assertion off by ${diff.toString()} (expected to see ${expected.map(formatSimple).join(', ') || '0'})`
}

/**
 * ledger: check and apply the assertions and assignments of one entry, in
 * posting order, before the entry is balanced. Reports each failure.
 */
export function ledgerAssertionsAtParse(t: ResolvedTransaction, running: RunningBalances, fail: (message: string, p: ResolvedPosting) => void): void {
  for (let i = 0; i < t.postings.length; i++) {
    const p = t.postings[i] as ResolvedPosting
    const a = p.assertion
    if (!a) continue
    const realOnly = p.kind === 'real'
    // An annotated asserted amount (`= 1 X {=$2}`) is looked up in an annotated commodity
    // no total has: ledger then sees an expectation of zero (observed: "off by -1.00 XXX").
    const ignoresBalance = a.annotated === true && !p.amount
    const diff = a.annotated && p.amount ? new MixedAmount() : MixedAmount.of(a.amount)
    if (!ignoresBalance) diff.addMixed(running.balance(p.account, realOnly).negated())
    for (let j = 0; j < i && !ignoresBalance; j++) {
      const q = t.postings[j] as ResolvedPosting
      if (q.account === p.account && (q.kind === 'real') === realOnly && q.amount) for (const x of q.amount) diff.subtract(x)
    }
    const target = a.amount.commodity === '' && a.amount.quantity.isZero() ? diff : MixedAmount.of({ commodity: a.amount.commodity, quantity: diff.get(a.amount.commodity) })
    if (!p.amount) {
      a.passed = true
      if (!target.isZero()) {
        const parts = target.amounts()
        p.amount = parts.length === 1 ? parts : [parts[0] as SimpleAmount]
        p.inferred = true
      } else p.amount = [{ commodity: a.amount.commodity, quantity: target.get(a.amount.commodity) }]
      continue
    }
    // ledger subtracts the whole posting amount, other commodities included (observed)
    for (const x of p.amount) target.subtract(x)
    a.passed = target.isZero()
    if (!a.passed) fail(offBy(target, [a.amount]), p)
  }
}

/**
 * hledger: walk transactions in date order (stable), computing assignments,
 * balancing transactions that have them (`balance`), and checking every
 * assertion against the running totals. Reports each failure.
 */
export function checkAssertions(
  transactions: readonly ResolvedTransaction[],
  dialect: Dialect,
  balance: (t: ResolvedTransaction) => void,
  fail: (message: string, t: ResolvedTransaction, p: ResolvedPosting) => void,
): void {
  // Only accounts that carry assertions or assignments need running totals
  // (with their parents, for subaccount-inclusive ones); nothing to do without any.
  const watched = new Set<string>()
  let inclusive = false
  let postingDates = false
  for (const t of transactions) {
    for (const p of t.postings) {
      if (p.assertion) {
        watched.add(p.account)
        if (p.assertion.op.endsWith('*')) inclusive = true
      }
      if (p.date !== undefined && p.date !== t.date) postingDates = true
    }
  }
  if (watched.size === 0) return
  const running = new RunningBalances(false)
  const track = (p: ResolvedPosting): boolean => inclusive || watched.has(p.account)
  // Postings in date order (a posting's own date counts), then file order:
  // sorted one by one when postings have their own dates, else by transaction.
  const items: Array<{ t: ResolvedTransaction; p: ResolvedPosting }> = []
  let order: readonly ResolvedTransaction[] | undefined
  if (postingDates) {
    const keyed: Array<{ date: string; ti: number; pi: number; t: ResolvedTransaction; p: ResolvedPosting }> = []
    transactions.forEach((t, ti) => t.postings.forEach((p, pi) => keyed.push({ date: p.date ?? t.date, ti, pi, t, p })))
    keyed.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : x.ti - y.ti || x.pi - y.pi))
    for (const k of keyed) items.push(k)
  } else {
    let sorted = true
    for (let i = 1; i < transactions.length && sorted; i++) if ((transactions[i] as ResolvedTransaction).date < (transactions[i - 1] as ResolvedTransaction).date) sorted = false
    order = sorted ? transactions : transactions.map((t, i) => ({ t, i })).sort((x, y) => (x.t.date < y.t.date ? -1 : x.t.date > y.t.date ? 1 : x.i - y.i)).map((x) => x.t)
  }
  let lastTransaction: ResolvedTransaction | undefined
  const visit = (t: ResolvedTransaction, p: ResolvedPosting): void => {
    if (t !== lastTransaction) {
      lastTransaction = t
      // (with posting dates a transaction's postings may come apart: assign once)
      if (t.postings.some((q) => q.assertion?.assignment && !q.amount)) {
        assignAmounts(t, running)
        balance(t)
      }
    }
    if (track(p)) running.add(p)
    const a = p.assertion
    // an assignment made its own amount; hledger does not check it again
    if (!a || dialect !== 'hledger' || a.assignment) return
    const actual = a.op.endsWith('*') ? running.inclusive(p.account) : running.balance(p.account)
    const got = actual.get(a.amount.commodity)
    let ok = got.equals(a.amount.quantity)
    if (ok && a.op.startsWith('==')) ok = actual.commodities().every((c) => c === a.amount.commodity)
    a.passed = ok
    a.actual = actual.amounts()
    if (!ok) {
      const message = got.equals(a.amount.quantity)
        ? `balance assertion: ${p.account} has other commodities than ${a.amount.commodity || 'the asserted one'}: ${actual.toString()}`
        : `balance assertion: ${p.account} ${a.amount.commodity} asserted ${formatSimple(a.amount)}, actual ${formatSimple({ commodity: a.amount.commodity, quantity: got })}, difference ${a.amount.quantity.minus(got).toFixed()}`
      fail(message, t, p)
    }
  }
  if (order) {
    for (const t of order) for (const p of t.postings) if (p.assertion || track(p)) visit(t, p)
  } else {
    for (const { t, p } of items) visit(t, p)
  }
}

/** hledger: give each assignment posting the amount that makes its assertion true. */
function assignAmounts(t: ResolvedTransaction, running: RunningBalances): void {
  const pending = new RunningBalances()
  for (const p of t.postings) {
    const a = p.assertion
    if (a?.assignment && !p.amount) {
      const current = (a.op.endsWith('*') ? running.inclusive(p.account) : running.balance(p.account)).addMixed(pendingFor(pending, p.account, a.op))
      const have = current.get(a.amount.commodity)
      // With a cost, hledger keeps the asserted amount (carrying the cost) and
      // the amount that cancels the old balance as two parts.
      const amount: SimpleAmount[] = a.cost
        ? [{ commodity: a.amount.commodity, quantity: a.amount.quantity }, ...(have.isZero() ? [] : [{ commodity: a.amount.commodity, quantity: have.negated() }])]
        : [{ commodity: a.amount.commodity, quantity: a.amount.quantity.minus(have) }]
      if (a.cost) p.cost = a.cost
      // `==` also clears every other commodity
      if (a.op.startsWith('==')) {
        for (const other of current.amounts()) if (other.commodity !== a.amount.commodity) amount.push({ commodity: other.commodity, quantity: other.quantity.negated() })
      }
      p.amount = amount
      p.inferred = true
    }
    pending.add(p)
  }
}

function pendingFor(pending: RunningBalances, account: string, op: string): MixedAmount {
  return op.endsWith('*') ? pending.inclusive(account) : pending.balance(account)
}
