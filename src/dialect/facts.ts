/**
 * The shape of a dialect fact table.
 *
 * Everything ptabridge knows about how one tool reads a journal, stated once,
 * as data: the parser's gates and the dialect check read it, and later the
 * resolver, transforms and lint rules do too. `ledger.ts` and `hledger.ts`
 * fill it in; a test keeps the two tables' keys aligned.
 */
import type { CommentMarker, DirectiveName, Dialect, OpaqueReason } from '../ast.js'

/** How a tool treats a construct it meets. */
export type Support =
  /** read with its documented meaning */
  | 'ok'
  /** accepted and ignored */
  | 'ignored'
  /** the tool stops with an error */
  | 'rejected'

/** How a tool treats one directive. */
export interface DirectiveFact {
  support: Support
  /**
   * Whether a `;` comment may end the directive's line, and what must come
   * before it: `'any'` (the first `;` starts it), `'blank'` (a blank),
   * `'hard'` (two spaces or a tab), or `false` (the `;` and what follows are
   * part of the argument).
   */
  comment: 'any' | 'blank' | 'hard' | false
  /** Whether the directive needs an argument. */
  needsArgument: boolean
  /** Lint id (dialects.md) to report when the tool rejects or ignores it. */
  lintId?: string
  /** What to tell the user when it is rejected. */
  hint?: string
}

/** One dialect's facts. */
export interface DialectFacts {
  name: Dialect
  /** Human name with the version the facts were checked against. */
  toolName: string
  /** File extensions (without dot) that select this dialect. */
  extensions: readonly string[]
  /** Comment markers accepted at the start of a top-level line. */
  topCommentMarkers: ReadonlySet<CommentMarker>
  /** Comment markers accepted on an indented line outside any entry (empty: none). */
  indentedTopCommentMarkers: ReadonlySet<CommentMarker>
  directives: Readonly<Record<DirectiveName, DirectiveFact>>
  /** Opaque line kinds the tool accepts silently. */
  acceptedOpaque: ReadonlySet<OpaqueReason>
  /** Whether `comment`/`test` blocks may be written `test` … `end test`. */
  testBlocks: boolean
  /** Whether `!`/`@` may prefix a comment block keyword. */
  prefixedBlocks: boolean
  /** Directive prefixes the tool accepts. */
  directivePrefixes: ReadonlySet<'!' | '@'>
  /** Whether timeclock lines may appear in a journal. */
  timeclockInJournal: boolean
}
