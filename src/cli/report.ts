/**
 * Rendering diagnostics for people: `FILE:LINE:COL: severity: message [code]`,
 * then the source line with a caret under the column, then what to do.
 * Colour only on a terminal, and never when `NO_COLOR` is set.
 */
import type { Diagnostic } from '../diagnostic.js'
import { formatDiagnostic } from '../diagnostic.js'
import type { Io } from './io.js'

/** Whether to colour output written to `stream`. */
export function useColor(io: Io, stream: 'stdout' | 'stderr', flag?: boolean): boolean {
  if (flag !== undefined) return flag
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false
  if (io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== '0') return true
  return io[stream].isTTY === true && io.env.TERM !== 'dumb'
}

const SGR = { error: '\u001b[31m', warning: '\u001b[33m', info: '\u001b[36m', dim: '\u001b[2m', reset: '\u001b[0m' }

/**
 * Render diagnostics; `sources` maps a file name (as in the diagnostics) to
 * its text, for excerpts.
 */
export function renderDiagnostics(diagnostics: readonly Diagnostic[], sources: ReadonlyMap<string, string>, options: { color: boolean; excerpt: boolean }): string {
  const out: string[] = []
  for (const d of diagnostics) {
    let head = formatDiagnostic(d, { hint: false })
    if (options.color) head = head.replace(/: (error|warning|info): /, (_m, s: 'error' | 'warning' | 'info') => `: ${SGR[s]}${s}${SGR.reset}: `)
    out.push(head)
    const text = d.file !== undefined ? sources.get(d.file) : sources.get('<stdin>')
    if (options.excerpt && text !== undefined && d.line !== undefined) {
      const line = text.split(/\r?\n/)[d.line - 1]
      if (line !== undefined) {
        const gutter = String(d.line)
        const shown = line.replace(/\t/g, ' ')
        out.push(` ${gutter} | ${shown}`)
        const col = Math.max(1, d.column ?? 1)
        const width = d.endLine === d.line && d.endColumn !== undefined ? Math.max(1, d.endColumn - col) : 1
        const caret = '^'.repeat(Math.min(width, Math.max(1, shown.length - col + 1)))
        out.push(` ${' '.repeat(gutter.length)} | ${' '.repeat(col - 1)}${options.color ? SGR[d.severity] + caret + SGR.reset : caret}`)
      }
    }
    if (d.hint) out.push(`  hint: ${d.hint}`)
  }
  return out.length ? out.join('\n') + '\n' : ''
}
