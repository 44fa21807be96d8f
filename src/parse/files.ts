/**
 * `parseFile(path)`: read a journal and everything it includes.
 *
 * Include paths resolve relative to the including file, `~` expands to the
 * home directory, and globs (`*`, `?`, `[…]`, and hledger's `**`) expand to
 * the matching files in name order. A missing file, a glob that matches
 * nothing and an include cycle are positioned errors on the `include` line.
 * Files are decoded as UTF-8; a file that is not valid UTF-8 is read as
 * Latin-1 so that its bytes still round-trip, and a warning says so.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { homedir } from 'node:os'
import { dirname, isAbsolute, join, resolve, sep } from 'node:path'
import type { Dialect, Directive, Journal } from '../ast.js'
import { dialectOfExtension, detectDialect } from '../dialect/index.js'
import type { Diagnostic } from '../diagnostic.js'
import { hasErrors } from '../diagnostic.js'
import { positionOf } from '../position.js'
import { parse } from './index.js'
import { readTimedot } from './timedot.js'

/** Text encodings a journal file can be read in. */
export type FileEncoding = 'utf8' | 'latin1'

/** One file read by {@link parseFile}, with the files it includes. */
export interface SourceFile {
  /** Absolute path. */
  path: string
  dialect: Dialect
  encoding: FileEncoding
  journal: Journal
  /** Diagnostics of this file alone. */
  diagnostics: Diagnostic[]
  /** Each include directive of this file and the files it brought in. */
  includes: IncludedFiles[]
  /** Set when the file is not journal text: its `journal` holds what hledger reads from it. */
  format?: 'timedot'
}

/** The files one `include` directive brought in. */
export interface IncludedFiles {
  directive: Directive
  /** The path or glob as written, after any format prefix. */
  pattern: string
  files: SourceFile[]
}

/** Options for {@link parseFile}. */
export interface ParseFileOptions {
  /** Dialect of the top file; included files use their extension, else this. */
  dialect?: Dialect
  /** Follow include directives (default true). */
  includes?: boolean
  /**
   * Read every included journal in the top file's dialect, as the tool
   * itself does (ledger and hledger each read included journal files with
   * their own syntax, whatever their extension). Default: by extension.
   */
  asTool?: boolean
  /**
   * The top file's text, already read (standard input, an editor buffer):
   * `path` then only names it and anchors relative includes.
   */
  text?: string
  /** The encoding `text` was decoded from (default utf8): files written from it keep it. */
  encoding?: FileEncoding
}

/** What {@link parseFile} returns. */
export interface ParseFileResult {
  ok: boolean
  root: SourceFile
  /** Every file read, in reading order (the root first). */
  files: SourceFile[]
  /** Every diagnostic of every file. */
  diagnostics: Diagnostic[]
}

/** Thrown when the top file itself cannot be read. */
export class FileReadError extends Error {
  constructor(readonly path: string, message: string) {
    super(message)
    this.name = 'FileReadError'
  }
}

/** Decode bytes as UTF-8, or as Latin-1 when they are not valid UTF-8. */
export function decodeJournal(bytes: Uint8Array): { text: string; encoding: FileEncoding } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes), encoding: 'utf8' }
  } catch {
    return { text: Buffer.from(bytes).toString('latin1'), encoding: 'latin1' }
  }
}

/** Encode printed text back into the encoding the file was read in. */
export function encodeJournal(text: string, encoding: FileEncoding): Buffer {
  return Buffer.from(text, encoding)
}

/**
 * Parse a journal file and, recursively, the files it includes.
 *
 * @throws {FileReadError} when the top file cannot be read; problems with
 *   included files are diagnostics instead.
 */
export function parseFile(path: string, options: ParseFileOptions = {}): ParseFileResult {
  const files: SourceFile[] = []
  const diagnostics: Diagnostic[] = []
  const absolute = resolve(path)
  let decoded: { text: string; encoding: FileEncoding }
  if (options.text !== undefined) {
    decoded = { text: options.text, encoding: options.encoding ?? 'utf8' }
  } else {
    try {
      decoded = decodeJournal(readFileSync(absolute))
    } catch (err) {
      throw new FileReadError(path, describeIoError(err, path))
    }
  }
  const root = readOne(absolute, path, decoded, options.dialect, [], files, diagnostics, options.includes !== false, options.asTool === true)
  return { ok: !hasErrors(diagnostics), root, files, diagnostics }
}

