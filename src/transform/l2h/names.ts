/**
 * ledger → hledger: names ledger rewrites while reading.
 *
 * - Accounts (rows 79, 80, 83-87): ledger's aliases match differently
 *   (exact multi-segment names, one alias per name, in force across
 *   includes), and an account's `alias`/`payee` lines rename postings. Each
 *   posting is written with the account ledger gives it wherever hledger
 *   would arrive at another name, and ledger's `alias` directives become
 *   comments (hledger then applies none).
 * - Payees (row 101): a payee's `alias`/`uuid` lines rename entries; the
 *   description is written as ledger's payee.
 * - Commodities (rows 104, 106): amounts in a commodity's alias are written in
 *   the commodity; amounts in a unit that a `C` conversion reduces are written
 *   in the unit ledger computes with.
 */
import type { Directive, Journal } from '../../ast.js'
import { blank, directive } from '../../build.js'
import { commodityAliasArg } from '../../directives.js'
import { withPrefix } from '../../semantics/accounts.js'
import { defineTransform } from '../types.js'
import { amountsOf, commentOutEntries } from '../util.js'

/** Transform: write posting accounts as the source tool resolves them where the target would resolve them differently. */
export const accounts = defineTransform({
  name: 'accounts',
  description: 'Write posting accounts as the source tool resolves them where the target would resolve them differently',
  from: 'ledger',
  to: 'hledger',
  run(ctx) {
    const hasAliases = ctx.journal.children.some((e) => e.type === 'directive' && (e.name === 'alias' || e.name === 'end aliases'))
    // aliases this file defines, also under 'account' (ledger's alias sub-directive)
    const aliasesHere = hasAliases || ctx.journal.children.some((e) => e.type === 'directive' && e.name === 'account' && e.children.some((c) => c.type === 'subdirective' && c.keyword === 'alias'))
    const prefixes: string[] = ctx.inheritedApply.filter((a) => a.kind === 'account').map((a) => a.value)
    let renamed = 0
    const aliasDirectives = new Map<string, string>()
    for (const e of ctx.journal.children) {
      if (e.type === 'directive' && e.name === 'apply account') prefixes.push(e.args.replace(/^account[ \t]+/, '').trim())
      else if (e.type === 'directive' && e.name === 'end apply account') prefixes.pop()
      if (e.type !== 'transaction') continue
      for (const line of e.children) {
        if (line.type !== 'posting') continue
        const r = ctx.source.postingOf(line)
        if (!r) continue
        const hledgerReads = withPrefix(prefixes, line.account)
        if (hledgerReads === r.account) continue
        const prefix = prefixes.length ? `${prefixes.join(':')}:` : ''
        if (prefix && !r.account.startsWith(prefix)) {
          ctx.report({ severity: 'error', code: 'alias-scope-include', message: `Account ${r.account} (as ${ctx.from} reads ${line.account}) cannot be written inside 'apply account ${prefixes.join(':')}'`, node: line })
          continue
        }
        const target = r.account.slice(prefix.length)
        if (ctx.to === 'ledger' && !prefix && /^[[(].*[\])]$/.test(target) && unwrapsTo(line.account.trim(), target)) {
          // hledger strips brackets around the name until what is left, itself bracketed, is the account:
          // written as that account, hledger would strip it again. So the posting stays as written and an
          // `account` directive's alias (which only ledger reads) maps ledger's reading to the account
          const written = line.account.trim()
          if (!aliasDirectives.has(written)) aliasDirectives.set(written, target)
          ctx.report({ severity: 'info', code: 'account-name-brackets', message: `Account ${line.account} kept as written, with 'account ${target}' and its 'alias ${written}' so that ledger reads it as ${ctx.from} does`, node: line })
          continue
        }
        // no alias in this file: the rename comes from aliases another file left in force
        // hledger drops a further level of brackets or parentheses around an account name
        const unwrapped = /^[[(].*[\])]$/.test(line.account.trim()) && line.account.trim().slice(1, -1) === r.account.slice(prefix.length)
        const code = unwrapped ? 'account-name-brackets' : aliasesHere ? 'alias-directive' : 'alias-scope-include'
        ctx.report({ severity: 'info', code, message: `Account ${line.account} written as ${r.account.slice(prefix.length)}, as ${ctx.from} resolves it${code === 'alias-scope-include' ? ' (with aliases of another file)' : ''}`, node: line })
        line.account = r.account.slice(prefix.length)
        renamed++
      }
    }
    addAccountAliases(ctx.journal, aliasDirectives)
    if (!hasAliases) return
    const olds = ctx.journal.children.flatMap((e) => (e.type === 'directive' && e.name === 'alias' ? [e.args.split('=')[0]?.trim() ?? ''] : []))
    commentOutEntries(ctx, (e) => (e.type === 'directive' && (e.name === 'alias' || e.name === 'end aliases')
      ? { severity: 'info', code: e.name === 'alias' ? aliasKind(e.args, olds) : 'end-aliases', message: `'${e.keyword}${e.args ? ' ' + e.args : ''}' kept as a comment: the postings aliases rename are written with ${ctx.from}'s names` }
      : undefined))
    void renamed
  },
})

/** Whether stripping wrapping brackets or parentheses from `written` (one pair at a time) reaches `target`. */
function unwrapsTo(written: string, target: string): boolean {
  let s = written
  while (/^[[(].*[\])]$/.test(s) && s !== target) s = s.slice(1, -1)
  return s === target
}

