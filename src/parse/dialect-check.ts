/**
 * The dialect check: what the parse dialect's own tool would reject.
 *
 * The grammar reads the union of both dialects so that every journal gets a
 * tree. This pass walks that tree once and, consulting the dialect's fact
 * table, reports the constructs the tool would refuse (an error) or silently
 * ignore (a warning): hledger meeting `test` blocks or `bucket`, ledger
 * meeting `decimal-mark`, either meeting an indented line outside an entry,
 * a malformed `P` or `Y`, a period expression the tool cannot read. Its
 * codes are `syntax/<lint-id>` so the linter can map them to its rules.
 */
import type { Comment, Dialect, Directive, DirectiveLine, Entry, Journal, Opaque, Posting, TimeclockEntry, TransactionLine } from '../ast.js'
import { readDate } from '../dates.js'
import type { DialectFacts } from '../dialect/facts.js'
import { factsFor } from '../dialect/index.js'
import { priceArgs, readAmountArg, yearArg } from '../directives.js'
import { badPeriodWord, hledgerPeriodStartProblem } from '../period.js'
import { postingComments, tagsOf } from '../tags.js'
import type { RawProblem } from './helpers.js'

/** ledger 3.3 rejects a file with a line of this many bytes or more. */
const LEDGER_MAX_LINE = 4096

type Report = (severity: RawProblem['severity'], code: string, message: string, node: { span?: { start: number; end: number } | undefined }, hint?: string) => void

/** Report what `journal.dialect`'s tool would not accept; appends to `problems`. */
export function checkDialect(journal: Journal, text: string, problems: RawProblem[], timeclockFile = false): void {
  const base = factsFor(journal.dialect)
  const facts = timeclockFile ? { ...base, timeclockInJournal: true } : base
  const report: Report = (severity, code, message, node, hint) => {
    const span = node.span ?? { start: 0, end: 0 }
    const problem: RawProblem = { severity, code, message, start: span.start, end: span.end }
    if (hint !== undefined) problem.hint = hint
    problems.push(problem)
  }
  if (facts.name === 'ledger') checkLedgerFile(journal, text, report)
  let previous: Entry | undefined
  for (const entry of journal.children) {
    checkEntry(entry, facts, report)
    if (facts.name === 'hledger' && entry.type === 'blank' && entry.raws.text !== '' && previous?.type === 'directive' && previous.name === 'commodity') {
      report('error', 'syntax/commodity-blank-line', 'unexpected blank characters on the line after a commodity directive (hledger reads it as a sub-directive line with nothing in it)', entry)
    }
    previous = entry
  }
}

function checkLedgerFile(journal: Journal, text: string, report: Report): void {
  if (journal.raws.bom) {
    const first = journal.children.find((e) => e.type !== 'blank')
    const severity = first?.type === 'transaction' ? 'error' : 'warning'
    report(severity, 'syntax/byte-order-mark', 'ledger 3.3 does not skip a byte-order mark: it reads it as part of the first line, which it then ignores; remove the BOM', { span: { start: 0, end: 1 } })
  }
  let start = 0
  while (start < text.length) {
    let end = text.indexOf('\n', start)
    if (end < 0) end = text.length
    if (end - start >= LEDGER_MAX_LINE && Buffer.byteLength(text.slice(start, end)) >= LEDGER_MAX_LINE) {
      report('error', 'syntax/line-too-long', `Line exceeds ${LEDGER_MAX_LINE - 1} bytes: ledger 3.3 rejects the whole file`, { span: { start, end } })
    }
    start = end + 1
  }
}

