/**
 * The transform contract. A transform is one rewrite of the syntax tree,
 * declared for a direction (ledger → hledger or back). It edits node fields
 * in place (the printer then renders what changed in the file's own style),
 * creates nodes only through build.ts, and reports what it did:
 *
 * - `info`: a plain rewrite, meaning kept;
 * - `warning`: meaning or information may be lost (a payee, a valuation);
 * - `error`: what the target cannot express was dropped.
 *
 * Transforms are idempotent: running one on its own output changes nothing.
 */
import type { Dialect, Journal, Posting, Transaction } from '../ast.js'
import type { Severity } from '../diagnostic.js'
import type { ResolvedJournal, ResolvedPosting, ResolvedTransaction } from '../semantics/model.js'

/** What the source journal means under the source dialect's rules, for transforms that need it. */
export interface SourceMeaning {
  resolved: ResolvedJournal
  /** The resolved transaction read from a transaction node. */
  transactionOf(node: Transaction): ResolvedTransaction | undefined
  /** The resolved postings read from a posting node (one, or none when it was dropped). */
  postingOf(node: Posting): ResolvedPosting | undefined
}

/** An `apply` block open in an including file: its kind and its argument (`Personal`, `trip`). */
export interface InheritedApply {
  kind: 'account' | 'tag' | 'other'
  value: string
}

/** A report from a transform, about a node of the file being transformed. */
export interface TransformReport {
  severity: Severity
  /** The rule id (the lint id of dialects.md where there is one). */
  code: string
  message: string
  /** The node the report is about (its position is used). */
  node?: { span?: { start: number; end: number } | undefined } | undefined
  hint?: string
}

/** What a transform works with. */
export interface TransformContext {
  readonly from: Dialect
  readonly to: Dialect
  /** The file being transformed (edited in place). */
  readonly journal: Journal
  /** What the whole source tree means (all files resolved together). */
  readonly source: SourceMeaning
  /** State shared by the transforms of one conversion (keyed by transform name). */
  readonly shared: Map<string, unknown>
  /** Whether this file is the root of the conversion (includes are followed from it). */
  readonly isRoot: boolean
  /** The apply blocks open where the file is included (both tools apply them to it), outermost first. */
  readonly inheritedApply: readonly InheritedApply[]
  report(r: TransformReport): void
}

/** One rewrite. */
export interface Transform {
  /** Stable name, used in diagnostics and `--only`/`--skip`. */
  name: string
  description: string
  from: Dialect
  to: Dialect
  /** Edit `ctx.journal` in place. */
  run(ctx: TransformContext): void
}

/** Declare a transform (identity; gives the object its type). */
export function defineTransform(t: Transform): Transform {
  return t
}
