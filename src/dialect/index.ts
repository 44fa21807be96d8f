/**
 * Dialect registry and detection.
 *
 * `factsFor()` gives a dialect's fact table. `detectDialect()` picks the
 * dialect of a file from its extension (.ledger .dat .ldg → ledger; .journal
 * .j .hledger → hledger) and, when the extension says nothing, from what the
 * text contains.
 */
import type { Dialect } from '../ast.js'
import type { DialectFacts } from './facts.js'
import { hledgerFacts } from './hledger.js'
import { ledgerFacts } from './ledger.js'

export type { DialectFacts, DirectiveFact, Support } from './facts.js'
export { hledgerFacts, ledgerFacts }

/** The fact table of a dialect. */
export function factsFor(dialect: Dialect): DialectFacts {
  return dialect === 'hledger' ? hledgerFacts : ledgerFacts
}

/** The dialect a file extension selects, if any. */
export function dialectOfExtension(file: string): Dialect | undefined {
  const dot = file.lastIndexOf('.')
  if (dot < 0) return undefined
  const ext = file.slice(dot + 1).toLowerCase()
  if (ledgerFacts.extensions.includes(ext)) return 'ledger'
  if (hledgerFacts.extensions.includes(ext)) return 'hledger'
  return undefined
}

/** How a dialect was chosen, for messages. */
export interface DialectChoice {
  dialect: Dialect
  reason: 'option' | 'extension' | 'content' | 'default'
}

// Lines only ledger reads (test blocks, %/| comments, apply tag/fixed, value
// expressions in amounts, ledger-only directives, option lines, @-prefixes).
const LEDGER_MARKS = /^(?:test\b|end test\b|[%|]|apply (?:tag|fixed|rate|year)\b|end apply\s*$|end\s*$|(?:bucket|define|def|eval|expr|capture|check|assert|value|python|import)\b|--[a-z]|@[a-z]|[iIoO] \d)|^[ \t]+\S.*?(?: {2}|\t)\(|\{\{?=?[^}]*\}\}? *\(|\(\(/m
// Lines only hledger reads (extended assertions, decimal-mark, end aliases, regex aliases, date: tags).
const HLEDGER_MARKS = /^(?:decimal-mark\b|end aliases\b|alias\s+\/)|=[=*]|\bdate2?:\s*\d/m

/**
 * Choose a dialect: an explicit choice wins, then the extension, then
 * telltale constructs in the text. Files that say nothing either way are
 * read as ledger, the more permissive reader.
 */
export function detectDialect(text: string, file?: string, explicit?: Dialect): DialectChoice {
  if (explicit) return { dialect: explicit, reason: 'option' }
  const byExt = file ? dialectOfExtension(file) : undefined
  if (byExt) return { dialect: byExt, reason: 'extension' }
  const ledgerish = LEDGER_MARKS.test(text)
  const hledgerish = HLEDGER_MARKS.test(text)
  if (ledgerish && !hledgerish) return { dialect: 'ledger', reason: 'content' }
  if (hledgerish && !ledgerish) return { dialect: 'hledger', reason: 'content' }
  return { dialect: 'ledger', reason: 'default' }
}
