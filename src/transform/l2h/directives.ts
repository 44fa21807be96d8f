/**
 * ledger → hledger: directives.
 *
 * - `@` before a directive is removed (row 109; hledger accepts `!`).
 * - `apply account` blocks stay; ledger's `end`/`end apply` shorthands name
 *   the block they close (row 90). `apply tag` becomes the tag on each entry
 *   of the block (row 25), `apply fixed` is dropped (row 67), and `apply
 *   year` (with `year`/`Y`) gives way to full dates (rows 2, 3).
 * - `bucket`/`A` (and an account's `default` line) become the balancing
 *   posting ledger would add to each one-sided entry (rows 81, 91).
 * - Directives and lines hledger rejects (`define`, `check`, `python`,
 *   `--option` lines, unknown words …) are kept as comments, with the reason
 *   (rows 50, 92-95, 110-112). Their effect on amounts and dates is carried
 *   by the number, date and expression rewrites.
 */
import type { Directive, Entry } from '../../ast.js'
import { directive, posting } from '../../build.js'
import { factsFor } from '../../dialect/index.js'
import { readAmountArg } from '../../directives.js'
import { readLedgerQuantity } from '../../numbers.js'
import { symbolNeedsQuotes } from '../../print/amount.js'
import { HLEDGER_ACCOUNT_TYPES, isHledgerAccountType } from '../../parse/dialect-check.js'
import { tagsOf } from '../../tags.js'
import { defineTransform } from '../types.js'
import { commentLine, commentOutEntries, commentOutEntry, transactionsOf } from '../util.js'

/** Transform: remove ledger's '@' directive prefix. */
export const directivePrefix = defineTransform({
  name: 'directive-prefix',
  description: "Remove ledger's '@' directive prefix",
  from: 'ledger',
  to: 'hledger',
  run(ctx) {
    for (const e of ctx.journal.children) {
      if ((e.type === 'directive' || e.type === 'timeclock') && e.prefix === '@') {
        if (e.type === 'directive') e.prefix = ''
        else delete e.prefix
        ctx.report({ severity: 'info', code: 'directive-prefix', message: "'@' directive prefix removed (hledger does not read it)", node: e })
      }
    }
  },
})

type ApplyKind = 'account' | 'tag' | 'fixed' | 'year' | 'other'

const APPLY: Partial<Record<Directive['name'], ApplyKind>> = {
  'apply account': 'account', 'apply tag': 'tag', 'apply fixed': 'fixed', 'apply year': 'year', apply: 'other',
}
const END_APPLY: Partial<Record<Directive['name'], ApplyKind | undefined>> = {
  'end apply account': 'account', 'end apply tag': 'tag', 'end apply fixed': 'fixed', 'end apply year': 'year', 'end apply': undefined, end: undefined, 'end tag': 'tag',
}

