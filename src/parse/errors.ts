/**
 * Turning peggy's syntax errors into sentences.
 *
 * peggy reports the set of things it expected at the furthest position it
 * reached and the character it found there. This module words that as
 * "Unexpected 'x', expected an amount or a comment", the form eslint and
 * remark-lint use, with named grammar rules ("amount", "date") doing most of
 * the work.
 */
import type { GeneratedExpectation } from './generated/parser.js'

function describe(e: GeneratedExpectation): string | undefined {
  switch (e.type) {
    case 'literal':
      return e.text === '\n' || e.text === '\r\n' ? 'end of line' : `'${e.text ?? ''}'`
    case 'other':
      return e.description
    case 'end':
      return 'end of input'
    case 'any':
      return 'any character'
    case 'class':
      return undefined
    default:
      return undefined
  }
}

/** Word a peggy failure as "Unexpected X, expected A, B or C". */
export function describeSyntaxError(expected: readonly GeneratedExpectation[] | null, found: string | null): string {
  const wanted = [...new Set((expected ?? []).map(describe).filter((d): d is string => d !== undefined))]
  const what = found === null ? 'end of line' : found === '\n' || found === '\r' ? 'end of line' : found === '\t' ? 'a tab' : found === ' ' ? 'a space' : `'${found}'`
  if (wanted.length === 0) return `Unexpected ${what}`
  const list = wanted.length === 1 ? wanted[0] : `${wanted.slice(0, -1).join(', ')} or ${wanted[wanted.length - 1]}`
  return `Unexpected ${what}, expected ${list}`
}