/** Add `account TARGET` directives with `alias WRITTEN` at the top of the file, unless they are there already. */
function addAccountAliases(journal: Journal, aliases: ReadonlyMap<string, string>): void {
  if (aliases.size === 0) return
  const existing = new Set<string>()
  for (const e of journal.children) {
    if (e.type !== 'directive' || e.name !== 'account') continue
    for (const c of e.children) if (c.type === 'subdirective' && c.keyword === 'alias') existing.add(`${e.args.trim()}\u0000${c.args.trim()}`)
  }
  const added: Directive[] = []
  for (const [written, target] of aliases) {
    if (existing.has(`${target}\u0000${written}`)) continue
    const d = directive('account', target)
    d.raws = { afterKeyword: ' ', eol: '\n' }
    d.children.push({ type: 'subdirective', keyword: 'alias', args: written, raws: { indent: '    ', afterKeyword: ' ', eol: '\n' } })
    added.push(d)
  }
  if (added.length === 0) return
  const next = journal.children[0]
  journal.children.unshift(...added, ...(next && next.type !== 'blank' ? [blank()] : []))
}

/** Transform: write the payee ledger's payee rules give an entry as its description. */
export const payees = defineTransform({
  name: 'payees',
  description: "Write the payee ledger's payee rules give an entry as its description",
  from: 'ledger',
  to: 'hledger',
  run(ctx) {
    const rules = ctx.source.resolved.declaredPayees.length > 0
    if (!rules) return
    for (const e of ctx.journal.children) {
      if (e.type !== 'transaction') continue
      const r = ctx.source.transactionOf(e)
      if (!r || r.payee === e.description || r.payee === '<Unspecified payee>' || e.description === '') continue
      if (e.description.startsWith('(') && r.payee === e.description.slice(1)) continue
      ctx.report({ severity: 'info', code: 'payee-subdirective', message: `Description ${JSON.stringify(e.description)} written as ${JSON.stringify(r.payee)}, the payee ledger's payee rules give it`, node: e })
      e.description = r.payee
    }
  },
})

/** Transform: write amounts in commodity aliases and C-converted units as ledger computes them. */
export const commodityUnits = defineTransform({
  name: 'commodity-units',
  description: "Write amounts in commodity aliases and C-converted units as ledger computes them",
  from: 'ledger',
  to: 'hledger',
  run(ctx) {
    const aliases = new Map<string, string>()
    for (const e of ctx.journal.children) {
      if (e.type !== 'directive' || e.name !== 'commodity') continue
      const symbol = e.args.trim().replace(/^"|"$/g, '').split(/[ \t]/)[0] ?? ''
      for (const c of e.children) {
        const alias = c.type === 'subdirective' && c.keyword === 'alias' ? commodityAliasArg(c.args) : undefined
        if (alias !== undefined) aliases.set(alias, symbol)
      }
    }
    const conversions = new Map(ctx.source.resolved.conversions.filter((c) => c.smaller !== 's' && c.smaller !== 'm').map((c) => [c.larger, c]))
    if (aliases.size === 0 && conversions.size === 0) return
    for (const e of ctx.journal.children) {
      if (e.type !== 'transaction') continue
      for (const line of e.children) {
        if (line.type !== 'posting') continue
        const main = line.amount?.type === 'amount' ? line.amount : undefined
        const before = main?.quantity
        for (const a of amountsOf(line)) {
          const alias = aliases.get(a.commodity)
          if (alias !== undefined) {
            ctx.report({ severity: 'info', code: 'commodity-alias-subdirective', message: `Amount in ${a.commodity} written in ${alias}, the commodity it is an alias of`, node: a })
            a.commodity = alias
          }
          let steps = 0
          let c = conversions.get(a.commodity)
          while (c && steps++ < 10) {
            const from = a.commodity
            a.quantity = a.quantity.times(c.factor)
            a.commodity = c.smaller
            ctx.report({ severity: 'info', code: 'c-directive', message: `Amount in ${from} written in ${c.smaller}, the unit ledger computes with (hledger does not read C conversions)`, node: a })
            c = conversions.get(a.commodity)
          }
        }
        // the posting's amount now counts smaller units: a per-unit cost or lot price is per smaller unit too
        if (main && before && !before.isZero() && !main.quantity.equals(before)) {
          const factor = main.quantity.dividedBy(before)
          if (line.cost?.per === 'unit' && line.cost.amount.type === 'amount') line.cost.amount.quantity = line.cost.amount.quantity.dividedBy(factor)
          for (const part of line.lot ?? []) if (part.type === 'lotPrice' && part.per === 'unit' && part.amount.type === 'amount') part.amount.quantity = part.amount.quantity.dividedBy(factor)
        }
      }
    }
  },
})

/**
 * The lint rule for an alias directive: a regex alias, an alias of a
 * multi-segment name, one whose result another alias of the file rewrites,
 * or a plain one (written out all the same).
 */
function aliasKind(args: string, olds: readonly string[]): string {
  const [old = '', target = ''] = args.split('=').map((x) => x.trim())
  if (old.startsWith('/')) return 'alias-regex'
  if (old.includes(':')) return 'alias-multisegment'
  const first = target.split(':')[0] ?? ''
  return olds.some((o) => o !== old && (o === target || o === first)) ? 'alias-chained' : 'alias-directive'
}
