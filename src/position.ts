/**
 * Offsets to lines and columns.
 *
 * Nodes carry only offsets (`span`); this module turns an offset into a
 * 1-based line and column, counting columns in UTF-16 code units as editors
 * and peggy do. The line index of a text is built once and cached.
 */
import type { Journal, Span } from './ast.js'

/** A 1-based line and column with the 0-based offset they came from (unist, peggy). */
export interface Point {
  line: number
  column: number
  offset: number
}

/** A start and end point, plus the file when known. */
export interface Position {
  start: Point
  end: Point
  file?: string
}

/** Line starts of one text, for offset → line/column lookups. */
export class LineIndex {
  private readonly starts: number[]

  constructor(text: string) {
    const starts = [0]
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1)
    this.starts = starts
  }

  /** The point at `offset`. */
  pointAt(offset: number): Point {
    const starts = this.starts
    let lo = 0
    let hi = starts.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if ((starts[mid] as number) <= offset) lo = mid
      else hi = mid - 1
    }
    return { line: lo + 1, column: offset - (starts[lo] as number) + 1, offset }
  }

  /** The start and end points of a span. */
  positionOf(span: Span): Position {
    return { start: this.pointAt(span.start), end: this.pointAt(span.end) }
  }
}

const SOURCE = Symbol.for('ptabridge.source')
const INDEX = new WeakMap<Journal, LineIndex>()

/** Remember a journal's source text (non-enumerable: it never reaches JSON). */
export function attachSource(journal: Journal, text: string): void {
  Object.defineProperty(journal, SOURCE, { value: text, enumerable: false, configurable: true, writable: true })
}

/** The source text a journal was parsed from, if it is still attached. */
export function sourceOf(journal: Journal): string | undefined {
  return (journal as unknown as Record<symbol, string | undefined>)[SOURCE]
}

/**
 * Line and column of a node's span in the journal it was parsed from.
 * Returns undefined for generated nodes (no span) or when the source is gone.
 */
export function positionOf(journal: Journal, node: { span?: Span }): Position | undefined {
  if (!node.span) return undefined
  let index = INDEX.get(journal)
  if (!index) {
    const text = sourceOf(journal)
    if (text === undefined) return undefined
    index = new LineIndex(text)
    INDEX.set(journal, index)
  }
  const position = index.positionOf(node.span)
  if (journal.file !== undefined) position.file = journal.file
  return position
}
