/**
 * hledger → ledger: tags and posting dates (dialects.md rows 19-21, 27, 28,
 * 30).
 *
 * - A posting's `date:`/`date2:` tag dates it in hledger; ledger needs a
 *   bracketed date, which is written on a comment line of its own
 *   (`; [2024-01-05]`, `; [=2024-01-06]`).
 * - A bracketed date on a comment line with a colon (which ledger ignores)
 *   moves to a line of its own; a year-less one gets its year.
 * - Tags ledger would not see (not the first word, several on a line, a
 *   valueless `a:`) are written again on lines of their own, the way ledger
 *   reads them (`; key: value`, `; :a:`).
 */
import type { Comment, Posting, Transaction } from '../../ast.js'
import { bracketDatesOf, postingComments, tagsOf } from '../../tags.js'
import { defineTransform, type TransformContext } from '../types.js'
import { commentLine, transactionsOf } from '../util.js'

function insertAfter(t: Transaction, anchor: Comment, texts: string[]): void {
  if (texts.length === 0) return
  const at = t.children.findIndex((l) => l === anchor || (l.type === 'posting' && l.comment === anchor))
  const indent = anchor.raws.eol !== undefined ? anchor.raws.before || '    ' : '    '
  const lines = texts.map((x) => commentLine(x, indent.length > 0 ? indent : '    ', '\n'))
  if (at >= 0) t.children.splice(at + 1, 0, ...lines)
  else t.children.unshift(...lines)
}

/** What ledger already reads from a group of comment lines (a header's, or a posting's). */
interface LedgerSees {
  tags: Set<string>
  dates: Set<string>
}

function ledgerSees(comments: readonly Comment[]): LedgerSees {
  const sees: LedgerSees = { tags: new Set(), dates: new Set() }
  for (const c of comments) {
    for (const x of tagsOf(c.text, 'ledger')) sees.tags.add(`${x.name.toLowerCase()}\u0000${x.value}`)
    for (const b of bracketDatesOf(c.text, 'ledger')) sees.dates.add(b.text)
  }
  return sees
}

function handle(t: Transaction, c: Comment, postingNode: Posting | undefined, ctx: TransformContext, sees: LedgerSees): void {
  const extra: string[] = []
  const hTags = tagsOf(c.text, 'hledger')
  if (postingNode) {
    for (const tag of hTags) {
      const name = tag.name.toLowerCase()
      if (name !== 'date' && name !== 'date2') continue
      const r = ctx.source.postingOf(postingNode)
      const value = name === 'date' ? r?.date : r?.date2
      if (!value || sees.dates.has(name === 'date' ? value : `=${value}`)) continue
      sees.dates.add(name === 'date' ? value : `=${value}`)
      extra.push(name === 'date' ? `[${value}]` : `[=${value}]`)
      ctx.report({ severity: 'info', code: name === 'date' ? 'posting-date-tag' : 'posting-date2-tag', message: `Posting ${name === 'date' ? 'date' : 'secondary date'} from the '${tag.name}:' tag written as [${name === 'date' ? '' : '='}${value}], which ledger reads`, node: c })
    }
  }
  const hDates = bracketDatesOf(c.text, 'hledger')
  const lDates = bracketDatesOf(c.text, 'ledger')
  if (hDates.length && !lDates.length) {
    for (const b of hDates) {
      if (!sees.dates.has(b.text)) extra.push(`[${b.text}]`)
      sees.dates.add(b.text)
      c.text = c.text.replace(`[${b.text}]`, '').replace(/[ \t]+$/, '')
    }
    ctx.report({ severity: 'info', code: 'posting-date-bracket-with-colon', message: 'Bracketed date moved to a comment line of its own: ledger ignores one on a line with a colon', node: c })
  }
  // tags ledger does not read from this line
  const missing = hTags.filter((x) => !sees.tags.has(`${x.name.toLowerCase()}\u0000${x.value}`) && !/^date2?$/i.test(x.name))
  for (const x of missing) sees.tags.add(`${x.name.toLowerCase()}\u0000${x.value}`)
  if (missing.length) {
    for (const x of missing) extra.push(x.value === '' ? `:${x.name}:` : `${x.name}: ${x.value}`)
    ctx.report({ severity: 'info', code: 'tag-not-first-word', message: `Tag${missing.length === 1 ? '' : 's'} ${missing.map((x) => x.name).join(', ')} written again on ${missing.length === 1 ? 'a line' : 'lines'} of ${missing.length === 1 ? 'its' : 'their'} own, where ledger reads ${missing.length === 1 ? 'it' : 'them'}`, node: c })
  }
  insertAfter(t, c, extra)
}

/** Transform: write hledger tags and posting dates the way ledger reads them. */
export const tags = defineTransform({
  name: 'tags',
  description: 'Write hledger tags and posting dates the way ledger reads them',
  from: 'hledger',
  to: 'ledger',
  run(ctx) {
    for (const t of transactionsOf(ctx.journal)) {
      const groups = postingComments(t.children)
      const header = [...(t.comment ? [t.comment] : []), ...(groups.get(null) ?? [])]
      const headerSees = ledgerSees(header)
      for (const c of header) handle(t, c, undefined, ctx, headerSees)
      for (const [p, cs] of groups) {
        if (p === null) continue
        const sees = ledgerSees(cs)
        for (const c of cs) handle(t, c, p, ctx, sees)
      }
    }
  },
})
