/**
 * The lint engine: what breaks when a journal is read by ledger, hledger or
 * both.
 *
 * For the tool the journal is written for, it reports what that tool itself
 * rejects (syntax, balancing, assertions, and with `strict` hledger's strict
 * checks), using the parser and the semantics engine. For the other tool it
 * runs the conversion the journal would need: every rewrite a transform
 * reports is a line the other tool would reject or read differently, under
 * the rule id the transform reports it with. The conversion's own check (the
 * converted journal read with the target's rules) adds what no rewrite fixes.
 * Findings then pass through the configuration (rule levels) and the
 * `ptabridge-disable-next-line` comments.
 */
import { readFileSync } from 'node:fs'
import type { Dialect } from '../ast.js'
import { convert } from '../convert/convert.js'
import { startOtherReading } from '../convert/other-reading.js'
import type { Diagnostic, Severity } from '../diagnostic.js'
import { sortDiagnostics } from '../diagnostic.js'
import { detectDialect } from '../dialect/index.js'
import { decodeJournal, parseFile } from '../parse/files.js'
import { resolveJournal } from '../semantics/resolve.js'
import { identityCheck, REJECTIONS } from './identity.js'
import { RULES_BY_ID } from './registry.js'
import type { LintRule, RuleLevel } from './rule.js'
import { strictChecks } from './strict.js'
import { suppressions, type Suppressions } from './suppress.js'

/** Which tools the journal must work with. */
export type LintTarget = Dialect | 'both'

/** Options for {@link lintFile}. */
export interface LintOptions {
  target: LintTarget
  /** The journal's dialect (default: from its extension, else its content). */
  from?: Dialect
  /** Rule levels that override the rules' defaults. */
  rules?: Readonly<Record<string, RuleLevel>>
  /** Report the rules only hledger's strict mode checks. */
  strict?: boolean
  /** Today's date (`YYYY-MM-DD`) for year-less dates. */
  today?: string
  /** The top file's text, when already read (standard input). */
  text?: string
}

/** One problem found: a diagnostic under a rule id, for a tool. */
export interface Finding extends Diagnostic {
  /** The rule id (also in `code`). */
  rule: string
  /** The tool that breaks. */
  tool: Dialect
  /** The transform that fixes it (`--fix`), if any. */
  fixedBy?: string
}

/** What {@link lintFile} returns. */
export interface LintResult {
  /** The journal's dialect. */
  dialect: Dialect
  findings: Finding[]
  /** The files read (the root first). */
  files: string[]
  /** How many findings disable comments hid. */
  suppressed: number
}

/** Codes of diagnostics that are notes about the conversion itself, not problems in the journal. */
const NOT_PROBLEMS = new Set(['convert/include-inlined', 'convert/include-expanded', 'explicit-amounts'])

/** Rules for problems of the journal in its own tool (the conversion repeats them). */
const SOURCE_RULES = new Set(['syntax-error', 'unbalanced-entry', 'assertion-failed', 'include-not-found', 'balance-assignment', 'semantic-warning'])

/** The rule a diagnostic of the parser, the semantics engine or the conversion check belongs to. */
function ruleOf(code: string, severity: Severity): string {
  if (RULES_BY_ID.has(code)) return code
  if (code === 'balance/unbalanced') return 'unbalanced-entry'
  if (code === 'balance/assignment-with-auto') return 'assignment-with-auto-posting'
  if (code.startsWith('balance/')) return 'balance-assignment'
  if (code === 'assertion/failed') return 'assertion-failed'
  if (code.startsWith('include/')) return 'include-not-found'
  if (code === 'convert/target-rejects') return 'target-rejects'
  if (code === 'convert/meaning-changed') return 'meaning-changed'
  if ((code.startsWith('syntax/') || code.startsWith('parse/')) && severity === 'error') return 'syntax-error'
  return 'semantic-warning'
}

/**
 * The level a finding gets: the configured level; else error where the
 * check says error (for a rewrite: where the identity check showed the other
 * tool rejects the line or computes other balances); else the rule's
 * default, capped at warning for a rewrite.
 */
