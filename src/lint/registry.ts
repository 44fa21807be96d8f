/**
 * Every lint rule, in one list (a test checks it against src/lint/rules/).
 */
import type { LintRule } from './rule.js'
import { accountDirectiveComment } from './rules/account-directive-comment.js'
import { accountNameBrackets } from './rules/account-name-brackets.js'
import { accountSubdirectiveAlias } from './rules/account-subdirective-alias.js'
import { accountSubdirectiveDefault } from './rules/account-subdirective-default.js'
import { accountSubdirectiveOther } from './rules/account-subdirective-other.js'
import { accountSubdirectivePayee } from './rules/account-subdirective-payee.js'
import { accountTypeUnknown } from './rules/account-type-unknown.js'
import { aliasChained } from './rules/alias-chained.js'
import { aliasDirective } from './rules/alias-directive.js'
import { aliasMultisegment } from './rules/alias-multisegment.js'
import { aliasRegex } from './rules/alias-regex.js'
import { aliasScopeInclude } from './rules/alias-scope-include.js'
import { ambiguousThousands } from './rules/ambiguous-thousands.js'
import { amountExpression } from './rules/amount-expression.js'
import { applyFixed } from './rules/apply-fixed.js'
import { applyTag } from './rules/apply-tag.js'
import { assertionExtended } from './rules/assertion-extended.js'
import { assertionFailed } from './rules/assertion-failed.js'
import { assertionOrder } from './rules/assertion-order.js'
import { assertionVirtualRealMix } from './rules/assertion-virtual-real-mix.js'
import { assertionWithCost } from './rules/assertion-with-cost.js'
import { assertionZeroAllCommodities } from './rules/assertion-zero-all-commodities.js'
import { assignmentWithAutoPosting } from './rules/assignment-with-auto-posting.js'
import { autoTxnAccountRef } from './rules/auto-txn-account-ref.js'
import { autoTxnAmountExpression } from './rules/auto-txn-amount-expression.js'
import { autoTxnMetadata } from './rules/auto-txn-metadata.js'
import { autoTxnMultiplier } from './rules/auto-txn-multiplier.js'
import { autoTxnNeedsFlag } from './rules/auto-txn-needs-flag.js'
import { autoTxnPosition } from './rules/auto-txn-position.js'
import { autoTxnQuerySyntax } from './rules/auto-txn-query-syntax.js'
import { autoTxnStarMultiplier } from './rules/auto-txn-star-multiplier.js'
import { auxDateYearless } from './rules/aux-date-yearless.js'
import { balanceAssignment } from './rules/balance-assignment.js'
import { balancingPrecision } from './rules/balancing-precision.js'
import { blockCommentEndMismatch } from './rules/block-comment-end-mismatch.js'
import { blockCommentPrefixed } from './rules/block-comment-prefixed.js'
import { blockCommentTest } from './rules/block-comment-test.js'
import { bracketDateInTxnComment } from './rules/bracket-date-in-txn-comment.js'
import { bracketDateYearless } from './rules/bracket-date-yearless.js'
import { bucketDirective } from './rules/bucket-directive.js'
import { cDirective } from './rules/c-directive.js'
import { captureDirective } from './rules/capture-directive.js'
import { checkAssertDirective } from './rules/check-assert-directive.js'
import { codeWithoutSpace } from './rules/code-without-space.js'
import { commandLineFlagDirective } from './rules/command-line-flag-directive.js'
import { commentCharPercentPipe } from './rules/comment-char-percent-pipe.js'
import { commodityAliasSubdirective } from './rules/commodity-alias-subdirective.js'
import { commodityBlankLine } from './rules/commodity-blank-line.js'
import { commodityDirectiveOneline } from './rules/commodity-directive-oneline.js'
import { commodityFormatNoDecimal } from './rules/commodity-format-no-decimal.js'
import { commoditySubdirective } from './rules/commodity-subdirective.js'
import { commoditySymbolCharset } from './rules/commodity-symbol-charset.js'
import { costSameCommodity } from './rules/cost-same-commodity.js'
import { dDirective } from './rules/d-directive.js'
import { dateFormat } from './rules/date-format.js'
import { dateOutOfRange } from './rules/date-out-of-range.js'
import { dateTagInvalid } from './rules/date-tag-invalid.js'
import { datesOutOfOrder } from './rules/dates-out-of-order.js'
import { decimalCommaSticky } from './rules/decimal-comma-sticky.js'
import { decimalMarkDirective } from './rules/decimal-mark-directive.js'
import { deferredPosting } from './rules/deferred-posting.js'
import { defineDirective } from './rules/define-directive.js'
import { digitGroupNon3 } from './rules/digit-group-non-3.js'
import { digitGroupSpace } from './rules/digit-group-space.js'
import { directivePrefix } from './rules/directive-prefix.js'
import { droppedEntry } from './rules/dropped-entry.js'
import { endAliases } from './rules/end-aliases.js'
import { endApplyShorthand } from './rules/end-apply-shorthand.js'
import { endTagDirective } from './rules/end-tag-directive.js'
import { fixatedCost } from './rules/fixated-cost.js'
import { forecastSemantics } from './rules/forecast-semantics.js'
import { inTransactionAssert } from './rules/in-transaction-assert.js'
import { includeForeignFormat } from './rules/include-foreign-format.js'
import { includeGlobstar } from './rules/include-globstar.js'
import { includeNotFound } from './rules/include-not-found.js'
import { indentedTopLevelComment } from './rules/indented-top-level-comment.js'
import { leadingDecimalPoint } from './rules/leading-decimal-point.js'
import { lotAnnotation } from './rules/lot-annotation.js'
import { lotNote } from './rules/lot-note.js'
import { lotPriceElidedCounterpart } from './rules/lot-price-elided-counterpart.js'
import { lotPriceSpaces } from './rules/lot-price-spaces.js'
import { lotPriceWithCost } from './rules/lot-price-with-cost.js'
import { lotValueExpression } from './rules/lot-value-expression.js'
import { meaningChanged } from './rules/meaning-changed.js'
import { multiplePeriods } from './rules/multiple-periods.js'
import { negativeCost } from './rules/negative-cost.js'
import { negativeSignPlacement } from './rules/negative-sign-placement.js'
import { numberStyleMismatch } from './rules/number-style-mismatch.js'
import { pDirectiveSpacing } from './rules/p-directive-spacing.js'
import { payeeMetadataTag } from './rules/payee-metadata-tag.js'
import { payeeNotePipe } from './rules/payee-note-pipe.js'
import { payeeSubdirective } from './rules/payee-subdirective.js'
import { periodicTxnAssertion } from './rules/periodic-txn-assertion.js'
import { periodicTxnDescription } from './rules/periodic-txn-description.js'
import { periodicTxnStartDate } from './rules/periodic-txn-start-date.js'
import { plusSign } from './rules/plus-sign.js'
import { postingDateBracketWithColon } from './rules/posting-date-bracket-with-colon.js'
import { postingDateTag } from './rules/posting-date-tag.js'
import { postingDate2Tag } from './rules/posting-date2-tag.js'
import { pythonDirective } from './rules/python-directive.js'
import { scientificNotation } from './rules/scientific-notation.js'
import { semanticWarning } from './rules/semantic-warning.js'
import { semicolonInDescription } from './rules/semicolon-in-description.js'
import { syntaxError } from './rules/syntax-error.js'
import { tabSeparator } from './rules/tab-separator.js'
import { tagColonList } from './rules/tag-colon-list.js'
import { tagNoSpaceAfterColon } from './rules/tag-no-space-after-colon.js'
import { tagNotFirstWord } from './rules/tag-not-first-word.js'
import { tagSubdirective } from './rules/tag-subdirective.js'
import { tagValueComma } from './rules/tag-value-comma.js'
import { targetRejects } from './rules/target-rejects.js'
import { timeclockInJournal } from './rules/timeclock-in-journal.js'
import { trailingDecimalMark } from './rules/trailing-decimal-mark.js'
import { typedMetadata } from './rules/typed-metadata.js'
import { unbalancedEntry } from './rules/unbalanced-entry.js'
import { undeclaredAccount } from './rules/undeclared-account.js'
import { undeclaredCommodity } from './rules/undeclared-commodity.js'
import { unicodeBlank } from './rules/unicode-blank.js'
import { unknownDirective } from './rules/unknown-directive.js'
import { uuidDuplicate } from './rules/uuid-duplicate.js'
import { valueDirective } from './rules/value-directive.js'
import { virtualBalancedGroup } from './rules/virtual-balanced-group.js'
import { virtualCost } from './rules/virtual-cost.js'
import { virtualElidedParen } from './rules/virtual-elided-paren.js'
import { yearDirective } from './rules/year-directive.js'
import { yearlessDate } from './rules/yearless-date.js'

