/**
 * Diagnostics: structured problems with a place, never pre-formatted strings.
 *
 * Every stage (parse, dialect check, resolve, transform, lint) returns
 * diagnostics as values. Only the CLI turns them into text, JSON or SARIF.
 * The one-line text form is `FILE:LINE:COL: severity: message [code]`, which
 * Emacs, vim and VS Code problem matchers read as is.
 */
import type { Span } from './ast.js'

/** How serious a diagnostic is. */
export type Severity = 'error' | 'warning' | 'info'

/** A problem found in a journal. */
export interface Diagnostic {
  severity: Severity
  /** Stable id: `parse/syntax`, `parse/invalid-date`, a lint rule id, … */
  code: string
  /** What is wrong, in one sentence. */
  message: string
  /** What to do about it. */
  hint?: string
  /** The file, when known. */
  file?: string
  /** 1-based line and column of the start, when the problem has a place. */
  line?: number
  column?: number
  /** 1-based line and column of the end (exclusive). */
  endLine?: number
  endColumn?: number
  /** Offsets in the file. */
  span?: Span
}

const RANK: Record<Severity, number> = { error: 2, warning: 1, info: 0 }

/** Whether severity `a` is at least as serious as `b`. */
export function atLeast(a: Severity, b: Severity): boolean {
  return RANK[a] >= RANK[b]
}

/** Whether any diagnostic is an error. */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error')
}

/** Render one diagnostic as `FILE:LINE:COL: severity: message [code]`, plus the hint on its own line. */
export function formatDiagnostic(d: Diagnostic, options: { hint?: boolean } = {}): string {
  const where = [d.file ?? '<stdin>', d.line, d.column].filter((x) => x !== undefined).join(':')
  let out = `${where}: ${d.severity}: ${d.message} [${d.code}]`
  if (options.hint !== false && d.hint) out += `\n  hint: ${d.hint}`
  return out
}

/** Sort diagnostics by file, then position, then severity (errors first). */
export function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.sort((a, b) =>
    (a.file ?? '').localeCompare(b.file ?? '') ||
    (a.span?.start ?? -1) - (b.span?.start ?? -1) ||
    RANK[b.severity] - RANK[a.severity])
}
