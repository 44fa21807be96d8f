/**
 * OFX tokenizer: one pass over a decoded OFX body, SGML (OFX 1.x) or XML
 * (OFX 2.x), yielding start tags, end tags and text, each with its 1-based
 * line and column.
 *
 * - Tag names are case-insensitive and come out upper-cased. OFX elements
 *   have no attributes; any in an XML file are skipped. `<NAME/>` is a start
 *   tag marked `selfClosing`.
 * - Text: only the XML entities `&amp; &lt; &gt; &quot; &apos;` and numeric
 *   references `&#NN;` / `&#xHH;` are decoded. Any other `&` is kept as
 *   written (SGML files often contain a bare `S&P`). There is no entity
 *   expansion, ever: `<!DOCTYPE` and `<!ENTITY` are refused outright.
 *   Adjacent text pieces (split by a comment) are merged; whitespace-only
 *   text is not emitted.
 * - `<!-- comments -->` and `<?processing instructions?>` are skipped;
 *   `<![CDATA[…]]>` is literal text.
 * - A `<` that cannot start markup (`< 5`, `<3`) is literal text.
 *
 * Also home of {@link OfxError}, the one error every OFX stage throws, and
 * the input bounds ({@link MAX_INPUT_BYTES}, {@link MAX_DEPTH}; the depth is
 * enforced by the tree builder, which knows where SGML leaves end).
 */
import type { SourcePosition } from '../model.js'

/** The largest OFX file accepted: 64 MiB. */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024

/** The deepest element nesting accepted (real OFX nests about ten levels). */
export const MAX_DEPTH = 64

/** Broken or refused OFX input, with the place in the file and what to do about it. */
export class OfxError extends Error {
  /** The file name as given to the reader. */
  readonly file: string
  /** 1-based line of the problem. */
  readonly line: number
  /** 1-based column of the problem. */
  readonly column: number
  /** What the user can do about it. */
  readonly hint: string

  constructor(file: string, position: SourcePosition, message: string, hint: string) {
    super(message)
    this.name = 'OfxError'
    this.file = file
    this.line = position.line
    this.column = position.column
    this.hint = hint
  }

  /** `FILE:LINE:COL: error: message` and the hint on its own line. */
  describe(): string {
    return `${this.file}:${this.line}:${this.column}: error: ${this.message}\n  hint: ${this.hint}`
  }
}

/** One token of an OFX body. Names are upper-cased; positions are 1-based. */
export type OfxToken =
  | { kind: 'start'; name: string; selfClosing: boolean; position: SourcePosition }
  | { kind: 'end'; name: string; position: SourcePosition }
  | { kind: 'text'; text: string; position: SourcePosition }

/** Turns string offsets into 1-based line/column (CRLF, LF and lone CR all end a line). */
export class LineIndex {
  private readonly starts: number[] = [0]

  constructor(text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i)
      if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) this.starts.push(i + 1)
    }
  }

  /** The line and column of `offset` (columns count UTF-16 code units). */
  position(offset: number): SourcePosition {
    let lo = 0
    let hi = this.starts.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if ((this.starts[mid] ?? 0) <= offset) lo = mid
      else hi = mid - 1
    }
    return { line: lo + 1, column: offset - (this.starts[lo] ?? 0) + 1 }
  }
}

const NAME = /[A-Za-z_][A-Za-z0-9_.:-]*/y
const NAME_START = /[A-Za-z_]/
const ENTITY = /&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|amp|lt|gt|quot|apos);/g
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }

/** Decode the five XML entities and numeric character references; anything else stays as written. */
export function decodeEntities(raw: string): string {
  if (!raw.includes('&')) return raw
  return raw.replace(ENTITY, (whole, body: string) => {
    if (!body.startsWith('#')) return NAMED[body] ?? whole
    const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10)
    const valid = code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff)
    return valid ? String.fromCodePoint(code) : whole
  })
}

/**
 * Tokenize `text` from offset `start` (the body, after any SGML header);
 * positions are counted from the beginning of `text`.
 *
 * @throws {OfxError} for refused declarations, unterminated comments,
 *   processing instructions or tags, and text longer than {@link MAX_INPUT_BYTES}.
 */