function describeIoError(err: unknown, path: string): string {
  const code = (err as { code?: string }).code
  if (code === 'ENOENT') return `${path}: no such file`
  if (code === 'EISDIR') return `${path}: is a directory, not a journal file`
  if (code === 'EACCES') return `${path}: permission denied`
  return `${path}: ${err instanceof Error ? err.message : String(err)}`
}

function readOne(
  absolute: string, displayPath: string, decoded: { text: string; encoding: FileEncoding }, dialect: Dialect | undefined,
  stack: string[], files: SourceFile[], diagnostics: Diagnostic[], followIncludes: boolean, asTool: boolean,
): SourceFile {
  const { text, encoding } = decoded
  const fileDialect = dialect ?? dialectOfExtension(absolute) ?? detectDialect(text, absolute).dialect
  const result = parse(text, { dialect: fileDialect, file: displayPath, ...(/\.timeclock$/i.test(absolute) ? { format: 'timeclock' as const } : {}) })
  const source: SourceFile = { path: absolute, dialect: fileDialect, encoding, journal: result.journal, diagnostics: result.diagnostics, includes: [] }
  if (encoding === 'latin1') {
    source.diagnostics.push({ severity: 'warning', code: 'io/not-utf8', message: 'The file is not valid UTF-8; it was read as Latin-1', file: displayPath, line: 1, column: 1 })
  }
  files.push(source)
  diagnostics.push(...source.diagnostics)
  if (!followIncludes) return source
  const innerStack = [...stack, absolute]
  for (const entry of result.journal.children) {
    if (entry.type !== 'directive' || entry.name !== 'include') continue
    const included: IncludedFiles = { directive: entry, pattern: entry.args, files: [] }
    source.includes.push(included)
    const problem = (message: string, hint?: string): void => {
      const at = positionOf(result.journal, entry)
      const d: Diagnostic = { severity: 'error', code: 'include/not-found', message, file: displayPath }
      if (hint) d.hint = hint
      if (at) {
        d.line = at.start.line
        d.column = at.start.column
        d.span = entry.span as { start: number; end: number }
      }
      source.diagnostics.push(d)
      diagnostics.push(d)
    }
    const { pattern, format } = splitFormatPrefix(entry.args)
    included.pattern = pattern
    if (pattern === '') continue
    const matches = expandInclude(pattern, dirname(absolute), fileDialect)
    if (matches.length === 0) {
      problem(`File to include was not found: ${pattern}`, 'check the path; it is relative to the including file')
      continue
    }
    for (const match of matches) {
      if (innerStack.includes(match)) {
        const cycle = [...innerStack.slice(innerStack.indexOf(match)), match].map((p) => p.split(sep).pop()).join(' → ')
        problem(`Include cycle: ${cycle}`, 'remove one of the include directives')
        continue
      }
      const ext = (format ?? match.split('.').pop() ?? '').toLowerCase()
      if (ext === 'timedot' && fileDialect === 'hledger') {
        included.files.push(readTimedotFile(match, relativeDisplay(displayPath, absolute, match), files, diagnostics, problem))
        continue
      }
      // (ledger reads every included file as journal text, whatever its name)
      if (fileDialect === 'hledger' && (ext === 'csv' || ext === 'tsv' || ext === 'ssv' || ext === 'timedot' || ext === 'rules')) {
        const d: Diagnostic = { severity: 'info', code: 'include/foreign-format', message: `Not read as a journal: ${pattern} is a ${ext} file`, file: displayPath }
        const at = positionOf(result.journal, entry)
        if (at) {
          d.line = at.start.line
          d.column = at.start.column
        }
        source.diagnostics.push(d)
        diagnostics.push(d)
        continue
      }
      let child: { text: string; encoding: FileEncoding }
      try {
        child = decodeJournal(readFileSync(match))
      } catch (err) {
        problem(describeIoError(err, match))
        continue
      }
      const childDialect = asTool ? fileDialect : dialectOfExtension(match) ?? fileDialect
      included.files.push(readOne(match, relativeDisplay(displayPath, absolute, match), child, childDialect, innerStack, files, diagnostics, true, asTool))
    }
  }
  return source
}

