/**
 * Reading CSV files (RFC 4180) into header-keyed rows, the way
 * ledger-autosync's Python `csv` reading sees them, minus its failures:
 *
 * - quoted fields with `""` escapes, quoted fields spanning lines, CRLF, LF
 *   and CR line ends; a quote after a closed quoted field or inside an
 *   unquoted one is kept as text (Python's non-strict dialect);
 * - spaces right after a separator are dropped (`skipinitialspace=True`);
 * - a UTF-8 byte-order mark is skipped (ledger-autosync fails on it);
 * - the separator is given, or sniffed from the header line among `,` `;`
 *   tab `|` (the one giving the most fields outside quotes);
 * - UTF-8 (TextDecoder), falling back to windows-1252 when the bytes are not
 *   valid UTF-8 (decoded here: Node 20's TextDecoder treats it as latin1);
 * - blank lines are skipped; a row whose field count differs from the
 *   header's, and an unterminated quote, are {@link CsvError}s with a place.
 */
import type { CsvRow } from './format.js'

/** Broken or unusable CSV input, with the place in the file and what to do about it. */
export class CsvError extends Error {
  /** The file name as given to the reader. */
  readonly file: string
  /** 1-based line of the problem. */
  readonly line: number
  /** 1-based column of the problem. */
  readonly column: number
  /** What the user can do about it. */
  readonly hint: string

  constructor(file: string, line: number, column: number, message: string, hint: string) {
    super(message)
    this.name = 'CsvError'
    this.file = file
    this.line = line
    this.column = column
    this.hint = hint
  }

  /** `FILE:LINE:COL: error: message` and the hint on its own line. */
  describe(): string {
    return `${this.file}:${this.line}:${this.column}: error: ${this.message}${this.hint ? `\n  hint: ${this.hint}` : ''}`
  }
}

/** Options for {@link readCsv}. */
export interface ReadCsvOptions {
  /** The file name, for messages. */
  file: string
  /** The character set; default UTF-8 with a windows-1252 fallback. */
  encoding?: 'utf-8' | 'latin1' | 'windows-1252'
  /** The field separator (one character); default sniffed from the header line. */
  separator?: string
}

/** What {@link readCsv} returns: trimmed header names, the rows with the line each starts on, the separator used. */
export interface CsvTable {
  header: string[]
  rows: Array<{ row: CsvRow; line: number }>
  separator: string
}

/** The separators tried when none is given, in order of preference on a tie. */
export const SNIFFED_SEPARATORS: readonly string[] = [',', ';', '\t', '|']

const BOM = [0xef, 0xbb, 0xbf]

/** windows-1252's 0x80–0x9F (the rest is latin1); unassigned bytes map to the C1 control of the same number. */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
]

/** Single-byte decoding (Node's TextDecoder treats windows-1252 as latin1, so it is done here). */
function decodeSingleByte(bytes: Uint8Array, cp1252: boolean): string {
  const codes = new Array<number>(bytes.length)
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] as number
    codes[i] = cp1252 && b >= 0x80 && b < 0xa0 ? (CP1252_HIGH[b - 0x80] as number) : b
  }
  let text = ''
  for (let i = 0; i < codes.length; i += 8192) text += String.fromCharCode(...codes.slice(i, i + 8192))
  return text
}

function decode(bytes: Uint8Array, encoding: ReadCsvOptions['encoding']): string {
  const body = bytes.length >= 3 && BOM.every((b, i) => bytes[i] === b) ? bytes.subarray(3) : bytes
  if (encoding === 'latin1' || encoding === 'windows-1252') return decodeSingleByte(body, encoding === 'windows-1252')
  if (encoding === 'utf-8') return new TextDecoder('utf-8', { ignoreBOM: true }).decode(body)
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body)
  } catch {
    return decodeSingleByte(body, true)
  }
}

/** Offsets → 1-based line and column. */
class Positions {
  private readonly starts: number[] = [0]

  constructor(text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i)
      if (c === 10) this.starts.push(i + 1)
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++
        this.starts.push(i + 1)
      }
    }
  }

  at(offset: number): { line: number; column: number } {
    let lo = 0
    let hi = this.starts.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if ((this.starts[mid] as number) <= offset) lo = mid
      else hi = mid - 1
    }
    return { line: lo + 1, column: offset - (this.starts[lo] as number) + 1 }
  }
}

function sniff(text: string): string {
  let end = text.search(/[\r\n]/)
  if (end < 0) end = text.length
  const line = text.slice(0, end)
  let best = ','
  let bestCount = -1
  for (const sep of SNIFFED_SEPARATORS) {
    let quoted = false
    let count = 0
    for (const ch of line) {
      if (ch === '"') quoted = !quoted
      else if (ch === sep && !quoted) count++
    }
    if (count > bestCount) {
      best = sep
      bestCount = count
    }
  }
  return best
}

