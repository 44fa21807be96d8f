/**
 * OFX header detection and decoding: bytes in, text out, with the OFX
 * version, the character set used and where the body starts.
 *
 * - OFX 1.x: an SGML header of `KEY:VALUE` fields (OFXHEADER, DATA, VERSION,
 *   SECURITY, ENCODING, CHARSET, …) before `<OFX>`. ENCODING USASCII with
 *   CHARSET 1252 (or NONE / missing) means windows-1252; CHARSET 8859-1 or
 *   ISO-8859-1 means latin1; ENCODING UTF-8 or UNICODE means UTF-8.
 * - OFX 2.x: `<?xml … encoding="…"?>` (UTF-8 when not stated) and
 *   `<?OFX OFXHEADER="200" …?>`.
 * - Headers lie. Bytes that are valid UTF-8 and contain non-ASCII are read
 *   as UTF-8 whatever the header says; a declared UTF-8 body that is not
 *   valid UTF-8 is read as windows-1252; unknown charsets are read as UTF-8
 *   when valid, else windows-1252. Each such case is marked `overridden`.
 * - A UTF-8 byte-order mark is dropped.
 *
 * windows-1252 is decoded with its own table: Node 20's
 * `TextDecoder('windows-1252')` returns U+0080 for byte 0x80 instead of €.
 * latin1 follows the WHATWG Encoding Standard, where the `latin1` and
 * `iso-8859-1` labels mean windows-1252 (bytes 0x80–0x9F are the
 * windows-1252 characters, not C1 controls).
 */

/** A decoded OFX file. */
export interface DecodedOfx {
  /** The whole file as text (header included, BOM removed); positions count from here. */
  text: string
  /** Offset in `text` of the first `<` of the body (after the SGML header, if any). */
  bodyStart: number
  /** 1 for SGML (or no header), 2 for XML. */
  version: 1 | 2
  /** The character set used (`utf-8`, `windows-1252`, `latin1`), what the header declared, and whether it was overridden. */
  encoding: { used: string; declared?: string; overridden: boolean }
  /** The SGML header fields, keys upper-cased (empty for XML). */
  header: Map<string, string>
}

/** The windows-1252 characters of bytes 0x80–0x9F (undefined bytes map to the same code point, as WHATWG does). */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d, 0x017d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x9d, 0x017e, 0x0178,
]

/** Decode windows-1252 bytes. */
export function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = []
  const CHUNK = 8192
  for (let at = 0; at < bytes.length; at += CHUNK) {
    const codes = Array.from(bytes.subarray(at, at + CHUNK), (b) => (b >= 0x80 && b <= 0x9f ? (CP1252_HIGH[b - 0x80] ?? b) : b))
    parts.push(String.fromCharCode(...codes))
  }
  return parts.join('')
}

/** Whether the bytes are valid UTF-8. */
function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes)
    return true
  } catch {
    return false
  }
}

/** Whether any byte is outside ASCII. */
function hasNonAscii(bytes: Uint8Array): boolean {
  for (const b of bytes) if (b >= 0x80) return true
  return false
}

type Charset = 'utf-8' | 'windows-1252' | 'latin1' | 'unknown' | 'none'

/** What the header says: SGML fields or the XML declaration. */
interface HeaderInfo {
  version: 1 | 2
  header: Map<string, string>
  /** The charset the header implies. */
  charset: Charset
  /** The header's own words, for the report (`ENCODING:USASCII CHARSET:1252`, `encoding="UTF-8"`). */
  declared?: string
}

/** The charset an SGML header's ENCODING and CHARSET fields imply. */
function sgmlCharset(encoding: string | undefined, charset: string | undefined): Charset {
  const enc = (encoding ?? 'USASCII').toUpperCase().replace(/[\s_]/g, '')
  const set = (charset ?? 'NONE').toUpperCase().replace(/[\s_]/g, '')
  if (enc === 'UTF-8' || enc === 'UTF8' || enc === 'UNICODE') return 'utf-8'
  if (enc !== 'USASCII' && enc !== 'US-ASCII' && enc !== 'ASCII') return 'unknown'
  if (set === '1252' || set === 'NONE' || set === '' || set === 'WINDOWS-1252' || set === 'CP1252') return 'windows-1252'
  if (set === '8859-1' || set === 'ISO-8859-1' || set === 'ISO8859-1' || set === 'LATIN1' || set === 'LATIN-1') return 'latin1'
  if (set === 'UTF-8' || set === 'UTF8') return 'utf-8'
  return 'unknown'
}