/** An included timedot file, read as the transactions hledger makes of it. */
function readTimedotFile(absolute: string, displayPath: string, files: SourceFile[], diagnostics: Diagnostic[], problem: (message: string) => void): SourceFile {
  let decoded: { text: string; encoding: FileEncoding } = { text: '', encoding: 'utf8' }
  try {
    decoded = decodeJournal(readFileSync(absolute))
  } catch (err) {
    problem(describeIoError(err, absolute))
  }
  const read = readTimedot(decoded.text, displayPath)
  const source: SourceFile = { path: absolute, dialect: 'hledger', encoding: decoded.encoding, journal: read.journal, diagnostics: read.diagnostics, includes: [], format: 'timedot' }
  files.push(source)
  diagnostics.push(...read.diagnostics)
  return source
}

function relativeDisplay(parentDisplay: string, parentAbsolute: string, child: string): string {
  if (isAbsolute(parentDisplay)) return child
  const base = dirname(parentAbsolute)
  return child.startsWith(base + sep) ? join(dirname(parentDisplay), child.slice(base.length + 1)) : child
}

/** hledger's `journal:`/`timeclock:` format prefixes on include paths. */
function splitFormatPrefix(args: string): { pattern: string; format?: string } {
  const m = /^(journal|timeclock|timedot|csv|ssv|tsv|rules):(.*)$/.exec(args)
  return m ? { pattern: m[2] as string, format: m[1] as string } : { pattern: args }
}

/**
 * Expand an include path or glob relative to `baseDir`, sorted by name.
 * ledger 3.3 matches the file name part as a case-insensitive glob (with `\`
 * escapes) against the directory's entries, so `1660.DAT` finds `1660.dat`.
 */
export function expandInclude(pattern: string, baseDir: string, dialect: Dialect = 'hledger'): string[] {
  let p = pattern
  if (p === '~' || p.startsWith('~/')) p = join(homedir(), p.slice(1))
  const absolute = isAbsolute(p) ? p : join(baseDir, p)
  if (dialect === 'ledger') {
    const dir = dirname(absolute)
    const re = globSegmentToRegExp(absolute.slice(dir.length + 1), 'i')
    try {
      return readdirSync(dir, { withFileTypes: true })
        .filter((e) => re.test(e.name) && (e.isFile() || (e.isSymbolicLink() && isFile(join(dir, e.name)))))
        .map((e) => join(dir, e.name))
        .sort()
    } catch {
      return []
    }
  }
  if (!/[*?[]/.test(p)) {
    try {
      return statSync(absolute).isFile() ? [absolute] : []
    } catch {
      return []
    }
  }
  const parts = absolute.split(sep)
  const fixed: string[] = []
  while (parts.length && !/[*?[]/.test(parts[0] as string)) fixed.push(parts.shift() as string)
  const start = fixed.join(sep) || sep
  const out: string[] = []
  walkGlob(start, parts, out)
  return [...new Set(out)].sort()
}

function walkGlob(dir: string, parts: string[], out: string[]): void {
  if (parts.length === 0) return
  const [head, ...rest] = parts as [string, ...string[]]
  let entries: import('node:fs').Dirent[]
  try {
    entries = readdirSync(dir, { withFileTypes: true })
  } catch {
    return
  }
  if (head === '**') {
    walkGlob(dir, rest, out)
    for (const e of entries) {
      if (e.isDirectory() && !e.name.startsWith('.')) walkGlob(join(dir, e.name), parts, out)
    }
    return
  }
  const re = globSegmentToRegExp(head)
  for (const e of entries) {
    if (!re.test(e.name)) continue
    const full = join(dir, e.name)
    if (rest.length === 0) {
      if (e.isFile() || (e.isSymbolicLink() && isFile(full))) out.push(full)
    } else if (e.isDirectory() || e.isSymbolicLink()) {
      walkGlob(full, rest, out)
    }
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile()
  } catch {
    return false
  }
}

function globSegmentToRegExp(segment: string, flags = ''): RegExp {
  let re = '^'
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i] as string
    if (c === '\\' && i + 1 < segment.length) re += (segment[++i] as string).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    else if (c === '*') re += '[^/]*'
    else if (c === '?') re += '[^/]'
    else if (c === '[') {
      const close = segment.indexOf(']', i + 1)
      if (close < 0) re += '\\['
      else {
        let body = segment.slice(i + 1, close)
        if (body.startsWith('!')) body = '^' + body.slice(1)
        re += `[${body.replace(/\\/g, '\\\\')}]`
        i = close
      }
    } else re += c.replace(/[.+^${}()|\\]/g, '\\$&')
  }
  return new RegExp(re + '$', flags)
}
