/**
 * Facts about hledger 1.25, checked against the Debian 1.25 binary. See
 * ../shared/docs/dialects.md for the observations behind each entry.
 */
import type { DirectiveName } from '../ast.js'
import type { DialectFacts, DirectiveFact } from './facts.js'

const ok = (comment: DirectiveFact['comment'] = 'blank', needsArgument = true): DirectiveFact => ({ support: 'ok', comment, needsArgument })
const rejected = (lintId: string, hint: string, needsArgument = true): DirectiveFact => ({ support: 'rejected', comment: false, needsArgument, lintId, hint })

const directives: Record<DirectiveName, DirectiveFact> = {
  account: ok('hard'),
  alias: ok(false),
  'end aliases': ok('any', false),
  'apply account': ok(false),
  'apply tag': rejected('apply-tag', 'hledger 1.25 has no apply tag; add the tag to each transaction'),
  'apply fixed': rejected('apply-fixed', 'hledger has no apply fixed; remove it'),
  'apply year': rejected('year-directive', "hledger 1.25 has no 'apply year'; use 'Y YEAR'"),
  apply: rejected('unknown-directive', 'hledger knows only apply account'),
  'end apply account': ok('any', false),
  'end apply tag': rejected('apply-tag', 'hledger 1.25 has no apply tag', false),
  'end apply fixed': rejected('apply-fixed', 'hledger has no apply fixed', false),
  'end apply year': rejected('year-directive', "hledger 1.25 has no 'apply year'", false),
  'end apply': rejected('end-apply-shorthand', "write 'end apply account'", false),
  end: rejected('end-apply-shorthand', "write 'end apply account' (or 'end comment')", false),
  'end tag': { support: 'ignored', comment: 'any', needsArgument: false },
  year: rejected('year-directive', "hledger 1.25 has no 'year' directive; use 'Y YEAR'"),
  Y: ok('any'),
  bucket: rejected('bucket-directive', 'hledger has no bucket directive; write the balancing postings'),
  A: rejected('bucket-directive', 'hledger has no A directive; write the balancing postings'),
  capture: rejected('capture-directive', 'hledger has no capture directive; remove it'),
  check: rejected('check-assert-directive', 'hledger has no check directive; remove it'),
  assert: rejected('check-assert-directive', 'hledger has no assert directive; remove it'),
  define: rejected('define-directive', 'hledger has no define directive; evaluate the expressions'),
  def: rejected('define-directive', 'hledger has no def directive; evaluate the expressions'),
  eval: rejected('define-directive', 'hledger has no eval directive; remove it'),
  expr: rejected('define-directive', 'hledger has no expr directive; remove it'),
  value: rejected('value-directive', 'hledger has no value directive; remove it'),
  include: ok(false),
  payee: ok('any'),
  tag: ok('any'),
  commodity: ok('any'),
  D: ok('any'),
  C: ok('any'),
  N: ok('any'),
  P: ok('any'),
  'decimal-mark': ok('any'),
  python: rejected('python-directive', 'hledger cannot run python blocks; remove it', false),
  import: rejected('python-directive', 'hledger has no import directive; remove it'),
  option: rejected('command-line-flag-directive', 'hledger does not read option lines; apply the option or pass it on the command line', false),
}

/** hledger 1.25's facts. */
export const hledgerFacts: DialectFacts = {
  name: 'hledger',
  toolName: 'hledger 1.25',
  extensions: ['journal', 'j', 'hledger'],
  topCommentMarkers: new Set([';', '#', '*']),
  indentedTopCommentMarkers: new Set([';', '#', '*']),
  directives,
  acceptedOpaque: new Set([]),
  testBlocks: false,
  prefixedBlocks: false,
  directivePrefixes: new Set(['!']),
  timeclockInJournal: false,
}
