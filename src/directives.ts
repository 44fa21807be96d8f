/**
 * Typed views of directive arguments.
 *
 * The tree keeps a directive's argument text verbatim (`Directive.args`);
 * these helpers read the parts a caller needs, the way the directive's
 * dialect reads them: the amount of `D` or of a `format` line, the parts of a
 * `P` price, an alias's two sides, a `Y` year. Each returns `{ error }`
 * instead of throwing when the text does not read.
 */
import type { Amount, Dialect, Directive } from './ast.js'
import { readDate } from './dates.js'
import { parse as generatedParse } from './parse/generated/parser.js'
import { makeGrammarHelpers, type RawProblem } from './parse/helpers.js'

/** An amount read from directive text, and the text after it. */
export interface AmountArg {
  amount?: Amount
  /** Text after the amount (ledger ignores it in several directives). */
  rest: string
  error?: string
}

/** Read the amount at the start of `text` (offsets in the result are relative to `base`). */
export function readAmountArg(text: string, dialect: Dialect, base = 0): AmountArg {
  const problems: RawProblem[] = []
  try {
    const r = generatedParse(text, { startRule: 'AmountPrefix', dialect, helpers: makeGrammarHelpers(dialect, problems), offsetBase: base, strict: true }) as { amount: Amount; rest: string }
    const first = problems.find((p) => p.severity === 'error')
    return first ? { amount: r.amount, rest: r.rest, error: first.message } : { amount: r.amount, rest: r.rest }
  } catch {
    return { rest: text, error: `expected an amount, found '${text.trim().split(/\s+/)[0] ?? ''}'` }
  }
}

/** The parts of a `P DATE [TIME] SYMBOL PRICE` directive. */
export interface PriceArgs {
  date?: string
  time?: string
  commodity?: string
  price?: Amount
  error?: string
}

/** Read a `P` directive's arguments. */
export function priceArgs(d: Directive, dialect: Dialect): PriceArgs {
  const m = /^(\S+)(?:[ \t]+(\d{1,2}:\d{2}(?::\d{2})?(?:[+-]\d{4})?))?[ \t]+("[^"]*"|[^\s\d.,;:?!\-+*/^&|=<>{}[\]()@"~]+)([ \t]*)(.*)$/.exec(d.args)
  if (!m) return { error: 'expected P DATE [TIME] SYMBOL PRICE' }
  // ledger needs a blank between the symbol and the price (`EUR$1.10` is one symbol there).
  if (dialect === 'ledger' && m[4] === '') return { error: `no blank between the symbol and the price in '${m[3]}${m[5]}'` }
  const date = readDate(m[1] as string, dialect)
  if (date.error) return { error: `invalid date ${m[1]}: ${date.error}` }
  if (dialect === 'ledger' && m[2] !== undefined && !/^\d{1,2}:\d{2}:\d{2}$/.test(m[2])) return { error: `invalid time ${m[2]}: ledger wants HH:MM:SS` }
  const symbol = (m[3] as string).replace(/^"|"$/g, '')
  const price = readAmountArg(m[5] as string, dialect)
  if (!price.amount) return { error: `no price for ${symbol}` }
  const out: PriceArgs = { date: date.value, commodity: symbol, price: price.amount }
  if (m[2] !== undefined) out.time = m[2]
  if (price.error) out.error = price.error
  return out
}

/** The year of a `Y`/`year`/`apply year` directive. */
export function yearArg(d: Directive, dialect: Dialect): { year?: number; error?: string } {
  const text = (d.name === 'apply year' ? d.args.replace(/^year\s*/, '') : d.args).trim()
  if (!/^\d+$/.test(text)) return { error: `'${text}' is not a valid year` }
  const year = Number(text)
  if (dialect === 'ledger' && (year < 1400 || year > 9999)) return { error: `year ${text} is out of the valid range 1400..9999` }
  if (dialect === 'hledger' && text.length < 4) return { error: 'the year must have at least 4 digits' }
  return { year }
}

/** The two sides of an `alias OLD=NEW` directive; `regex` when OLD is `/…/`. */
export function aliasArgs(d: Directive): { from?: string; to?: string; regex?: boolean; error?: string } {
  const m = /^(\/.*\/|[^=]*?)\s*=\s*(.*)$/.exec(d.args)
  if (!m) return { error: "expected alias OLD=NEW" }
  const from = (m[1] as string).trim()
  return { from, to: (m[2] as string).trim(), regex: from.startsWith('/') && from.endsWith('/') && from.length > 1 }
}

/**
 * The symbol a commodity's `alias` sub-directive names, as ledger 3.3 reads
 * it, or undefined when the alias has no effect: 3.3 keeps a quoted alias's
 * quotes, so `alias "BBB1"` never matches an amount.
 */
export function commodityAliasArg(args: string): string | undefined {
  const symbol = args.trim()
  if (symbol === '' || symbol.startsWith('"')) return undefined
  return symbol
}