export function* tokenize(text: string, file: string, start = 0): Generator<OfxToken> {
  const lines = new LineIndex(text)
  const fail = (offset: number, message: string, hint: string): OfxError =>
    new OfxError(file, lines.position(offset), message, hint)
  if (text.length > MAX_INPUT_BYTES) {
    throw fail(0, 'the file is larger than 64 MiB', 'OFX downloads are small; is this the right file? Download a shorter period.')
  }
  const truncated = 'the file looks truncated or is not OFX; download it again'

  let pending = ''
  let pendingAt = -1
  const addText = (piece: string, offset: number): void => {
    if (pendingAt < 0) pendingAt = offset
    pending += piece
  }
  /** The pending text as a token (undefined when it is only whitespace), and reset. */
  const takeText = (): OfxToken | undefined => {
    const t = pending
    const at = pendingAt
    pending = ''
    pendingAt = -1
    const lead = t.search(/\S/)
    if (lead < 0) return undefined
    return { kind: 'text', text: t, position: lines.position(at + lead) }
  }

  const n = text.length
  let i = start
  while (i < n) {
    const lt = text.indexOf('<', i)
    const stop = lt < 0 ? n : lt
    if (stop > i) addText(decodeEntities(text.slice(i, stop)), i)
    if (lt < 0) break
    i = lt
    const next = text.charAt(i + 1)

    if (text.startsWith('<!--', i)) {
      const close = text.indexOf('-->', i + 4)
      if (close < 0) throw fail(i, 'comment never closed (no "-->")', truncated)
      i = close + 3
      continue
    }
    if (text.startsWith('<![CDATA[', i)) {
      const close = text.indexOf(']]>', i + 9)
      if (close < 0) throw fail(i, 'CDATA section never closed (no "]]>")', truncated)
      addText(text.slice(i + 9, close), i)
      i = close + 3
      continue
    }
    if (next === '!') {
      const word = /^<!\s*([A-Za-z]*)/.exec(text.slice(i, i + 40))?.[1]?.toUpperCase() ?? ''
      if (word === 'DOCTYPE' || word === 'ENTITY' || word === 'ELEMENT' || word === 'ATTLIST') {
        throw fail(i, `<!${word}> declarations are refused in OFX`,
          'OFX never needs a document type or entities; this file may be hostile (entity expansion). Do not import it.')
      }
      throw fail(i, 'unexpected markup declaration "<!"', 'OFX has only tags, text and comments; the file is damaged or not OFX')
    }
    if (next === '?') {
      const close = text.indexOf('?>', i + 2)
      if (close < 0) throw fail(i, 'processing instruction never closed (no "?>")', truncated)
      i = close + 2
      continue
    }

    const isEnd = next === '/'
    const nameAt = isEnd ? i + 2 : i + 1
    if (!isEnd && !NAME_START.test(next)) {
      addText('<', i) // a literal '<' in text
      i += 1
      continue
    }
    NAME.lastIndex = nameAt
    const m = NAME.exec(text)
    if (!m) throw fail(i, 'malformed end tag: "</" must be followed by an element name', 'write "&lt;" for a literal "<"; otherwise the file is damaged')
    const name = m[0].toUpperCase()
    let j = nameAt + m[0].length
    // Skip to '>' (attributes in XML; nothing in SGML), honouring quotes.
    for (;;) {
      if (j >= n) throw fail(i, `tag <${isEnd ? '/' : ''}${name} never closed: the file ends inside it`, truncated)
      const c = text.charAt(j)
      if (c === '>') break
      if (c === '<') throw fail(i, `tag <${isEnd ? '/' : ''}${name} is missing its ">"`, 'the file is damaged: every tag ends with ">"')
      if (isEnd && !/\s/.test(c)) throw fail(i, `malformed end tag </${name}`, 'an end tag is "</NAME>", nothing else')
      if (c === '"' || c === "'") {
        const close = text.indexOf(c, j + 1)
        if (close < 0) throw fail(i, `tag <${name} has an unterminated quoted value`, truncated)
        j = close
      }
      j += 1
    }
    const token = takeText()
    if (token) yield token
    const position = lines.position(i)
    if (isEnd) yield { kind: 'end', name, position }
    else yield { kind: 'start', name, selfClosing: text.charAt(j - 1) === '/', position }
    i = j + 1
  }
  const last = takeText()
  if (last) yield last
}