/** The charset an XML `encoding` pseudo-attribute names. */
function xmlCharset(name: string): Charset {
  const n = name.toUpperCase()
  if (n === 'UTF-8' || n === 'UTF8') return 'utf-8'
  if (n === 'WINDOWS-1252' || n === 'CP1252' || n === 'US-ASCII' || n === 'ASCII') return 'windows-1252'
  if (n === 'ISO-8859-1' || n === 'ISO8859-1' || n === 'LATIN1' || n === 'LATIN-1') return 'latin1'
  return 'unknown'
}

/** Read the header from the start of the file (the header is ASCII, so any single-byte view of it will do). */
function readHeader(head: string): HeaderInfo {
  const header = new Map<string, string>()
  const lt = head.indexOf('<')
  const before = lt < 0 ? head : head.slice(0, lt)
  const rest = lt < 0 ? '' : head.slice(lt)
  if (/^\s*OFXHEADER\s*:/i.test(before)) {
    for (const m of before.matchAll(/([A-Za-z]+)\s*:\s*([^\s<]*)/g)) header.set((m[1] ?? '').toUpperCase(), m[2] ?? '')
    const encoding = header.get('ENCODING')
    const charset = header.get('CHARSET')
    const words = [encoding !== undefined ? `ENCODING:${encoding}` : '', charset !== undefined ? `CHARSET:${charset}` : '']
      .filter((w) => w !== '').join(' ')
    const info: HeaderInfo = { version: 1, header, charset: sgmlCharset(encoding, charset) }
    if (words !== '') info.declared = words
    return info
  }
  const firstOfx = rest.search(/<OFX[\s>]/i)
  const prolog = firstOfx < 0 ? rest : rest.slice(0, firstOfx)
  if (/^\s*<\?xml\b/i.test(rest) || /<\?OFX\b/i.test(prolog)) {
    const decl = /^\s*<\?xml\b([^]*?)\?>/i.exec(rest)?.[1] ?? ''
    const name = /\bencoding\s*=\s*["']([^"']*)["']/i.exec(decl)?.[1]
    if (name === undefined) return { version: 2, header, charset: 'utf-8' }
    return { version: 2, header, charset: xmlCharset(name), declared: `encoding="${name}"` }
  }
  return { version: 1, header, charset: 'none' }
}

/** Decode an OFX file: detect its header, pick the character set, and find the body. */
export function decodeOfx(input: Uint8Array): DecodedOfx {
  const bytes = input[0] === 0xef && input[1] === 0xbb && input[2] === 0xbf ? input.subarray(3) : input
  const info = readHeader(decodeWindows1252(bytes.subarray(0, 4096)))
  const nonAscii = hasNonAscii(bytes)
  const utf8 = nonAscii ? isUtf8(bytes) : true

  let used: 'utf-8' | 'windows-1252' | 'latin1'
  let overridden = false
  switch (info.charset) {
    case 'utf-8':
      used = utf8 ? 'utf-8' : 'windows-1252'
      overridden = !utf8
      break
    case 'windows-1252':
    case 'latin1':
      used = nonAscii && utf8 ? 'utf-8' : info.charset
      overridden = used !== info.charset
      break
    case 'unknown':
      used = utf8 ? 'utf-8' : 'windows-1252'
      overridden = true
      break
    case 'none':
      used = nonAscii && utf8 ? 'utf-8' : 'windows-1252'
      break
  }
  const text = used === 'utf-8' ? new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes) : decodeWindows1252(bytes)
  const encoding: DecodedOfx['encoding'] = { used, overridden }
  if (info.declared !== undefined) encoding.declared = info.declared
  // The header is ASCII, so its length is the same in every decoding; the body starts at the first '<' after it.
  let bodyStart = text.indexOf('<')
  if (bodyStart < 0) bodyStart = text.length
  return { text, bodyStart, version: info.version, encoding, header: info.header }
}
