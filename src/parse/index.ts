/**
 * `parse(text, options)`: text in, lossless tree and diagnostics out.
 *
 * Parsing never throws for bad input. The grammar is total, so every input
 * yields a tree that prints back to the same bytes; lines it cannot read
 * become `opaque` nodes and each gets a positioned `parse/syntax` diagnostic
 * that says what was expected. Then the dialect check reports what the
 * dialect's own tool would refuse.
 */
import type { Dialect, Entry, Eol, Journal, Span } from '../ast.js'
import { detectDialect, type DialectChoice } from '../dialect/index.js'
import type { Diagnostic } from '../diagnostic.js'
import { hasErrors, sortDiagnostics } from '../diagnostic.js'
import { attachSource, LineIndex } from '../position.js'
import { checkDialect } from './dialect-check.js'
import { describeSyntaxError } from './errors.js'
import { parse as generatedParse, SyntaxError as PeggySyntaxError, type StartRule } from './generated/parser.js'
import { FastLane } from './fast-lane.js'
import { makeGrammarHelpers, PARSE_HINTS, type GrammarHelpers, type RawProblem } from './helpers.js'

/** Options for {@link parse}. */
export interface ParseOptions {
  /** The dialect to read; detected from `file` and the text when absent. */
  dialect?: Dialect
  /** The file name, for diagnostics and dialect detection. */
  file?: string
  /** `timeclock` for a timeclock file (its clock lines are expected, not an error). */
  format?: 'journal' | 'timeclock'
  /**
   * Read common lines with the hand-written fast lane (default true). The
   * result is the same either way; `false` uses the grammar alone.
   */
  fastLane?: boolean
}

/** What {@link parse} returns. */
export interface ParseResult {
  /** False when any diagnostic is an error. The journal is usable either way. */
  ok: boolean
  journal: Journal
  diagnostics: Diagnostic[]
  /** How the dialect was chosen. */
  dialect: DialectChoice
}

/**
 * Parse a journal.
 *
 * @example
 * ```ts
 * const { journal, diagnostics } = parse(text, { dialect: 'ledger', file: 'main.ledger' })
 * print(journal) === text // always true
 * ```
 */
export function parse(text: string, options: ParseOptions = {}): ParseResult {
  const choice = detectDialect(text, options.file, options.dialect)
  const dialect = choice.dialect
  const problems: RawProblem[] = []
  const helpers = makeGrammarHelpers(dialect, problems)
  let journal: Journal
  try {
    // The grammar is total, so the first pass never needs peggy's record of
    // expectations: silencing it saves most of the parser's garbage. Errors are
    // explained by a strict second pass over just the failing lines.
    const grammarOnly = options.fastLane === false || LONE_CR.test(text)
    const regions = { unreadable: false }
    journal = grammarOnly
      ? generatedParse(text, { dialect, helpers, peg$silentFails: 1 }) as Journal
      : parseWithFastLane(text, dialect, helpers, regions)
    // (the fast lane reads only what it understands: unreadable lines can only come from the grammar's regions)
    if (grammarOnly || regions.unreadable) explainSyntaxErrors(journal, text, dialect, problems)
  } catch (err) {
    // The grammar is total, so this is a bug; still never lose the user's text.
    journal = fallbackJournal(text, dialect)
    problems.push({
      severity: 'error', code: 'parse/internal', start: 0, end: 0,
      message: `Internal parser error (please report): ${err instanceof Error ? err.message : String(err)}`,
    })
  }
  if (options.file !== undefined) journal.file = options.file
  attachSource(journal, text)
  checkDialect(journal, text, problems, options.format === 'timeclock')
  const diagnostics = toDiagnostics(problems, text, options.file)
  return { ok: !hasErrors(diagnostics), journal, diagnostics, dialect: choice }
}

/** A CR that is not part of CRLF: hledger breaks lines there and ledger does not; the fast lane leaves such files to the grammar. */
const LONE_CR = /\r(?!\n)/

function parseWithFastLane(text: string, dialect: Dialect, helpers: GrammarHelpers, regions: { unreadable: boolean }): Journal {
  const bom = text.charCodeAt(0) === 0xfeff
  const region = (start: number, end: number): Entry[] => {
    const entries = (generatedParse(text.slice(start, end), { dialect, helpers, offsetBase: start, peg$silentFails: 1 }) as Journal).children
    if (!regions.unreadable) regions.unreadable = entries.some(hasSyntaxError)
    return entries
  }
  const children = new FastLane(text, dialect, helpers, region).entries(bom ? 1 : 0)
  return { type: 'journal', dialect, children, raws: bom ? { bom: '\uFEFF' } : {} }
}

