/**
 * ledger → hledger: comment syntax hledger does not read.
 *
 * - `%` and `|` comment lines become `;` lines (dialects.md row 11);
 * - `test` … `end test` blocks become `comment` … `end comment` (row 14);
 * - a block closed by `end test`, or by an `end comment` with text after it,
 *   gets a plain `end comment` (row 15: hledger would never close it);
 * - `!comment`/`@comment` lose the prefix (row 17);
 * - an `end comment` on the file's last line gets its line break (hledger
 *   rejects the block otherwise).
 */
import { defineTransform } from '../types.js'

/** Transform: write ledger-only comment lines and blocks as hledger's ';' lines and comment blocks. */
export default defineTransform({
  name: 'comments',
  description: "Write ledger-only comment lines and blocks as hledger's ';' lines and comment blocks",
  from: 'ledger',
  to: 'hledger',
  run(ctx) {
    for (const entry of ctx.journal.children) {
      if (entry.type === 'comment' && (entry.marker === '%' || entry.marker === '|')) {
        ctx.report({ severity: 'info', code: 'comment-char-percent-pipe', message: `'${entry.marker}' comment line written with ';' (hledger reads only ';', '#' and '*' lines as comments)`, node: entry })
        entry.marker = ';'
      } else if (entry.type === 'blockComment') {
        const changes: string[] = []
        const wasTest = entry.keyword === 'test'
        if (entry.keyword === 'test') {
          entry.keyword = 'comment'
          changes.push("'test' block written as a 'comment' block")
        }
        const hadPrefix = entry.prefix !== ''
        const endMismatch = entry.end !== undefined && /^end test\b/.test(entry.end.text) && !wasTest
        if (entry.prefix) {
          changes.push(`'${entry.prefix}' prefix removed`)
          entry.prefix = ''
        }
        if (entry.raws.rest.trim() !== '') {
          changes.push('text after the opening keyword moved into the block')
          entry.lines.unshift({ text: entry.raws.rest.trim(), eol: entry.raws.eol || '\n' })
          entry.raws.rest = ''
        }
        if (entry.end && !/^end comment[ \t]*$/.test(entry.end.text)) {
          changes.push(`'${entry.end.text.trim()}' written as 'end comment'`)
          entry.end = { text: 'end comment', eol: entry.end.eol }
        }
        if (entry.end && entry.end.eol === '') {
          changes.push("a line break written after 'end comment' (hledger needs one)")
          entry.end = { ...entry.end, eol: '\n' }
        }
        if (changes.length) ctx.report({ severity: 'info', code: blockCommentRule(wasTest, hadPrefix, endMismatch), message: `Comment block for hledger: ${changes.join('; ')}`, node: entry })
      }
    }
  },
})

/** The lint rule for a rewritten comment block: a `test` block, an `end test` closing a `comment` block, or a `!`/`@` prefix. */
function blockCommentRule(wasTest: boolean, hadPrefix: boolean, endMismatch: boolean): string {
  if (wasTest) return 'block-comment-test'
  if (endMismatch) return 'block-comment-end-mismatch'
  return hadPrefix ? 'block-comment-prefixed' : 'block-comment-test'
}
