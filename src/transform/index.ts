/**
 * The transforms of each direction, in the order they run, and `plan()`,
 * which picks them.
 */
import type { Dialect } from '../ast.js'
import comments from './l2h/comments.js'
import { applyBlocks, bucket, directivePrefix, unsupportedDirectives, years } from './l2h/directives.js'
import { droppedEntries, headers, zeroAssertions } from './l2h/entries.js'
import { accounts, commodityUnits, payees } from './l2h/names.js'
import { numbers } from './l2h/numbers.js'
import { dates } from './l2h/dates.js'
import { assignments, balancedVirtualGroups, deferredPostings, inEntryChecks, lotsAndCosts, lotWeights, tabSeparators, valueExpressions } from './l2h/postings.js'
import { autoRules, periodicTransactions } from './l2h/rules.js'
import { tags } from './l2h/tags.js'
import { timeclock } from './l2h/timeclock.js'
import { numbers as h2lNumbers } from './h2l/numbers.js'
import { blanks as h2lBlanks, directives as h2lDirectives, postings as h2lPostings } from './h2l/syntax.js'
import { tags as h2lTags } from './h2l/tags.js'
import { defineTransform, type Transform } from './types.js'

export { defineTransform, type InheritedApply, type Transform, type TransformContext, type TransformReport, type SourceMeaning } from './types.js'

/** ledger → hledger, in order: syntax first, then meaning, then what is left over. */
export const LEDGER_TO_HLEDGER: readonly Transform[] = [
  comments,
  directivePrefix,
  numbers,
  valueExpressions,
  applyBlocks,
  years,
  bucket,
  autoRules,
  timeclock,
  accounts,
  payees,
  commodityUnits,
  droppedEntries,
  lotsAndCosts,
  lotWeights,
  assignments,
  dates,
  tabSeparators,
  deferredPostings,
  balancedVirtualGroups,
  inEntryChecks,
  zeroAssertions,
  tags,
  headers,
  periodicTransactions,
  unsupportedDirectives,
]

/** The same rewrite for the other direction. */
function reversed(t: Transform): Transform {
  return defineTransform({ ...t, from: t.to, to: t.from })
}

/** hledger → ledger, in order. */
export const HLEDGER_TO_LEDGER: readonly Transform[] = [
  h2lNumbers,
  h2lDirectives,
  reversed(autoRules),
  reversed(timeclock),
  reversed(accounts),
  reversed(assignments),
  h2lPostings,
  h2lBlanks,
  h2lTags,
]

/** The transforms that rewrite a journal written for `from` into one `to` reads the same way. */
export function plan(from: Dialect, to: Dialect): readonly Transform[] {
  if (from === to) return []
  return from === 'ledger' ? LEDGER_TO_HLEDGER : HLEDGER_TO_LEDGER
}
