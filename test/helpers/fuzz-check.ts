/**
 * One fuzz case: parse a mutated text in a dialect and check the parser's
 * promises: no exception, a lossless round trip, no internal errors, and
 * every diagnostic placed at a real line and column of the text, and the
 * fast lane's reading equal to the grammar's.
 */
import type { Dialect } from '../../src/ast.js'
import { parse } from '../../src/parse/index.js'
import { print } from '../../src/print/index.js'
import { firstDifference } from './same-tree.js'

/** What went wrong with one case, or undefined when all promises held. */
export function checkFuzzCase(text: string, dialect: Dialect): string | undefined {
  let result
  try {
    result = parse(text, { dialect })
  } catch (err) {
    return `threw: ${err instanceof Error ? err.message : String(err)}`
  }
  if (print(result.journal) !== text) return 'printed text differs'
  const lines = text.split('\n')
  for (const d of result.diagnostics) {
    if (d.code === 'parse/internal') return `internal error: ${d.message}`
    if (d.line === undefined || d.column === undefined) return `diagnostic without a position: ${d.message}`
    const line = lines[d.line - 1]
    if (line === undefined || d.column < 1 || d.column > line.length + 1) return `diagnostic at an impossible place ${d.line}:${d.column}: ${d.message}`
  }
  const grammarOnly = parse(text, { dialect, fastLane: false })
  const difference = firstDifference(grammarOnly.journal, result.journal) ?? firstDifference(grammarOnly.diagnostics, result.diagnostics, 'diagnostics')
  if (difference) return `the fast lane reads it differently from the grammar: ${difference}`
  return undefined
}
