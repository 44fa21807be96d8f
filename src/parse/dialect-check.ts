/**
 * The dialect check: what the parse dialect's own tool would reject.
 *
 * The grammar reads the union of both dialects so that every journal gets a
 * tree. This pass walks that tree once and, consulting the dialect's fact
 * table, reports the constructs the tool would refuse (an error) or silently
 * ignore (a warning): hledger meeting `test` blocks or `bucket`, ledger
 * meeting `decimal-mark`, either meeting an indented line outside an entry.
 * Its codes are `syntax/<lint-id>` so the linter can map them to its rules.
 */
import type { Directive, Entry, Journal, Opaque, TransactionLine } from '../ast.js'
import type { DialectFacts } from '../dialect/facts.js'
import { factsFor } from '../dialect/index.js'
import type { RawProblem } from './helpers.js'

/** Report what `journal.dialect`'s tool would not accept; appends to `problems`. */
export function checkDialect(journal: Journal, problems: RawProblem[]): void {
  const facts = factsFor(journal.dialect)
  for (const entry of journal.children) checkEntry(entry, facts, problems)
}

function report(problems: RawProblem[], severity: RawProblem['severity'], code: string, message: string, node: { span?: { start: number; end: number } }): void {
  const span = node.span ?? { start: 0, end: 0 }
  problems.push({ severity, code, message, start: span.start, end: span.end })
}

function checkEntry(entry: Entry, facts: DialectFacts, problems: RawProblem[]): void {
  const tool = facts.toolName
  switch (entry.type) {
    case 'directive':
      checkDirective(entry, facts, problems)
      break
    case 'comment':
      if (entry.raws.before) {
        if (!facts.indentedTopCommentMarkers.has(entry.marker)) {
          report(problems, 'error', 'syntax/indented-top-level-line', `Unexpected whitespace at the beginning of a line outside an entry: ${tool} rejects it`, entry)
        }
      } else if (!facts.topCommentMarkers.has(entry.marker)) {
        report(problems, 'error', 'syntax/comment-char-percent-pipe', `${tool} does not accept '${entry.marker}' comment lines; use ';'`, entry)
      }
      break
    case 'blockComment':
      if (entry.keyword === 'test' && !facts.testBlocks) {
        report(problems, 'error', 'syntax/block-comment-test', `${tool} does not accept 'test' blocks; use 'comment' … 'end comment'`, entry)
      }
      if (entry.prefix && !facts.prefixedBlocks) {
        report(problems, 'error', 'syntax/block-comment-prefixed', `${tool} does not accept '${entry.prefix}${entry.keyword}'`, entry)
      }
      break
    case 'timeclock':
      if (!facts.timeclockInJournal) {
        report(problems, 'error', 'syntax/timeclock-in-journal', `${tool} does not accept timeclock lines in a journal; move them to a .timeclock file and include it`, entry)
      }
      break
    case 'opaque':
      checkOpaque(entry, facts, problems)
      break
    case 'transaction':
    case 'autoTransaction':
    case 'periodicTransaction':
      for (const line of entry.children) checkBodyLine(line, facts, problems)
      break
    case 'blank':
      break
  }
}

function checkBodyLine(line: TransactionLine, facts: DialectFacts, problems: RawProblem[]): void {
  if (line.type === 'opaque') checkOpaque(line, facts, problems)
}

function checkOpaque(node: Opaque, facts: DialectFacts, problems: RawProblem[]): void {
  const tool = facts.toolName
  const text = node.raws.text
  switch (node.reason) {
    case 'syntax-error':
      // explained by the parser's own pass
      return
    case 'stray-indented-line':
      report(problems, 'error', 'syntax/indented-top-level-line', 'Unexpected whitespace at the beginning of a line outside an entry', node)
      return
    case 'unknown-directive': {
      const word = /^[!@]?(\S*)/.exec(text)?.[1] ?? text
      if (facts.name === 'ledger') {
        if (!/\s\S/.test(text)) {
          report(problems, 'error', 'syntax/missing-argument', `Directive '${word}' requires an argument`, node)
        } else {
          report(problems, 'warning', 'syntax/unknown-directive', `Unknown directive '${word}': ledger ignores this line`, node)
        }
      } else {
        report(problems, 'error', 'syntax/unknown-directive', `Unexpected '${word}': ${tool} does not know this directive`, node)
      }
      return
    }
    default:
      if (!facts.acceptedOpaque.has(node.reason)) {
        report(problems, 'error', `syntax/${node.reason}`, `${tool} does not accept this line (${node.reason.replace(/-/g, ' ')})`, node)
      }
  }
}

function checkDirective(d: Directive, facts: DialectFacts, problems: RawProblem[]): void {
  const tool = facts.toolName
  const fact = facts.directives[d.name]
  if (d.prefix && !facts.directivePrefixes.has(d.prefix)) {
    report(problems, 'error', 'syntax/directive-prefix', `${tool} does not accept '${d.prefix}' before a directive`, d)
  }
  if (fact.support === 'rejected') {
    const message = `${tool} does not accept the '${d.name}' directive`
    report(problems, 'error', `syntax/${fact.lintId ?? 'unknown-directive'}`, fact.hint ? `${message}: ${fact.hint}` : message, d)
  } else if (fact.support === 'ignored' && fact.lintId) {
    report(problems, 'warning', `syntax/${fact.lintId}`, `${tool} ignores the '${d.name}' directive${fact.hint ? `: ${fact.hint}` : ''}`, d)
  }
  if (fact.needsArgument && d.args === '' && !(d.name === 'Y' && facts.name === 'ledger')) {
    report(problems, 'error', 'syntax/missing-argument', `Directive '${d.keyword}' requires an argument`, d)
  }
}
