/**
 * ledger → hledger: tags, metadata and bracketed dates in comments
 * (dialects.md rows 19-31).
 *
 * - `:a:b:` tag lists become `a:, b:` (on their own comment line when other
 *   text shares theirs); typed `key:: value` becomes `key: value`.
 * - A posting's `Payee:` tag stays a tag; hledger has no payee per posting
 *   (warning).
 * - A `date:`/`date2:` tag, plain metadata to ledger, would re-date the
 *   posting in hledger: it is renamed `date_:`/`date2_:`.
 * - Bracketed dates: one in the entry's comment re-dates the entry in ledger,
 *   so the header gets that date; one ledger ignores (on a line with a colon)
 *   loses its brackets; a year-less one gets its year.
 * - Where hledger still reads other tags than ledger (a `key:` later on a
 *   line, a comma in a value), an info note says so.
 */
import type { Comment, Transaction } from '../../ast.js'
import { bracketDatesOf, postingComments, tagsOf } from '../../tags.js'
import { defineTransform, type TransformContext } from '../types.js'
import { commentLine, transactionsOf } from '../util.js'

const TAG_LIST = /(^|[ \t]):([^ \t:]+(?::[^ \t:]+)*):(?=[ \t]|$)/g

/** Rewrite one comment's text for hledger; returns extra comment lines to add after it. */
function rewriteComment(c: Comment, ctx: TransformContext, onPosting: boolean): string[] {
  const extra: string[] = []
  let text = c.text
  // typed metadata `key:: value`
  const typed = /^([ \t]*)([^ \t:]+)::(?=[ \t]|$)/.exec(text)
  if (typed) {
    text = text.replace(typed[0], `${typed[1]}${typed[2]}:`)
    ctx.report({ severity: 'info', code: 'typed-metadata', message: `Typed metadata '${typed[2]}::' written as '${typed[2]}:' (hledger reads the value as text)`, node: c })
  }
  // `:a:b:` lists
  const lists = [...text.matchAll(TAG_LIST)]
  if (lists.length) {
    const names = lists.flatMap((m) => (m[2] as string).split(':'))
    let rest = text
    for (const m of lists) rest = rest.replace(m[0], m[1] as string)
    const converted = names.map((n) => `${n}:`).join(', ')
    if (rest.trim() === '') text = ` ${converted}`
    else {
      text = rest.replace(/[ \t]+$/, '')
      extra.push(converted)
    }
    ctx.report({ severity: 'info', code: 'tag-colon-list', message: `Tag list ${lists.map((m) => `:${m[2]}:`).join(' ')} written as '${converted}'`, node: c })
  }
  // `date:` metadata is a posting date to hledger
  const dateTag = /(^|[ \t,])(date2?):/i.exec(text)
  if (dateTag && onPosting && tagsOf(c.text, 'ledger').some((t) => /^date2?$/i.test(t.name))) {
    const name = dateTag[2] as string
    text = text.replace(dateTag[0], `${dateTag[1]}${name}_:`)
    const value = new RegExp(`(?:^|[ \\t,])${name}:[ \\t]*([^,\\s]*)`, 'i').exec(text.replace(`${name}_:`, `${name}:`))?.[1] ?? ''
    ctx.report({ severity: 'warning', code: /^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}$|^\d{1,2}[-/.]\d{1,2}$/.test(value) ? 'posting-date-tag' : 'date-tag-invalid', message: `Metadata '${name}:' renamed '${name}_:': hledger would read it as the posting's ${name === 'date' ? 'date' : 'secondary date'}`, node: c })
  }
  if (onPosting && tagsOf(c.text, 'ledger').some((t) => t.name.toLowerCase() === 'payee')) {
    ctx.report({ severity: 'warning', code: 'payee-metadata-tag', message: "The posting's 'Payee:' tag stays a tag: hledger has no payee per posting", node: c })
  }
  c.text = text
  return extra
}

function sameTags(a: ReturnType<typeof tagsOf>, b: ReturnType<typeof tagsOf>): boolean {
  const key = (t: { name: string; value: string }): string => `${t.name.toLowerCase()}\u0000${t.value}`
  const x = a.map(key).sort()
  const y = b.map(key).sort()
  return x.length === y.length && x.every((k, i) => k === y[i])
}