function hasSyntaxError(entry: Entry): boolean {
  if (entry.type === 'opaque') return entry.reason === 'syntax-error'
  return (entry.type === 'transaction' || entry.type === 'autoTransaction' || entry.type === 'periodicTransaction') &&
    entry.children.some((line) => line.type === 'opaque' && line.reason === 'syntax-error')
}

function fallbackJournal(text: string, dialect: Dialect): Journal {
  const hasBom = text.charCodeAt(0) === 0xfeff
  const body = hasBom ? text.slice(1) : text
  const children: Entry[] = []
  let at = hasBom ? 1 : 0
  for (const m of body.matchAll(/([^\n]*?)(\r?\n|$)/g)) {
    if (m[0] === '') break
    const line = m[1] ?? ''
    const eol = (m[2] ?? '') as Eol
    children.push({ type: 'opaque', reason: 'syntax-error', raws: { text: line, eol }, span: { start: at, end: at + line.length } })
    at += m[0].length
  }
  return { type: 'journal', dialect, children, raws: hasBom ? { bom: '\uFEFF' } : {} }
}

/**
 * For each line the grammar could not read, parse it again in strict mode to
 * learn what was expected where, and record that as a diagnostic.
 */
function explainSyntaxErrors(journal: Journal, text: string, dialect: Dialect, problems: RawProblem[]): void {
  const entries = journal.children
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i] as Entry
    if (entry.type === 'opaque' && entry.reason === 'syntax-error') {
      if (/^[ \t]/.test(entry.raws.text)) continue // continuation of the block above
      let end = (entry.span as Span).end
      let j = i + 1
      while (j < entries.length) {
        const next = entries[j] as Entry
        if (next.type !== 'opaque' || next.reason !== 'syntax-error' || !/^[ \t]/.test(next.raws.text)) break
        end = (next.span as Span).end
        j++
      }
      const start = (entry.span as Span).start
      explain(text.slice(start, end), start, 'Journal', dialect, false, problems)
    } else if (entry.type === 'transaction' || entry.type === 'autoTransaction' || entry.type === 'periodicTransaction') {
      for (const line of entry.children) {
        if (line.type === 'opaque' && line.reason === 'syntax-error') {
          const span = line.span as Span
          const indent = /^[ \t]*/.exec(line.raws.text)?.[0].length ?? 0
          explain(text.slice(span.start + indent, span.end), span.start + indent, 'PostingLine', dialect, entry.type === 'autoTransaction', problems)
        }
      }
    }
  }
}

function explain(source: string, base: number, startRule: StartRule, dialect: Dialect, inAutoRule: boolean, problems: RawProblem[]): void {
  const scratch: RawProblem[] = []
  try {
    generatedParse(source, { startRule, dialect, helpers: makeGrammarHelpers(dialect, scratch), offsetBase: base, strict: true, inAutoRule })
    // Parsed on its own: the line only failed in context.
    problems.push({ severity: 'error', code: 'parse/syntax', message: 'This line cannot be read here', hint: hintFor(startRule), start: base, end: base + source.length })
  } catch (err) {
    if (err instanceof PeggySyntaxError) {
      const at = base + err.location.start.offset
      problems.push({ severity: 'error', code: 'parse/syntax', message: describeSyntaxError(err.expected, err.found), hint: hintFor(startRule), start: at, end: Math.max(at, base + err.location.end.offset) })
    } else {
      problems.push({ severity: 'error', code: 'parse/syntax', message: 'This line cannot be read', hint: hintFor(startRule), start: base, end: base + source.length })
    }
  }
}

function hintFor(startRule: StartRule): string {
  return startRule === 'PostingLine'
    ? 'a posting is ACCOUNT, then two spaces or a tab, then AMOUNT [@ COST] [= BALANCE] [; comment]'
    : 'an entry starts at the beginning of a line with a date (2024-01-31), a directive, or a comment character'
}

function toDiagnostics(problems: RawProblem[], text: string, file: string | undefined): Diagnostic[] {
  if (problems.length === 0) return []
  const index = new LineIndex(text)
  const out = problems.map((p): Diagnostic => {
    const start = index.pointAt(p.start)
    const end = index.pointAt(p.end)
    const d: Diagnostic = {
      severity: p.severity, code: p.code, message: p.message,
      line: start.line, column: start.column, endLine: end.line, endColumn: end.column,
      span: { start: p.start, end: p.end },
    }
    const hint = p.hint ?? PARSE_HINTS[p.code]
    if (hint !== undefined) d.hint = hint
    if (file !== undefined) d.file = file
    return d
  })
  return sortDiagnostics(out)
}