function checkEntry(entry: Entry, facts: DialectFacts, report: Report): void {
  const tool = facts.toolName
  switch (entry.type) {
    case 'directive':
      checkDirective(entry, facts, report)
      break
    case 'comment':
      if (entry.raws.before) {
        if (!facts.indentedTopCommentMarkers.has(entry.marker)) {
          report('error', 'syntax/indented-top-level-line', `Unexpected whitespace at the beginning of a line outside an entry: ${tool} rejects it`, entry)
        }
      } else if (!facts.topCommentMarkers.has(entry.marker)) {
        report('error', 'syntax/comment-char-percent-pipe', `${tool} does not accept '${entry.marker}' comment lines; use ';'`, entry)
      } else if (facts.name === 'ledger' && entry.marker === '%' && !/[ \t]\S/.test(entry.text)) {
        report('error', 'syntax/missing-argument', `Directive '%${entry.text}' requires an argument: ledger reads a '%' line as an unknown directive`, entry)
      }
      break
    case 'blockComment':
      if (entry.keyword === 'test' && !facts.testBlocks) {
        report('error', 'syntax/block-comment-test', `${tool} does not accept 'test' blocks; use 'comment' … 'end comment'`, entry)
      }
      if (entry.prefix && !facts.prefixedBlocks) {
        report('error', 'syntax/block-comment-prefixed', `${tool} does not accept '${entry.prefix}${entry.keyword}'`, entry)
      }
      break
    case 'timeclock':
      checkTimeclock(entry, facts, report)
      break
    case 'opaque':
      checkOpaque(entry, facts, report)
      break
    case 'transaction':
      checkBody(entry.children, facts, report, 'transaction')
      break
    case 'autoTransaction':
      if (facts.name === 'ledger' && entry.query.trim() === '') report('error', 'syntax/auto-txn-query', "Expected a predicate after '='", entry)
      checkBody(entry.children, facts, report, 'rule')
      break
    case 'periodicTransaction': {
      const bad = badPeriodWord(entry.period, facts.name)
      if (bad !== undefined) {
        const message = facts.name === 'ledger'
          ? `Unexpected date period token '${bad.toLowerCase()}': ledger reads everything after '~' as the period`
          : `The period expression cannot be read at '${bad}': a description needs two spaces after the period`
        report('error', 'syntax/periodic-txn-description', message, entry)
      } else if (facts.name === 'hledger') {
        const startProblem = hledgerPeriodStartProblem(entry.period)
        if (startProblem) report('error', 'syntax/periodic-txn-start-date', startProblem, entry, 'start the rule on the first day of its interval (hledger 1.29 and later accept any date)')
      }
      checkBody(entry.children, facts, report, 'rule')
      break
    }
    case 'blank':
      break
  }
}

function checkBody(lines: readonly TransactionLine[], facts: DialectFacts, report: Report, kind: 'transaction' | 'rule'): void {
  for (const line of lines) {
    if (line.type === 'opaque') checkOpaque(line, facts, report)
    else if (line.type === 'posting' && line.assertion && kind === 'rule' && facts.name === 'ledger') {
      report('error', 'syntax/rule-assertion', "Unexpected char '=': ledger allows no balance assertion in automated or periodic transactions", line.assertion)
    }
  }
  if (facts.name === 'hledger' && kind === 'transaction' && lines.some(mentionsDateTag)) {
    for (const [posting, comments] of postingComments(lines)) {
      if (posting) checkPostingDateTags(posting, comments, facts.name, report)
    }
  }
}

function mentionsDateTag(line: TransactionLine): boolean {
  const text = line.type === 'comment' ? line.text : line.type === 'posting' ? line.comment?.text : undefined
  return text !== undefined && text.indexOf('date') >= 0
}

/** hledger reads `date:`/`date2:` tags on postings as dates and rejects other values. */
function checkPostingDateTags(_posting: Posting, comments: Comment[], dialect: Dialect, report: Report): void {
  for (const comment of comments) {
    for (const tag of tagsOf(comment.text, dialect)) {
      if (tag.name !== 'date' && tag.name !== 'date2') continue
      const reading = readDate(tag.value, dialect)
      if (!/^[0-9]/.test(tag.value) || reading.error) {
        report('error', 'syntax/date-tag-invalid', `hledger reads a posting's '${tag.name}:' tag as a date, and '${tag.value}' is not one`, comment)
      }
    }
  }
}

function checkTimeclock(entry: TimeclockEntry, facts: DialectFacts, report: Report): void {
  if (!facts.timeclockInJournal) {
    report('error', 'syntax/timeclock-in-journal', `${facts.toolName} does not accept timeclock lines in a journal; move them to a .timeclock file and include it`, entry)
    return
  }
  // ledger slices the date and time from fixed columns 2-20.
  const line = (entry.prefix ?? '') + entry.code + (entry.raws.afterCode ?? ' ') + entry.datetime
  const slice = line.slice((entry.prefix ?? '').length + 2, (entry.prefix ?? '').length + 21)
  if (!/^\s?\d{4}[/.-]\d{1,2}[/.-]\d{1,2}\s+\d{1,2}:\d{2}:\d{2}\s*$/.test(slice)) {
    report('error', 'syntax/timeclock-datetime', `Invalid date/time '${slice.trim()}': ledger reads 'YYYY/MM/DD HH:MM:SS' in columns 3-21`, entry)
  }
}