/** All rules, by id order. */
export const RULES: readonly LintRule[] = [
  accountDirectiveComment,
  accountNameBrackets,
  accountSubdirectiveAlias,
  accountSubdirectiveDefault,
  accountSubdirectiveOther,
  accountSubdirectivePayee,
  accountTypeUnknown,
  aliasChained,
  aliasDirective,
  aliasMultisegment,
  aliasRegex,
  aliasScopeInclude,
  ambiguousThousands,
  amountExpression,
  applyFixed,
  applyTag,
  assertionExtended,
  assertionFailed,
  assertionOrder,
  assertionVirtualRealMix,
  assertionWithCost,
  assertionZeroAllCommodities,
  assignmentWithAutoPosting,
  autoTxnAccountRef,
  autoTxnAmountExpression,
  autoTxnMetadata,
  autoTxnMultiplier,
  autoTxnNeedsFlag,
  autoTxnPosition,
  autoTxnQuerySyntax,
  autoTxnStarMultiplier,
  auxDateYearless,
  balanceAssignment,
  balancingPrecision,
  blockCommentEndMismatch,
  blockCommentPrefixed,
  blockCommentTest,
  bracketDateInTxnComment,
  bracketDateYearless,
  bucketDirective,
  cDirective,
  captureDirective,
  checkAssertDirective,
  codeWithoutSpace,
  commandLineFlagDirective,
  commentCharPercentPipe,
  commodityAliasSubdirective,
  commodityBlankLine,
  commodityDirectiveOneline,
  commodityFormatNoDecimal,
  commoditySubdirective,
  commoditySymbolCharset,
  costSameCommodity,
  dDirective,
  dateFormat,
  dateOutOfRange,
  dateTagInvalid,
  datesOutOfOrder,
  decimalCommaSticky,
  decimalMarkDirective,
  deferredPosting,
  defineDirective,
  digitGroupNon3,
  digitGroupSpace,
  directivePrefix,
  droppedEntry,
  endAliases,
  endApplyShorthand,
  endTagDirective,
  fixatedCost,
  forecastSemantics,
  inTransactionAssert,
  includeForeignFormat,
  includeGlobstar,
  includeNotFound,
  indentedTopLevelComment,
  leadingDecimalPoint,
  lotAnnotation,
  lotNote,
  lotPriceElidedCounterpart,
  lotPriceSpaces,
  lotPriceWithCost,
  lotValueExpression,
  meaningChanged,
  multiplePeriods,
  negativeCost,
  negativeSignPlacement,
  numberStyleMismatch,
  pDirectiveSpacing,
  payeeMetadataTag,
  payeeNotePipe,
  payeeSubdirective,
  periodicTxnAssertion,
  periodicTxnDescription,
  periodicTxnStartDate,
  plusSign,
  postingDateBracketWithColon,
  postingDateTag,
  postingDate2Tag,
  pythonDirective,
  scientificNotation,
  semanticWarning,
  semicolonInDescription,
  syntaxError,
  tabSeparator,
  tagColonList,
  tagNoSpaceAfterColon,
  tagNotFirstWord,
  tagSubdirective,
  tagValueComma,
  targetRejects,
  timeclockInJournal,
  trailingDecimalMark,
  typedMetadata,
  unbalancedEntry,
  undeclaredAccount,
  undeclaredCommodity,
  unicodeBlank,
  unknownDirective,
  uuidDuplicate,
  valueDirective,
  virtualBalancedGroup,
  virtualCost,
  virtualElidedParen,
  yearDirective,
  yearlessDate,
]

/** The rules by id. */
export const RULES_BY_ID: ReadonlyMap<string, LintRule> = new Map(RULES.map((r) => [r.id, r]))
