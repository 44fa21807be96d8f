/**
 * ledger → hledger: timeclock lines in a journal (row 113). hledger reads
 * clock-in/clock-out lines only from a `.timeclock` file, and counts hours
 * rounded to two decimals where ledger counts seconds. Each session is
 * written as the transaction ledger makes of it, at its clock-out line: a
 * virtual posting of the time to the account, in hours when that is exact to
 * the hundredth, else in seconds (`s`). The clock lines are kept as comments.
 */
import { Decimal } from 'decimal.js'
import type { Entry, TimeclockEntry } from '../../ast.js'
import { amount as amountNode, blank, posting, transaction } from '../../build.js'
import type { ResolvedTransaction } from '../../semantics/model.js'
import { defineTransform } from '../types.js'
import { commentOutEntry } from '../util.js'

/** Transform: write timeclock sessions as the transactions the source tool makes of them. */
export const timeclock = defineTransform({
  name: 'timeclock',
  description: 'Write timeclock sessions as the transactions the source tool makes of them',
  from: 'ledger',
  to: 'hledger',
  run(ctx) {
    if (!ctx.journal.children.some((e) => e.type === 'timeclock')) return
    // (hledger makes one transaction per day a session spans)
    const sessions = new Map<TimeclockEntry, ResolvedTransaction[]>()
    for (const t of ctx.source.resolved.transactions) {
      if (!t.clock) continue
      const list = sessions.get(t.clock.out)
      if (list) list.push(t)
      else sessions.set(t.clock.out, [t])
    }
    const mine = [...sessions.values()].flat().filter((t) => ctx.journal.children.includes(t.clock?.out as Entry))
    // ledger counts seconds (written in hours when exact to the hundredth); hledger hours already
    const unit = mine[0]?.postings[0]?.amount?.[0]?.commodity ?? 's'
    const seconds = (t: ResolvedTransaction): Decimal => {
      const a = t.postings[0]?.amount?.[0]
      return a ? (a.commodity === 'h' ? a.quantity.times(3600) : a.quantity) : new Decimal(0)
    }
    const inHours = unit === 'h' || mine.every((t) => seconds(t).modulo(36).isZero())
    const out: Entry[] = []
    for (const e of ctx.journal.children) {
      if (e.type !== 'timeclock') {
        out.push(e)
        continue
      }
      for (const c of commentOutEntry(e, ctx.journal)) out.push(c)
      for (const t of sessions.get(e) ?? []) {
        const p = t.postings[0]
        if (!p) continue
        const q = seconds(t)
        const value = inHours ? amountNode(q.dividedBy(3600).toDecimalPlaces(2), 'h', { side: 'right' }) : amountNode(q, 's', { side: 'right' })
        out.push(transaction({ date: t.date, description: t.description, ...(t.status ? { status: t.status } : {}), postings: [posting(p.account, value, { kind: 'virtual' })] }))
        out.push(blank())
        ctx.report({ severity: 'info', code: 'timeclock-in-journal', message: `Timeclock session written as a transaction of ${inHours ? `${q.dividedBy(3600).toFixed(2)}h` : `${q.toString()}s`} to (${p.account}) on ${t.date}, as ${ctx.from} counts it`, node: e })
      }
    }
    ctx.journal.children = out
  },
})