function bracketDates(t: Transaction, c: Comment, onPosting: boolean, ctx: TransformContext): void {
  const ledgerDates = bracketDatesOf(c.text, 'ledger')
  const hledgerDates = bracketDatesOf(c.text, 'hledger')
  if (!onPosting) {
    // ledger re-dates the entry; hledger ignores brackets here
    const r = ctx.source.transactionOf(t)
    if (ledgerDates.length && r && r.date !== t.date && t.date.length > 5) {
      ctx.report({ severity: 'info', code: 'bracket-date-in-txn-comment', message: `Entry dated ${r.date}, as the bracketed date in its comment dates it for ledger (hledger ignores it there)`, node: t })
      t.date = r.date
    }
    return
  }
  if (hledgerDates.length && !ledgerDates.length) {
    c.text = c.text.replace(/\[(=?[0-9][0-9/.-]*(?:=[0-9][0-9/.-]*)?)\]/g, '($1)')
    ctx.report({ severity: 'warning', code: 'posting-date-bracket-with-colon', message: 'Brackets around a date written as parentheses: ledger ignores a bracketed date on a line with a colon, hledger would re-date the posting', node: c })
    return
  }
  for (const b of ledgerDates) {
    const yearless = (b.date !== undefined && b.date.replace(/[^0-9]/g, '').length <= 4) || (b.auxDate !== undefined && b.auxDate.replace(/[^0-9]/g, '').length <= 4)
    if (!yearless) continue
    const p = t.children.find((l) => l.type === 'posting' && (l.comment === c || false))
    const r = p && p.type === 'posting' ? ctx.source.postingOf(p) : undefined
    const full = `${b.date !== undefined ? r?.date ?? b.date : ''}${b.auxDate !== undefined ? `=${r?.date2 ?? b.auxDate}` : ''}`
    if (full !== b.text && r) {
      c.text = c.text.replace(`[${b.text}]`, `[${full}]`)
      ctx.report({ severity: 'info', code: 'bracket-date-yearless', message: `Bracketed date [${b.text}] written with the year ledger gives it: [${full}]`, node: c })
    }
  }
}

/** Whether any comment of the entry could hold a tag (`:`) or a bracketed date (`[`). */
function hasTagOrDate(t: Transaction): boolean {
  const interesting = (text: string | undefined): boolean => text !== undefined && (text.includes(':') || text.includes('['))
  if (interesting(t.comment?.text)) return true
  for (const l of t.children) if (l.type === 'comment' ? interesting(l.text) : l.type === 'posting' && interesting(l.comment?.text)) return true
  return false
}

/** Transform: write ledger tags, metadata and bracketed dates the way hledger reads them. */
export const tags = defineTransform({
  name: 'tags',
  description: 'Write ledger tags, metadata and bracketed dates the way hledger reads them',
  from: 'ledger',
  to: 'hledger',
  run(ctx) {
    for (const t of transactionsOf(ctx.journal)) {
      // (most entries have no comment with a tag or a date: nothing to do)
      if (!hasTagOrDate(t)) continue
      const groups = postingComments(t.children)
      const headerComments: Comment[] = [...(t.comment ? [t.comment] : []), ...(groups.get(null) ?? [])]
      const jobs: Array<{ c: Comment; onPosting: boolean }> = [
        ...headerComments.map((c) => ({ c, onPosting: false })),
        ...[...groups].filter(([p]) => p !== null).flatMap(([, cs]) => cs.map((c) => ({ c, onPosting: true }))),
      ]
      for (const { c, onPosting } of jobs) {
        const before = c.text
        if (!before.includes(':') && !before.includes('[')) continue
        const ledgerTags = tagsOf(before, 'ledger')
        bracketDates(t, c, onPosting, ctx)
        const extra = rewriteComment(c, ctx, onPosting)
        if (extra.length) {
          // the extra line goes after the comment (or after the line it ends)
          const at = t.children.findIndex((l) => l === c || (l.type === 'posting' && l.comment === c))
          const indent = c.raws.eol !== undefined ? c.raws.before : '    '
          const lines = extra.map((x) => commentLine(x, indent && indent !== '' ? indent : '    ', '\n'))
          if (at >= 0) t.children.splice(at + 1, 0, ...lines)
          else t.children.unshift(...lines)
        }
        const hledgerTags = [...tagsOf(c.text, 'hledger'), ...extra.flatMap((x) => tagsOf(` ${x}`, 'hledger'))]
        const renamed = hledgerTags.filter((x) => !/_$/.test(x.name))
        if (ledgerTags.length + renamed.length > 0 && !sameTags(ledgerTags.filter((x) => !/^date2?$/i.test(x.name)), renamed)) {
          ctx.report({ severity: 'info', code: tagDifferenceRule(before), message: `hledger reads other tags in this comment than ledger: ${renamed.map((x) => x.name).join(', ') || 'none'} (ledger: ${ledgerTags.map((x) => x.name).join(', ') || 'none'})`, node: c })
        }
      }
    }
  },
})

/**
 * The lint rule for a comment whose tags the tools read differently: a tag
 * without a blank after its colon, a value containing a comma (hledger ends
 * it there and reads the rest as more tags), or a tag after other words.
 */
function tagDifferenceRule(comment: string): string {
  if (/(?:^|[ \t])[^\s:,]+:[^\s:]/.test(comment) && !/\w:\/\//.test(comment)) return 'tag-no-space-after-colon'
  if (/^[ \t]*[^\s:,]+:[ \t][^,]*,/.test(comment)) return 'tag-value-comma'
  return 'tag-not-first-word'
}