function checkOpaque(node: Opaque, facts: DialectFacts, report: Report): void {
  const tool = facts.toolName
  const text = node.raws.text
  switch (node.reason) {
    case 'syntax-error':
      // explained by the parser's own pass
      return
    case 'stray-indented-line':
      report('error', 'syntax/indented-top-level-line', 'Unexpected whitespace at the beginning of a line outside an entry', node)
      return
    case 'unknown-directive': {
      const word = /^[!@]{0,2}(\S*)/.exec(text)?.[1] ?? text
      if (facts.name === 'ledger') {
        if (!/[ \t]\S/.test(text)) {
          report('error', 'syntax/missing-argument', `Directive '${word}' requires an argument`, node)
        } else if (/^[iIoO]/.test(word)) {
          report('error', 'syntax/unknown-directive', `Invalid date/time: ledger reads a line starting with '${word[0]}' as a timeclock entry ('${word}' is not a directive)`, node)
        } else {
          report('warning', 'syntax/unknown-directive', `Unknown directive '${word}': ledger ignores this line`, node)
        }
      } else {
        report('error', 'syntax/unknown-directive', `Unexpected '${word}': ${tool} does not know this directive`, node)
      }
      return
    }
    default:
      if (!facts.acceptedOpaque.has(node.reason)) {
        report('error', `syntax/${node.reason}`, `${tool} does not accept this line (${node.reason.replace(/-/g, ' ')})`, node)
      }
  }
}

function checkDirective(d: Directive, facts: DialectFacts, report: Report): void {
  const tool = facts.toolName
  const fact = facts.directives[d.name]
  if (d.prefix && !facts.directivePrefixes.has(d.prefix)) {
    report('error', 'syntax/directive-prefix', `${tool} does not accept '${d.prefix}' before a directive`, d)
  }
  if (fact.support === 'rejected') {
    report('error', `syntax/${fact.lintId ?? 'unknown-directive'}`, `${tool} does not accept the '${d.name}' directive`, d, fact.hint)
    return
  }
  if (fact.support === 'ignored' && fact.lintId) {
    report('warning', `syntax/${fact.lintId}`, `${tool} ignores the '${d.name}' directive`, d, fact.hint)
  }
  if (fact.needsArgument && missingArgument(d, facts.name)) {
    report('error', 'syntax/missing-argument', `Directive '${d.prefix}${d.keyword}${d.raws.afterKeyword ? '' : d.args}' requires an argument`, d)
    return
  }
  checkArguments(d, facts, report)
  checkSubLines(d, facts, report)
}

/** ledger: the first word of the line needs an argument after it (Y excepted). */
function missingArgument(d: Directive, dialect: Dialect): boolean {
  if (d.args === '') return true
  if (d.keyword === 'apply' && d.name !== 'apply') return !/^\S+[ \t]+\S/.test(d.args)
  if (dialect === 'ledger' && d.keyword.length === 1 && !d.raws.afterKeyword && d.name !== 'Y') {
    // `Dx` or `P2024/01/01` with nothing after the first word
    return !/[ \t]\S/.test(d.args)
  }
  return false
}

