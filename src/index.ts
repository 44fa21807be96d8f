/**
 * ptabridge: make Ledger and hledger journals work together.
 *
 * The library API: parse text or files into a lossless tree, print trees back
 * to text, make new nodes, read tags and directive arguments, work with
 * diagnostics and positions; resolve a journal under ledger's or hledger's
 * semantics and ask for balances, registers and lists.
 *
 * @example
 * ```ts
 * import { parse, print, loadJournal } from 'ptabridge'
 * const { journal, diagnostics } = parse(text, { dialect: 'ledger' })
 * print(journal) === text // always true
 * const book = loadJournal('main.journal')
 * book.balance({ query: 'expenses', period: '2024' })
 * ```
 */
export type * from './ast.js'
export { parse, type ParseOptions, type ParseResult } from './parse/index.js'
export {
  parseFile, decodeJournal, encodeJournal, expandInclude, FileReadError,
  type ParseFileOptions, type ParseFileResult, type SourceFile, type IncludedFiles, type FileEncoding,
} from './parse/files.js'
export { readTimedot, timedotHours, type TimedotResult } from './parse/timedot.js'
export { print, printTo, printerFor, type PrintOptions } from './print/index.js'
export { renderAmount, renderNumber, needsQuotes, houseStyle, Printer, LedgerPrinter, HledgerPrinter, type HouseStyle, type CommodityStyle } from './print/index.js'
export * as build from './build.js'
export type { Diagnostic, Severity } from './diagnostic.js'
export { formatDiagnostic, hasErrors, sortDiagnostics } from './diagnostic.js'
export { positionOf, LineIndex, type Point, type Position } from './position.js'
export { detectDialect, dialectOfExtension, factsFor, type DialectChoice, type DialectFacts } from './dialect/index.js'
export { readNumber, readLedgerQuantity, type NumberReading } from './numbers.js'
export { readDate, readDateWithFormat, formatDate, type DateStyle } from './dates.js'
export { tagsOf, bracketDatesOf, postingComments, type Tag, type BracketDate } from './tags.js'
export { priceArgs, yearArg, aliasArgs, readAmountArg, type PriceArgs, type AmountArg } from './directives.js'
export { badPeriodWord } from './period.js'
export { resolveJournal, type ResolveOptions, type ResolveInput } from './semantics/resolve.js'
export type { ResolvedJournal, ResolvedTransaction, ResolvedPosting, MarketPrice, CommodityInfo } from './semantics/model.js'
export { MixedAmount, type SimpleAmount } from './semantics/amount.js'
export { loadJournal, loadJournalText, Book, type LoadOptions, type PostingRule, type NewPosting, type BookBalanceOptions, type BookRegisterOptions, type PostingWithTransaction } from './api/book.js'
export { resolveSelection, SelectionError, type Selection, type ResolvedSelection } from './api/select.js'
export { balanceReport, accountOrder, type BalanceReport, type BalanceRow, type BalanceOptions } from './reports/balance.js'
export { registerReport, type RegisterRow, type RegisterOptions } from './reports/register.js'
export { accountsReport, payeesReport, commoditiesReport, statsReport, type JournalStats } from './reports/lists.js'
export { AmountFormatter } from './reports/format.js'
export { balanceText, balanceCsv, balanceJson, registerText, registerCsv, registerJson, type OutputFormat } from './reports/render.js'
export { readReportQuery, queryFilter, type QuerySyntax, type ReportQuery } from './reports/query-filter.js'
export type { PostingFilter, DateRange } from './reports/filter.js'
export { parseHledgerQuery, parseLedgerQuery, matchesPosting, describeQuery, translateLedgerToHledger, translateHledgerToLedger, type Query, type QueryTarget } from './semantics/query.js'
export { parseExpr, evaluateExpr, evaluateAmountExpr, evaluatePredicate, Definitions, ExprError, type ExprValue } from './semantics/expr.js'
export { ExactSum } from './semantics/exact-sum.js'
export { convert, outputName, type ConvertOptions, type ConvertResult, type ConvertedFile } from './convert/convert.js'
export { compareMeaning, type MeaningDifference } from './convert/compare.js'
export { lintFile, type Finding, type LintOptions, type LintResult, type LintTarget } from './lint/engine.js'
export { RULES, RULES_BY_ID } from './lint/registry.js'
export type { BreakKind, LintRule, RuleExample, RuleLevel } from './lint/rule.js'
export { fixJournal, type FixOptions } from './lint/fix.js'
export { verifyConversion, VERDICT_EXIT, type Verdict, type VerifyOptions, type VerifyResult } from './verify/verify.js'
export type { VerifyDifference } from './verify/compare.js'
export type { ToolReading, PostingRow } from './verify/reading.js'
export { findTool, probeTool, probeVersion, ToolMissingError, type LocatedTool, type Tool, type ToolName } from './verify/tools.js'
export { renderVerifyText, renderBalanceDiff, verifyJson, verdictLine } from './verify/report.js'
export { importFile, ImportUsageError, type ImportOptions, type ImportResult } from './import/import.js'
export type { OfxDocument, Statement, BankTransaction, InvestmentTransaction, Position as OfxPosition, Security, ImportEntry, ImportPosting, ImportAmount, PriceEntry, ImportBatch } from './import/model.js'
export { readOfx, OfxError } from './import/ofx/read.js'
export { convertStatement, type OfxConvertOptions } from './import/ofx/convert.js'
export { readCsv, CsvError } from './import/csv/read.js'
export { convertCsv, BUILTIN_FORMATS, chooseFormat } from './import/csv/registry.js'
export type { CsvFormat, CsvContext, CsvRow } from './import/csv/format.js'
export { indexJournalFile, indexParsedJournal, isKnown, type JournalIndex } from './import/journal-index.js'
export { printEntries, printEntry, type ImportPrintOptions } from './import/print.js'
export { syncAccount, type SyncOptions, type SyncResult } from './sync/sync.js'
export { loadSyncAccounts, readOfxclientIni, readSyncJson, type SyncAccount, type Institution, type SecretSource } from './sync/config.js'
export { statementRequest } from './sync/request.js'
export { postOfx, OfxClientError, describeStatus } from './sync/client.js'
export { modelFromJournal, CounterAccountModel, ExactPayeePredictor, Banks2LedgerPredictor, examplesOf, replay, tokenize, DEFAULT_THRESHOLD, type Candidate, type Prediction, type PredictionQuery, type Predictor, type ReplayScore, type Example } from './predict/index.js'
export { plan, defineTransform, LEDGER_TO_HLEDGER, HLEDGER_TO_LEDGER, type Transform, type TransformContext, type TransformReport, type SourceMeaning } from './transform/index.js'
