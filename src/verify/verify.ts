/**
 * `verifyConversion()`: read the original journal with its tool and the
 * converted one with the other (both at once), then compare what they
 * computed. This is the library behind `ptabridge verify` and
 * `convert --verify`.
 */
import { compareReadings, summarise, type VerifyDifference } from './compare.js'
import { hledgerRecipe } from './hledger-recipe.js'
import { ledgerRecipe } from './ledger-recipe.js'
import { readWithTool, type ReadingRecipe, type ToolReading } from './reading.js'
import { findTool, probeVersion, toolEnvironment, type LocatedTool, type ToolName } from './tools.js'

/** The verdict of a verification. */
export type Verdict = 'EQUIVALENT' | 'DIFFERENT' | 'ORIGINAL_REJECTED' | 'CONVERTED_REJECTED'

/** Exit status for each verdict (2 is kept for usage errors and missing tools). */
export const VERDICT_EXIT: Record<Verdict, number> = { EQUIVALENT: 0, DIFFERENT: 1, ORIGINAL_REJECTED: 3, CONVERTED_REJECTED: 3 }

/** Options for {@link verifyConversion}. */
export interface VerifyOptions {
  /** The tool that reads the original. */
  from: ToolName
  /** The tool that reads the converted journal. */
  to: ToolName
  /** The ledger binary (path or name on PATH); default `ledger`. */
  ledgerBin?: string
  /** The hledger binary; default `hledger`. */
  hledgerBin?: string
  /** Also compare each account's postings date by date. */
  deep?: boolean
  /** Seconds allowed per tool run (default 600). */
  timeout?: number
  /** Environment to find and run the tools in (default process.env). */
  env?: Record<string, string | undefined>
  /** Directory relative binary paths are resolved against (default process.cwd()). */
  cwd?: string
}

/** The outcome of {@link verifyConversion}. */
export interface VerifyResult {
  verdict: Verdict
  exitCode: number
  original: ToolReading
  converted: ToolReading
  /** Empty when EQUIVALENT or when a side was rejected. */
  differences: VerifyDifference[]
}

const RECIPES: Record<ToolName, ReadingRecipe> = { ledger: ledgerRecipe, hledger: hledgerRecipe }

/**
 * Verify that `convertedPath`, read by `options.to`, means what
 * `originalPath` means to `options.from`. Throws ToolMissingError when a tool
 * cannot be found or run.
 */
export async function verifyConversion(originalPath: string, convertedPath: string, options: VerifyOptions): Promise<VerifyResult> {
  const env = options.env ?? process.env
  const cwd = options.cwd ?? process.cwd()
  // find both binaries first (a missing one fails fast), then probe their
  // versions while they read the journals
  const located = new Map<ToolName, LocatedTool>([options.from, options.to].map((name) => [name, findTool(name, { env, cwd, ...explicitBin(name, options) })]))
  const toolFor = (name: ToolName): LocatedTool => located.get(name) as LocatedTool
  const readOptions = { env: toolEnvironment(env), timeout: options.timeout ?? 600 }
  const versions = Promise.all([...located.values()].map((tool) => probeVersion(tool, env)))
  const readings = Promise.all([
    readWithTool(toolFor(options.from), originalPath, RECIPES[options.from], readOptions),
    readWithTool(toolFor(options.to), convertedPath, RECIPES[options.to], readOptions),
  ])
  const [probed, [original, converted]] = await Promise.all([versions, readings])
  const version = new Map(probed.map((t) => [t.name, t.version]))
  original.version = version.get(original.tool) ?? ''
  converted.version = version.get(converted.tool) ?? ''
  let verdict: Verdict
  let differences: VerifyDifference[] = []
  if (!original.accepted) verdict = 'ORIGINAL_REJECTED'
  else if (!converted.accepted) verdict = 'CONVERTED_REJECTED'
  else {
    differences = compareReadings(original, converted, { deep: options.deep ?? false })
    verdict = differences.length > 0 || original.unparsed > 0 || converted.unparsed > 0 ? 'DIFFERENT' : 'EQUIVALENT'
  }
  return { verdict, exitCode: VERDICT_EXIT[verdict], original, converted, differences }
}

function explicitBin(name: ToolName, options: VerifyOptions): { explicit?: string } {
  const explicit = name === 'ledger' ? options.ledgerBin : options.hledgerBin
  return explicit === undefined ? {} : { explicit }
}

/** Transactions, postings and account/commodity totals a reading holds. */
export function readingCounts(reading: ToolReading): { transactions: number; postings: number; totals: number } {
  const s = summarise(reading.postings)
  return { transactions: s.transactions, postings: s.postings, totals: s.totals.size }
}
