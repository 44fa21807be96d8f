/**
 * hledger's strict checks as lint findings (`--strict`): every account and
 * commodity declared, and entries in date order within each file.
 */
import type { Journal } from '../ast.js'
import type { Diagnostic } from '../diagnostic.js'
import type { ParseFileResult } from '../parse/files.js'
import { positionOf } from '../position.js'
import type { ResolvedJournal } from '../semantics/model.js'

/** hledger's strict checks: declared accounts and commodities, and dates in order within each file. */
export function strictChecks(parsed: ParseFileResult, resolved: ResolvedJournal): Diagnostic[] {
  const out: Diagnostic[] = []
  const journals = new Map<string, Journal>(parsed.files.map((f) => [f.journal.file ?? f.path, f.journal]))
  const accounts = new Set(resolved.declaredAccounts)
  const at = (file: string | undefined, node: { span?: { start: number; end: number } } | undefined): Partial<Diagnostic> => {
    const journal = file !== undefined ? journals.get(file) : undefined
    const pos = journal && node ? positionOf(journal, node) : undefined
    return { ...(file !== undefined ? { file } : {}), ...(pos && node?.span ? { line: pos.start.line, column: pos.start.column, endLine: pos.end.line, endColumn: pos.end.column, span: node.span } : {}) }
  }
  const lastDate = new Map<string, string>()
  for (const t of resolved.transactions) {
    if (t.node === undefined) continue // generated (periodic, auto)
    const file = t.file ?? ''
    const previous = lastDate.get(file)
    if (previous !== undefined && t.date < previous) {
      out.push({ severity: 'error', code: 'dates-out-of-order', message: `Entry dated ${t.date} after one dated ${previous}: 'hledger check ordereddates' rejects it`, ...at(t.file, t.node) })
    } else lastDate.set(file, t.date)
    for (const p of t.postings) {
      if (p.node === undefined) continue
      if (!accounts.has(p.account)) out.push({ severity: 'error', code: 'undeclared-account', message: `Account ${p.account} is not declared: 'hledger check accounts' rejects it`, ...at(t.file, p.node) })
      for (const a of p.amount ?? []) {
        const info = resolved.commodities.get(a.commodity)
        if (a.commodity !== '' && info && !info.declared) out.push({ severity: 'error', code: 'undeclared-commodity', message: `Commodity ${a.commodity} is not declared: 'hledger check commodities' rejects it`, ...at(t.file, p.node) })
      }
    }
  }
  return out
}
