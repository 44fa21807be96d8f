/**
 * ledger → hledger: entries and their headers.
 *
 * - Entries ledger reads but drops (a repeated `UUID:`, an entry of
 *   amountless virtual postings only) are kept as comments (row 24).
 * - A code written right after the status (`*(42)`) gets a blank before it,
 *   which hledger needs to read it as a code (row 7).
 * - A `;` in a description that ledger keeps (fewer than two blanks before
 *   it) is written as `,`: hledger would start a comment there (row 9).
 * - `= 0` without a commodity asks ledger for every commodity to be zero;
 *   hledger's `== 0` does the same (row 69).
 */
import { amount as amountNode } from '../../build.js'
import type { ResolvedTransaction } from '../../semantics/model.js'
import { defineTransform } from '../types.js'
import { commentOutEntries, postingsOf, transactionsOf } from '../util.js'

/** Transform: keep entries the source tool ignores as comments. */
export const droppedEntries = defineTransform({
  name: 'dropped-entries',
  description: 'Keep entries the source tool ignores as comments',
  from: 'ledger',
  to: 'hledger',
  run(ctx) {
    commentOutEntries(ctx, (e) => {
      if (e.type !== 'transaction' || !e.span || ctx.source.transactionOf(e)) return undefined
      const uuid = /(?:^|[ \t])UUID:[ \t]*(\S+)/i.exec([e.comment?.text ?? '', ...e.children.map((l) => (l.type === 'comment' ? l.text : ''))].join('\n'))
      return uuid
        ? { severity: 'warning', code: 'uuid-duplicate', message: `Entry kept as a comment: ${ctx.from} reads only the first entry with UUID ${uuid[1]}` }
        : { severity: 'warning', code: 'dropped-entry', message: `Entry kept as a comment: ${ctx.from} ignores it` }
    })
  },
})

/** Transform: write entry headers so hledger reads the same code and description. */
export const headers = defineTransform({
  name: 'headers',
  description: 'Write entry headers so hledger reads the same code and description',
  from: 'ledger',
  to: 'hledger',
  run(ctx) {
    for (const t of transactionsOf(ctx.journal)) {
      if (t.code !== undefined && t.raws.beforeCode === '') {
        t.raws.beforeCode = ' '
        ctx.report({ severity: 'info', code: 'code-without-space', message: `A blank written before the code (${t.code}): hledger reads a code only after a blank`, node: t })
      }
      if (t.description.includes('|')) {
        ctx.report({ severity: 'info', code: 'payee-note-pipe', message: "hledger reads the part of the description before '|' as the payee and the rest as a note (ledger's payee is the whole description)", node: t })
      }
      if (t.description.includes(';')) {
        ctx.report({ severity: 'warning', code: 'semicolon-in-description', message: `';' in the description written as ',': hledger would start a comment there`, node: t })
        t.description = t.description.replace(/;/g, ',')
      }
    }
  },
})

/** Transform: write ledger's '= 0' (every commodity zero) as hledger's '== 0'. */
export const zeroAssertions = defineTransform({
  name: 'zero-assertions',
  description: "Write ledger's '= 0' (every commodity zero) as hledger's '== 0'",
  from: 'ledger',
  to: 'hledger',
  run(ctx) {
    let held: Map<string, Set<string>> | undefined
    for (const { posting: p } of postingsOf(ctx.journal)) {
      const a = p.assertion
      if (!a || a.op !== '=' || a.amount.type !== 'amount' || a.amount.commodity !== '' || !a.amount.quantity.isZero()) continue
      held ??= commoditiesByAccount(ctx.source.resolved.transactions)
      const account = ctx.source.postingOf(p)?.account
      const only = account !== undefined ? [...(held.get(account) ?? [])] : []
      if (only.length === 1 && only[0] !== '') {
        // the account only ever holds one commodity: '= 0 C' says the same to both tools (and stays ledger syntax)
        const commodity = only[0] as string
        const side = ctx.source.resolved.commodities.get(commodity)?.side
        a.amount = amountNode('0', commodity, side ? { side } : {})
        ctx.report({ severity: 'info', code: 'assertion-zero-all-commodities', message: `'= 0' written as '= ${side === 'left' ? `${commodity}0` : `0 ${commodity}`}': ledger checks that every commodity is zero, hledger's '=' only the commodity-less amount; the account holds only ${commodity}`, node: a })
        continue
      }
      a.op = '=='
      ctx.report({ severity: 'info', code: 'assertion-zero-all-commodities', message: "'= 0' written as '== 0': ledger checks that every commodity is zero, hledger's '=' only the commodity-less amount", node: a })
    }
  },
})

/** The commodities each account is posted in, over the whole journal. */
function commoditiesByAccount(transactions: readonly ResolvedTransaction[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>()
  for (const t of transactions) {
    for (const p of t.postings) {
      let set = out.get(p.account)
      if (!set) out.set(p.account, (set = new Set()))
      for (const a of p.amount ?? []) set.add(a.commodity)
    }
  }
  return out
}