/** Transform: close ledger's apply blocks explicitly; carry apply tag onto entries; drop apply fixed and apply year. */
export const applyBlocks = defineTransform({
  name: 'apply-blocks',
  description: "Close ledger's apply blocks explicitly; carry apply tag onto entries; drop apply fixed and apply year",
  from: 'ledger',
  to: 'hledger',
  run(ctx) {
    const stack: Array<{ kind: ApplyKind; directive?: Directive; value: string }> = ctx.inheritedApply.filter((a) => a.kind === 'tag').map((a) => ({ kind: 'tag', value: a.value }))
    const out: Entry[] = []
    for (const e of ctx.journal.children) {
      if (e.type === 'directive' && e.name in APPLY) {
        const kind = APPLY[e.name] as ApplyKind
        stack.push({ kind, directive: e, value: e.args.replace(/^tag[ \t]+/, '').trim() })
        if (kind === 'account') {
          out.push(e)
          continue
        }
        const why = kind === 'tag' ? 'its tag is written on each entry of the block'
          : kind === 'fixed' ? 'hledger cannot fix prices for a block; the costs are written as they are'
            : kind === 'year' ? 'the dates of the block are written with their year' : 'ledger ignores it'
        ctx.report({ severity: kind === 'fixed' ? 'warning' : 'info', code: kind === 'tag' ? 'apply-tag' : kind === 'fixed' ? 'apply-fixed' : kind === 'year' ? 'year-directive' : 'unknown-directive', message: `'${e.keyword.trim()} ${e.args}' kept as a comment: ${why}`, node: e })
        for (const c of commentOutEntry(e, ctx.journal)) out.push(c)
        continue
      }
      if (e.type === 'directive' && e.name in END_APPLY) {
        const wanted = END_APPLY[e.name]
        let at = stack.length - 1
        if (wanted !== undefined) while (at >= 0 && stack[at]?.kind !== wanted) at--
        const open = at >= 0 ? stack[at] : undefined
        if (open) stack.splice(at, 1)
        if (open?.kind === 'account') {
          if (e.name !== 'end apply account') {
            ctx.report({ severity: 'info', code: 'end-apply-shorthand', message: `'${e.keyword.trim()}${e.args ? ' ' + e.args : ''}' written as 'end apply account'`, node: e })
            e.name = 'end apply account'
            e.keyword = 'end'
            e.args = 'apply account'
            e.raws.afterKeyword = ' '
          }
          out.push(e)
          continue
        }
        ctx.report({ severity: 'info', code: open?.kind === 'tag' ? 'apply-tag' : open?.kind === 'fixed' ? 'apply-fixed' : open?.kind === 'year' ? 'year-directive' : 'unknown-directive', message: `'${e.keyword.trim()}${e.args ? ' ' + e.args : ''}' kept as a comment: it closes ${open ? `the 'apply ${open.kind}' block` : 'no block'}`, node: e })
        for (const c of commentOutEntry(e, ctx.journal)) out.push(c)
        continue
      }
      if (e.type === 'transaction') {
        for (const s of stack) {
          if (s.kind !== 'tag') continue
          const value = s.value
          const text = value.includes(':') ? value.replace(/^([^:\s]+):\s*/, '$1: ') : `${value}:`
          e.children.unshift(commentLine(text, '    ', '\n'))
        }
      }
      out.push(e)
    }
    ctx.journal.children = out
  },
})

/** Transform: write year-less dates with the year ledger gives them, and drop year directives hledger lacks. */
export const years = defineTransform({
  name: 'years',
  description: 'Write year-less dates with the year ledger gives them, and drop year directives hledger lacks',
  from: 'ledger',
  to: 'hledger',
  run(ctx) {
    let written = 0
    for (const t of transactionsOf(ctx.journal)) {
      const r = ctx.source.transactionOf(t)
      if (!r) continue
      if (t.date.length <= 5 && r.node === t) {
        // (a bracket date in the entry comment may have moved ledger's date: that is the tags rewrite's)
        const full = t.raws.date?.value === t.date ? `${r.date.slice(0, 4)}-${t.date}` : r.date
        t.date = full
        written++
      }
      if (t.auxDate !== undefined && t.auxDate.length <= 5 && r.date2 !== undefined) {
        t.auxDate = r.date2
        written++
      }
    }
    if (written) ctx.report({ severity: 'info', code: 'yearless-date', message: `${written} date${written === 1 ? '' : 's'} written with the year ledger gives ${written === 1 ? 'it' : 'them'}` })
    commentOutEntries(ctx, (e) => (e.type === 'directive' && (e.name === 'year' || (e.name === 'Y' && written > 0))
      ? { severity: 'info', code: 'year-directive', message: `'${e.keyword} ${e.args}' kept as a comment: every date carries its year` }
      : undefined))
  },
})

/** Transform: write the balancing postings ledger's bucket directive adds. */
export const bucket = defineTransform({
  name: 'bucket',
  description: "Write the balancing postings ledger's bucket directive adds",
  from: 'ledger',
  to: 'hledger',
  run(ctx) {
    // ledger's bucket is set by 'bucket'/'A', or by 'default' under an account
    const byDirective = ctx.journal.children.some((e) => e.type === 'directive' && (e.name === 'bucket' || e.name === 'A'))
    for (const t of transactionsOf(ctx.journal)) {
      const r = ctx.source.transactionOf(t)
      const added = r?.postings.find((p) => p.generated === 'bucket')
      if (!added) continue
      const line = posting(added.account)
      t.children.push(line)
      ctx.report({ severity: 'info', code: byDirective ? 'bucket-directive' : 'account-subdirective-default', message: `Balancing posting to ${added.account} written (ledger adds it from the ${byDirective ? 'bucket' : 'default'} account)`, node: t })
    }
    commentOutEntries(ctx, (e) => (e.type === 'directive' && (e.name === 'bucket' || e.name === 'A')
      ? { severity: 'info', code: 'bucket-directive', message: `'${e.keyword} ${e.args}' kept as a comment: its balancing postings are written out` }
      : undefined))
  },
})

