/**
 * Facts about Ledger 3.3 (ledger-cli), checked against the 3.3.0 binary and
 * its parser (src/textual.cc). See ../shared/docs/dialects.md for the
 * observations behind each entry.
 */
import type { DirectiveName } from '../ast.js'
import type { DialectFacts, DirectiveFact } from './facts.js'

const ok = (needsArgument = true): DirectiveFact => ({ support: 'ok', comment: false, needsArgument })

const directives: Record<DirectiveName, DirectiveFact> = {
  account: ok(),
  alias: ok(),
  'end aliases': { support: 'rejected', comment: false, needsArgument: false, lintId: 'end-aliases', hint: "ledger 3.3 has no 'end aliases'; remove it (aliases then stay in force)" },
  'apply account': ok(),
  'apply tag': ok(),
  'apply fixed': ok(),
  'apply year': ok(),
  apply: { support: 'ignored', comment: false, needsArgument: true },
  'end apply account': ok(false),
  'end apply tag': ok(false),
  'end apply fixed': ok(false),
  'end apply year': ok(false),
  'end apply': ok(false),
  end: ok(false),
  'end tag': ok(false),
  year: ok(),
  Y: ok(),
  bucket: ok(),
  A: ok(),
  capture: { support: 'ignored', comment: false, needsArgument: true },
  check: ok(),
  assert: ok(),
  define: ok(),
  def: ok(),
  eval: ok(),
  expr: ok(),
  value: ok(),
  include: ok(),
  payee: ok(),
  tag: ok(),
  commodity: ok(),
  D: ok(),
  C: ok(),
  N: ok(),
  P: ok(),
  'decimal-mark': { support: 'ignored', comment: false, needsArgument: true, lintId: 'decimal-mark-directive', hint: "ledger ignores 'decimal-mark'; write canonical numbers or declare the style with a commodity block" },
  python: ok(false),
  import: ok(),
  option: ok(false),
}

/** Ledger 3.3's facts. */
export const ledgerFacts: DialectFacts = {
  name: 'ledger',
  toolName: 'ledger 3.3',
  extensions: ['ledger', 'dat', 'ldg', 'lgr'],
  topCommentMarkers: new Set([';', '#', '*', '%', '|']),
  indentedTopCommentMarkers: new Set(),
  directives,
  acceptedOpaque: new Set(['unknown-directive', 'check-line', 'python-line', 'ignored-timeclock']),
  testBlocks: true,
  prefixedBlocks: true,
  directivePrefixes: new Set(['!', '@']),
  timeclockInJournal: true,
}
