/**
 * What a lint rule is: metadata only. ptabridge finds cross-tool problems
 * with the same code that fixes them (the convert transforms, which report
 * each rewrite under the rule's id) and with the semantics engine (balancing,
 * assertions, strict checks). A rule file says what the problem is, which
 * tool it breaks and how, how serious it is by default, what to do, which
 * transform fixes it, and carries the examples its tests and docs use.
 */
import type { Dialect } from '../ast.js'

/** A rule's severity setting: `off` turns it off. */
export type RuleLevel = 'off' | 'info' | 'warning' | 'error'

/**
 * How the tool the rule names goes wrong: `rejected` (it stops with an
 * error), `silent` (it reads the text with another meaning: balances,
 * dates), `metadata` (tags, payees, notes or comments differ, balances do
 * not), `lossy` (information is dropped, for example a report feature), or
 * `none` (only style; both tools agree).
 */
export type BreakKind = 'rejected' | 'silent' | 'metadata' | 'lossy' | 'none'

/** A valid/invalid example pair, in the dialect of the tool that accepts the invalid one. */
export interface RuleExample {
  /** The dialect the text is written in (the tool it was written for). */
  dialect: Dialect
  /** Text that triggers the rule when linted for the tool(s) in `breaks`. */
  invalid: string
  /** Text that does not trigger it. */
  valid: string
  /** Other files the invalid text includes, by name. */
  files?: Readonly<Record<string, string>>
}

/** One lint rule. */
export interface LintRule {
  /** Stable id, from the lint catalogue in dialects.md where it has one. */
  id: string
  /** The tools that misread or reject the text the rule finds. */
  breaks: readonly Dialect[]
  kind: BreakKind
  /** The severity when no configuration says otherwise. */
  severity: RuleLevel
  /** The problem in one sentence: what happens in which tool. */
  message: string
  /** Why it happens (the two tools' rules), for the docs. */
  why: string
  /** What to do about it. */
  advice: string
  /** The transform that fixes it (`ptabridge lint --fix`), if any. */
  fix?: string
  /** Only reported with `--strict` (the tool checks it only in its strict mode). */
  strictOnly?: boolean
  /** The example the tests check against the real tools and the docs show (absent only where no small journal shows the problem). */
  example?: RuleExample
}

/** Declare a rule (identity; gives the object its type). */
export function defineRule(rule: LintRule): LintRule {
  return rule
}