/** Transform: keep directives and lines hledger rejects as comments. */
export const unsupportedDirectives = defineTransform({
  name: 'unsupported-directives',
  description: 'Keep directives and lines hledger rejects as comments',
  from: 'ledger',
  to: 'hledger',
  run(ctx) {
    const facts = factsFor(ctx.to)
    const out: Entry[] = []
    let previous: Entry | undefined
    for (const e of ctx.journal.children) {
      if (e.type === 'blank' && e.raws.text !== '' && previous?.type === 'directive' && previous.name === 'commodity') {
        e.raws.text = ''
        ctx.report({ severity: 'info', code: 'commodity-blank-line', message: 'Blank characters removed from the line after the commodity directive: hledger rejects them there', node: e })
      }
      previous = e
      let why: string | undefined
      let code = 'unknown-directive'
      let severity: 'info' | 'warning' = 'warning'
      if (e.type === 'directive') {
        const fact = facts.directives[e.name]
        if (fact.support === 'rejected') {
          code = fact.lintId ?? code
          why = e.name === 'option' ? 'its effect on numbers and dates is written out' : `hledger has no '${e.keyword.trim()}' directive`
          if (e.name === 'option' || e.name === 'define' || e.name === 'def' || e.name === 'capture') severity = 'info'
        } else if (e.name === 'D') {
          const block = decimalCommaBlock(e)
          if (block) {
            ctx.report({ severity: 'info', code: 'd-directive', message: `'${e.keyword} ${e.args.trim()}' written as 'commodity ${block.args}' with its format: ledger reads ${block.args} amounts with a decimal comma after it, and hledger does after the commodity directive (hledger's D would also give bare numbers the commodity, which ledger's does not)`, node: e })
            out.push(block)
            previous = block
            continue
          }
          why = "hledger would give bare numbers its commodity, which ledger does not"
          code = 'd-directive'
          severity = 'info'
        } else if (e.name === 'C') {
          why = 'hledger does not convert units; amounts are written in the unit ledger computes with'
          code = 'c-directive'
          severity = 'info'
        } else if (e.name === 'commodity' && /^[ \t]*[-+.,0-9]/.test(e.args)) {
          why = "ledger takes a one-line 'commodity 1.000,00 EUR' as a symbol and reads no number format from it; hledger would use the format to read amounts"
          code = 'commodity-directive-oneline'
          severity = 'info'
        } else if (e.name === 'commodity' || e.name === 'payee' || e.name === 'tag') {
          if (e.name === 'commodity') quoteSymbol(e, ctx)
          dropRejectedSubLines(e, ctx)
        } else if (e.name === 'account') {
          renameUnknownTypeTags(e, ctx)
          dropRejectedSubLines(e, ctx)
        }
      } else if (e.type === 'opaque' && (e.reason === 'unknown-directive' || e.reason === 'ignored-timeclock')) {
        why = e.reason === 'unknown-directive' ? 'ledger ignores this line and hledger rejects it' : 'ledger ignores b and h lines'
        severity = 'info'
      }
      if (why) {
        ctx.report({ severity, code, message: `Kept as a comment: ${why}`, node: e })
        for (const c of commentOutEntry(e, ctx.journal)) out.push(c)
        continue
      }
      out.push(e)
    }
    ctx.journal.children = out
  },
})

/**
 * ledger's `D 1.000,00 EUR` makes EUR amounts read with a decimal comma; the
 * hledger equivalent is a commodity directive with that format. Undefined
 * when the D amount has no commodity or no decimal comma.
 */
export function decimalCommaBlock(d: Directive): Directive | undefined {
  const a = readAmountArg(d.args, 'ledger').amount
  if (!a || !a.commodity || a.raws.number === undefined || !readLedgerQuantity(a.raws.number, false).setsDecimalComma) return undefined
  const block = directive('commodity', a.quoted || symbolNeedsQuotes(a.commodity, 'hledger') ? `"${a.commodity}"` : a.commodity)
  block.children.push({ type: 'subdirective', keyword: 'format', args: d.args.trim(), raws: { indent: '    ', afterKeyword: ' ', eol: d.raws.eol || '\n' } })
  block.raws.eol = d.raws.eol || '\n'
  if (d.span) block.span = d.span
  return block
}

