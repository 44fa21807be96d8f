/**
 * ledger → hledger: dates hledger reads differently or not at all.
 *
 * ledger's `--input-date-format` lets dates be written in any order and with
 * any separator (`12/1/14`, `2014:05:12`); hledger wants year-month-day with
 * a four-digit year. Every transaction date, secondary date and price date
 * whose text hledger would not read as ledger did is written from its value
 * (the journal's usual date style, else `YYYY-MM-DD`).
 */
import { readDate } from '../../dates.js'
import { priceArgs } from '../../directives.js'
import { defineTransform } from '../types.js'
import { transactionsOf } from '../util.js'

function hledgerReads(raw: string, value: string): boolean {
  const r = readDate(raw, 'hledger')
  return r.error === undefined && r.value === value
}

/** Transform: write dates hledger would not read as ledger did from their value. */
export const dates = defineTransform({
  name: 'dates',
  description: 'Write dates hledger would not read as ledger did from their value',
  from: 'ledger',
  to: 'hledger',
  run(ctx) {
    let rewritten = 0
    for (const t of transactionsOf(ctx.journal)) {
      const raw = t.raws.date
      if (raw && raw.value === t.date && t.date.length > 5 && !hledgerReads(raw.raw, raw.value)) {
        t.raws.date = undefined
        rewritten++
      }
      for (const line of t.children) {
        if (line.type !== 'posting') continue
        for (const part of line.lot ?? []) {
          if (part.type === 'lotDate' && part.raws.date && part.raws.date.value === part.date && !hledgerReads(part.raws.date.raw, part.date)) {
            part.raws.date = undefined as never
            delete part.raws.date
            rewritten++
          }
        }
      }
      const aux = t.raws.auxDate
      if (aux && t.auxDate !== undefined && aux.value === t.auxDate && t.auxDate.length > 5 && !hledgerReads(aux.raw, aux.value)) {
        t.raws.auxDate = undefined
        rewritten++
      }
    }
    for (const e of ctx.journal.children) {
      if (e.type !== 'directive' || e.name !== 'P') continue
      const p = priceArgs(e, 'ledger')
      const written = /^\s*(\S+)/.exec(e.args)?.[1]
      if (!p.date || !written || hledgerReads(written, p.date)) continue
      e.args = e.args.replace(written, p.date)
      rewritten++
    }
    if (rewritten) ctx.report({ severity: 'info', code: 'date-format', message: `${rewritten} date${rewritten === 1 ? '' : 's'} written as year-month-day: hledger would not read ${rewritten === 1 ? 'it' : 'them'} as written (ledger's input date format)` })
  },
})