function checkArguments(d: Directive, facts: DialectFacts, report: Report): void {
  const dialect = facts.name
  switch (d.name) {
    case 'P': {
      const p = priceArgs(d, dialect)
      if (p.error) report('error', 'syntax/price-directive', `Cannot read the price: ${p.error}`, d)
      break
    }
    case 'D': {
      const a = readAmountArg(d.args, dialect)
      if (!a.amount || a.error) report('error', 'syntax/d-directive', `Cannot read the default commodity amount: ${a.error ?? 'expected an amount'}`, d)
      else if (dialect === 'hledger' && !/[.,]/.test(a.amount.raws.number ?? '')) {
        report('error', 'syntax/commodity-format-no-decimal', 'Please include a decimal point or decimal comma in the D amount', d)
      }
      break
    }
    case 'Y':
    case 'year':
    case 'apply year': {
      const y = yearArg(d, dialect)
      if (y.error) report('error', 'syntax/year-directive', `Invalid year: ${y.error}`, d)
      break
    }
    case 'account':
      if (dialect === 'hledger') {
        for (const c of [d.comment, ...d.children.filter((l) => l.type === 'comment')]) {
          if (!c || c.type !== 'comment') continue
          for (const tag of tagsOf(c.text, 'hledger')) {
            if (tag.name !== 'type' || isHledgerAccountType(tag.value)) continue
            report('error', 'syntax/account-type', `invalid account type code ${tag.value.trim()}, should be one of ${HLEDGER_ACCOUNT_TYPES.join(', ')}`, d)
          }
        }
      }
      break
    case 'commodity':
      if (dialect === 'ledger' && !/^[ \t]*[-+.,0-9]/.test(d.args)) {
        // ledger 3.3: "commodity directive symbol EUR and format directive symbol  should be the same"
        // ledger reads one symbol (quoted, or up to a blank) and ignores the rest of the line
        const symbol = /^[ \t]*(?:"([^"]*)"|([^ \t]*))/.exec(d.args)?.slice(1).find((x) => x !== undefined) ?? ''
        for (const child of d.children) {
          if (child.type !== 'subdirective' || child.keyword !== 'format') continue
          const a = readAmountArg(child.args.replace(/;.*$/, ''), 'ledger')
          const written = a.amount?.commodity ?? ''
          if (a.amount && written !== symbol) report('error', 'syntax/commodity-format', `commodity directive symbol ${symbol} and format directive symbol ${written} should be the same`, child)
        }
      }
      if (dialect === 'hledger' && /[0-9]/.test(d.args) && !/^"[^"]*"$/.test(d.args)) {
        const a = readAmountArg(d.args, dialect)
        if (!a.amount || a.error || a.rest.trim() !== '') report('error', 'syntax/commodity-directive', `Cannot read the commodity declaration '${d.args}'`, d)
        else if (!/[.,]/.test(a.amount.raws.number ?? '')) {
          report('error', 'syntax/commodity-format-no-decimal', 'Please include a decimal point or decimal comma in commodity directives', d)
        }
      }
      break
    default:
      break
  }
}

function checkSubLines(d: Directive, facts: DialectFacts, report: Report): void {
  if (d.children.length === 0) return
  const dialect = facts.name
  for (const child of d.children) {
    if (dialect === 'ledger' && (d.name === 'account' || d.name === 'commodity' || d.name === 'payee')) {
      const line = child.type === 'comment' ? child.marker + child.text : child.type === 'subdirective' ? child.keyword + (child.args ? ' ' + child.args : '') : ''
      const needsArg = !(d.name !== 'payee' && /^(default|nomarket)$/.test(line.split(/[ \t]/)[0] ?? ''))
      if (needsArg && !/^\S+[ \t]+\S/.test(line)) {
        const title = d.name[0]?.toUpperCase() + d.name.slice(1)
        report('error', 'syntax/missing-argument', `${title} directive '${line.split(/[ \t]/)[0]}' requires an argument`, child)
      }
    }
    if (dialect === 'hledger') checkHledgerSubLine(d, child, report)
  }
}

function checkHledgerSubLine(d: Directive, child: DirectiveLine, report: Report): void {
  if (child.type === 'comment') {
    if (d.name === 'commodity' && child.marker !== ';') report('error', 'syntax/commodity-subdirective', `hledger expects 'format' under commodity, not '${child.marker}'`, child)
    return
  }
  if (child.type !== 'subdirective') return
  if (d.name === 'account') return // hledger skips any indented lines under account
  if (d.name === 'commodity' && child.keyword === 'format') {
    const a = readAmountArg(child.args.replace(/;.*$/, ''), 'hledger')
    if (!a.amount || a.error || a.rest.trim() !== '') report('error', 'syntax/commodity-format', `Cannot read the format '${child.args}'`, child)
    else if (!/[.,]/.test(a.amount.raws.number ?? '')) report('error', 'syntax/commodity-format-no-decimal', 'Please include a decimal point or decimal comma in the format amount', child)
    return
  }
  const lintId = d.name === 'commodity' ? 'commodity-subdirective' : d.name === 'payee' ? 'payee-subdirective' : d.name === 'tag' ? 'tag-subdirective' : 'unknown-directive'
  report('error', `syntax/${lintId}`, `hledger 1.25 does not accept '${child.keyword}' under '${d.name}'`, child)
}

/** The account types hledger 1.25 accepts in an account directive's `type:` tag (case-insensitive). */
export const HLEDGER_ACCOUNT_TYPES: readonly string[] = ['A', 'L', 'E', 'R', 'X', 'C', 'V', 'Asset', 'Liability', 'Equity', 'Revenue', 'Expense', 'Cash', 'Conversion']

/** Whether hledger 1.25 accepts `value` as an account type. */
export function isHledgerAccountType(value: string): boolean {
  const v = value.trim().toLowerCase()
  return HLEDGER_ACCOUNT_TYPES.some((t) => t.toLowerCase() === v)
}