/**
 * ledger reads `commodity N1` as the symbol N1; hledger would read an amount
 * (N, 1). A symbol hledger cannot read bare is written quoted.
 */
function quoteSymbol(d: Directive, ctx: Parameters<typeof unsupportedDirectives.run>[0]): void {
  const m = /^([ \t]*)(\S+)([ \t]*)$/.exec(d.args)
  if (!m || (m[2] as string).startsWith('"') || !symbolNeedsQuotes(m[2] as string, 'hledger')) return
  d.args = `${m[1]}"${m[2]}"${m[3]}`
  ctx.report({ severity: 'info', code: 'commodity-symbol-charset', message: `Commodity symbol ${m[2]} written quoted: hledger would read it as an amount`, node: d })
}

/** An account `type:` tag hledger 1.25 rejects (`type: G`) is renamed `ledger-type:`; to ledger it is only a tag. */
function renameUnknownTypeTags(d: Directive, ctx: Parameters<typeof unsupportedDirectives.run>[0]): void {
  // ledger reads `account NAME  ; type:G` as one name; hledger reads the part after ';' as a comment
  const semi = d.args.search(/[ \t];/)
  if (semi >= 0) {
    const comment = d.args.slice(semi)
    const bad = tagsOf(comment.replace(/^[ \t]*;/, ''), 'hledger').filter((t) => t.name === 'type' && !isHledgerAccountType(t.value))
    if (bad.length) {
      d.args = d.args.slice(0, semi) + comment.replace(/(^|[\s,;])type:/g, '$1ledger-type:')
      ctx.report({ severity: 'warning', code: 'account-type-unknown', message: `Account type '${(bad[0] as { value: string }).value.trim()}' written as the tag 'ledger-type:': hledger 1.25 rejects it (it knows ${HLEDGER_ACCOUNT_TYPES.join(', ')})`, node: d })
    }
  }
  for (const c of [d.comment, ...d.children]) {
    if (!c || c.type !== 'comment') continue
    const bad = tagsOf(c.text, 'hledger').filter((t) => t.name === 'type' && !isHledgerAccountType(t.value))
    if (bad.length === 0) continue
    c.text = c.text.replace(/(^|[\s,])type:/g, '$1ledger-type:')
    ctx.report({ severity: 'warning', code: 'account-type-unknown', message: `Account type '${(bad[0] as { value: string }).value.trim()}' written as the tag 'ledger-type:': hledger 1.25 rejects it (it knows ${HLEDGER_ACCOUNT_TYPES.join(', ')})`, node: c })
  }
}

/** Sub-lines hledger rejects under commodity, payee and tag become comments (their effect is written out elsewhere). */
function dropRejectedSubLines(d: Directive, ctx: Parameters<typeof unsupportedDirectives.run>[0]): void {
  const allowed: Record<string, ReadonlySet<string>> = {
    // hledger skips an account's indented lines, but ledger would apply its alias and payee lines again
    account: new Set(['note', 'assert', 'check', 'default', 'eval', 'value']),
    commodity: new Set(['format']),
    payee: new Set([]),
    tag: new Set([]),
  }
  const keep = allowed[d.name] ?? new Set<string>()
  d.children = d.children.map((line) => {
    if (line.type !== 'subdirective' || keep.has(line.keyword)) return line
    const writtenOut = line.keyword === 'alias' || line.keyword === 'uuid' || (d.name === 'account' && line.keyword === 'payee')
    ctx.report({ severity: writtenOut ? 'info' : 'warning', code: d.name === 'account' ? `account-subdirective-${line.keyword === 'alias' || line.keyword === 'payee' ? line.keyword : 'other'}` : `${d.name}-subdirective`, message: `'${line.keyword}' under '${d.name}' kept as a comment: hledger does not read it${writtenOut ? ' (its effect is written into the entries)' : ''}`, node: line })
    const c = commentLine(`${line.keyword}${line.args ? ' ' + line.args : ''}`, line.raws.indent ?? '    ', line.raws.eol)
    if (line.span) c.span = line.span
    return c
  })
}