function levelOf(rule: LintRule | undefined, reported: Severity, configured: RuleLevel | undefined, rewrite: boolean): RuleLevel {
  if (configured !== undefined) return configured
  if (!rule || rule.severity === 'off') return rule ? 'off' : reported
  if (reported === 'error') return 'error'
  return rewrite && rule.severity === 'error' ? 'warning' : rule.severity
}

/** Where a raw diagnostic came from. */
type Origin = 'own' | 'identity' | 'conversion'

/** A diagnostic before rules, levels and suppressions apply. */
interface RawFinding {
  d: Diagnostic
  tool: Dialect
  origin: Origin
  /** The transform that reported it (conversion rewrites only). */
  fixedBy?: string
}

/** Lint one journal (and every file it includes). */
export function lintFile(path: string, options: LintOptions): LintResult {
  const text = options.text ?? readJournalText(path)
  if (text === undefined) parseFile(path) // throws the file's read error
  const source = text ?? ''
  // the dialect as parseFile will choose it, so the other tool's reading can start before parsing
  const dialect = options.from ?? detectDialect(source, path).dialect
  const today = options.today !== undefined ? { today: options.today } : {}
  const other: Dialect = dialect === 'ledger' ? 'hledger' : 'ledger'
  const reading = options.target === dialect ? undefined : startOtherReading({ path, tool: other, text: source, ...today }, source.length)
  const parsed = parseFile(path, { dialect, text: source })
  // the journal's own tool first: the conversion for the other one edits the tree
  const tools: Dialect[] = options.target === 'both' ? [dialect, dialect === 'ledger' ? 'hledger' : 'ledger'] : [options.target]
  // what the journal's own tool computes, automated transactions applied (hledger with --auto, as equiv.py runs it)
  const own = resolveJournal(parsed, { dialect, auto: true, ...today })
  const raw: RawFinding[] = []
  for (const tool of tools) {
    if (tool === dialect) {
      for (const d of own.diagnostics) raw.push({ d, tool, origin: 'own' })
      if (options.strict && tool === 'hledger') for (const d of strictChecks(parsed, own)) raw.push({ d, tool, origin: 'own' })
      continue
    }
    // every rewrite the conversion needs explains (and fixes) a line the other tool reads differently
    // (its output is not needed: the identity check says what the other tool makes of the journal)
    const result = convert(parsed, { to: tool, layout: 'tree', print: false, resolved: own, ...today })
    if (reading) for (const d of identityCheck(own, reading.result(), parsed, path, tool, { ...options, text: source })) raw.push({ d, tool, origin: 'identity' })
    for (const d of result.diagnostics) {
      // a rule reported by a transform, or by the conversion itself (include globs): a rewrite
      const fixedBy = result.reportedBy.get(d) ?? (RULES_BY_ID.has(d.code) ? 'convert' : undefined)
      // the journal's own problems were reported for its own tool already
      if (fixedBy === undefined && tools.includes(dialect) && SOURCE_RULES.has(ruleOf(d.code, d.severity))) continue
      raw.push({ d, tool, origin: 'conversion', ...(fixedBy !== undefined ? { fixedBy } : {}) })
    }
  }
  const result = decide(raw, options, suppressions(parsed, options.text))
  return { dialect, ...result, files: parsed.files.map((f) => f.path) }
}

/** A journal file's text, or undefined when it cannot be read (parseFile then says why). */
function readJournalText(path: string): string | undefined {
  try {
    return decodeJournal(readFileSync(path)).text
  } catch {
    return undefined
  }
}