interface RawRecord {
  fields: Array<{ text: string; offset: number }>
  /** Offset of the record's first character and of its end (line end or end of text). */
  offset: number
  end: number
}

function isLineEnd(c: string | undefined): boolean {
  return c === '\n' || c === '\r'
}

/** Split the text into records of fields (RFC 4180 plus Python's leniencies). */
function records(text: string, sep: string, file: string, positions: Positions, skipInitialSpace = true): RawRecord[] {
  const out: RawRecord[] = []
  let i = 0
  const n = text.length
  while (i < n) {
    // Skip blank (or all-space) lines.
    let j = i
    while (j < n && text[j] === ' ') j++
    if (j >= n) break
    if (isLineEnd(text[j])) {
      i = text[j] === '\r' && text[j + 1] === '\n' ? j + 2 : j + 1
      continue
    }
    const record: RawRecord = { fields: [], offset: i, end: i }
    for (;;) {
      if (skipInitialSpace) while (text[i] === ' ' && sep !== ' ') i++
      const start = i
      let value = ''
      if (text[i] === '"') {
        i++
        for (;;) {
          const q = text.indexOf('"', i)
          if (q < 0) {
            const p = positions.at(start)
            throw new CsvError(file, p.line, p.column, 'this quoted field is never closed', 'a field starting with " must end with " (write "" for a quote inside it)')
          }
          value += text.slice(i, q)
          if (text[q + 1] === '"') {
            value += '"'
            i = q + 2
          } else {
            i = q + 1
            break
          }
        }
      }
      let k = i
      while (k < n && text[k] !== sep && !isLineEnd(text[k])) k++
      value += text.slice(i, k)
      i = k
      record.fields.push({ text: value, offset: start })
      if (i < n && text[i] === sep) {
        i++
        continue
      }
      record.end = i
      if (text[i] === '\r' && text[i + 1] === '\n') i += 2
      else if (i < n) i++
      break
    }
    out.push(record)
  }
  return out
}

/**
 * Read a CSV file: the header (names trimmed) and one row per record, keyed by
 * header name, with the 1-based line the record starts on.
 *
 * @throws {@link CsvError} for an unterminated quote (at the opening quote), a
 *   row whose field count differs from the header's (at that row), or a bad
 *   separator option.
 */
export function readCsv(bytes: Uint8Array, options: ReadCsvOptions): CsvTable {
  const { file } = options
  const text = decode(bytes, options.encoding)
  if (options.separator !== undefined && (options.separator.length !== 1 || /["\r\n]/.test(options.separator))) {
    throw new CsvError(file, 1, 1, `the separator must be one character other than a quote or a line end, not ${JSON.stringify(options.separator)}`, 'give e.g. --separator ";" or leave it out to have it guessed')
  }
  const sep = options.separator ?? sniff(text.replace(/^(?:[ ]*(?:\r\n|\r|\n))+/, ''))
  const positions = new Positions(text)
  const all = records(text, sep, file, positions)
  const head = all[0]
  if (head === undefined) return { header: [], rows: [], separator: sep }
  const header = head.fields.map((f) => f.text.trim())
  const rows: CsvTable['rows'] = []
  for (const record of all.slice(1)) {
    const line = positions.at(record.offset).line
    if (record.fields.length !== header.length) {
      const extra = record.fields[header.length]
      const where = positions.at(extra ? extra.offset : record.end)
      const sepName = sep === '\t' ? 'tab' : `"${sep}"`
      throw new CsvError(file, where.line, where.column,
        `this row has ${record.fields.length} fields, the header has ${header.length}`,
        `fields are separated by ${sepName}${options.separator === undefined ? ' (guessed from the header line)' : ''}; quote a field that contains the separator, or give the right one with --separator`)
    }
    const row = Object.create(null) as Record<string, string>
    header.forEach((name, k) => {
      row[name] = (record.fields[k] as { text: string }).text
    })
    rows.push({ row, line })
  }
  return { header, rows, separator: sep }
}

/**
 * Read a CSV file as plain records (no header): each record's fields in
 * order and the 1-based line it starts on. Spaces around unquoted fields are
 * kept (hledger's rules reader strips them when it interpolates a field).
 *
 * @throws {@link CsvError} for an unterminated quote.
 */
export function readCsvRecords(bytes: Uint8Array, options: ReadCsvOptions & { separator: string }): Array<{ fields: string[]; line: number }> {
  const text = decode(bytes, options.encoding)
  const positions = new Positions(text)
  return records(text, options.separator, options.file, positions, false).map((r) => ({ fields: r.fields.map((f) => f.text), line: positions.at(r.offset).line }))
}