/** Turn raw diagnostics into findings: rules, levels, de-duplication, suppressions. */
function decide(raw: readonly RawFinding[], options: LintOptions, disabled: Suppressions): { findings: Finding[]; suppressed: number } {
  const lineKey = (r: RawFinding): string => `${r.tool}\u0000${r.d.file}\u0000${r.d.line}`
  const identity = raw.filter((r) => r.origin === 'identity')
  // the lines each finding covers (a rule is reported at an entry's first line, a rejection at the line itself)
  const covered = (rs: readonly RawFinding[]): Set<string> => {
    const out = new Set<string>()
    for (const r of rs) for (let l = r.d.line ?? 0; l <= (r.d.endLine ?? r.d.line ?? 0); l++) out.add(`${r.tool}\u0000${r.d.file}\u0000${l}`)
    return out
  }
  // lines the other tool rejects as written, and the tools whose balances differ: a rewrite there is an error
  const rejected = identity.filter((r) => REJECTIONS.has(r.d.code))
  const rejectedLines = covered(rejected)
  const rejectedWithin = (r: RawFinding): boolean => {
    for (let l = r.d.line ?? 0; l <= (r.d.endLine ?? r.d.line ?? 0); l++) if (rejectedLines.has(`${r.tool}\u0000${r.d.file}\u0000${l}`)) return true
    return false
  }
  const meaningDiffers = new Set(identity.filter((r) => r.d.code === 'convert/meaning-changed').map((r) => r.tool))
  // a rejected line a rewrite explains needs no generic finding
  const rewritten = covered(raw.filter((r) => r.fixedBy !== undefined && RULES_BY_ID.has(r.d.code)))
  // a line the journal's own tool rejects needs no second finding from the other tool
  const ownErrors = new Set(raw.filter((r) => r.d.severity === 'error' && SOURCE_RULES.has(ruleOf(r.d.code, r.d.severity))).map((r) => `${r.d.file}\u0000${r.d.line}`))
  const findings: Finding[] = []
  const seen = new Set<string>()
  let suppressed = 0
  for (const r of raw) {
    const { d, tool, fixedBy } = r
    if (NOT_PROBLEMS.has(d.code)) continue
    const id = ruleOf(d.code, d.severity)
    const generic = id === 'target-rejects' || id === 'meaning-changed'
    if (generic && ownErrors.has(`${d.file}\u0000${d.line}`)) continue
    if (id === 'target-rejects' && rewritten.has(lineKey(r))) continue
    // the conversion's check of its own output adds something only where the identity check found nothing
    if (generic && r.origin === 'conversion' && (rejected.length > 0 || meaningDiffers.has(tool))) continue
    const rule = RULES_BY_ID.get(id)
    if (rule?.strictOnly && !options.strict) continue
    let reported = d.severity
    if (fixedBy !== undefined && rule) {
      // a rewrite is an error where the other tool really fails on the line, or computes other balances
      const failsHere = rejectedWithin(r) || (rule.kind === 'silent' && meaningDiffers.has(tool))
      reported = failsHere ? 'error' : 'warning'
    }
    const level = levelOf(rule, reported, options.rules?.[id], fixedBy !== undefined)
    if (level === 'off') continue
    if (isSuppressed(disabled, d, id)) {
      suppressed++
      continue
    }
    const key = `${d.file}\u0000${d.line}\u0000${d.column}\u0000${id}\u0000${tool}`
    if (seen.has(key)) continue
    seen.add(key)
    const f: Finding = { ...d, code: id, rule: id, tool, severity: level, message: rule && rule.id === d.code ? rule.message : d.message }
    if (rule && rule.id === d.code) {
      f.hint = `${fixedBy !== undefined && rule.fix !== undefined ? 'ptabridge --fix: ' : ''}${d.message}`
      // fixable when the rule says so: some transforms only report (a '|' in a payee, a virtual cost)
      if (rule.fix !== undefined) f.fixedBy = fixedBy ?? rule.fix
    }
    findings.push(f)
  }
  return { findings: sortDiagnostics(findings) as Finding[], suppressed }
}

function isSuppressed(disabled: Suppressions, d: Diagnostic, id: string): boolean {
  if (d.file === undefined || d.line === undefined) return false
  const ids = disabled.get(d.file)?.get(d.line)
  return ids !== undefined && (ids.has('*') || ids.has(id))
}
