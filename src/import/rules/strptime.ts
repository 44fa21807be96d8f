/**
 * Parsing CSV dates the way hledger's `date-format` does: a strptime pattern
 * (Haskell `time` syntax) that must consume the whole value. Only the date is
 * kept; times, AM/PM and time zones are read and ignored (hledger ignores the
 * zone too). Without a pattern, hledger's own forms are accepted:
 * `YYYY-MM-DD`, `YYYY/MM/DD`, `YYYY.MM.DD` (month and day may have one digit).
 */
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']
const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december']
const DAY_NAMES = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday']

function daysIn(month: number, year: number): number {
  return [31, (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0
}

function iso(year: number, month: number, day: number): string | undefined {
  if (month < 1 || month > 12 || day < 1 || day > daysIn(month, year)) return undefined
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

/** hledger's default CSV date forms: `YYYY-MM-DD`, `YYYY/MM/DD`, `YYYY.MM.DD`. */
export function readDefaultCsvDate(text: string): string | undefined {
  const m = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/.exec(text.trim())
  return m ? iso(Number(m[1]), Number(m[3]), Number(m[4])) : undefined
}

/**
 * Parse `text` with a strptime `pattern`; the date as `YYYY-MM-DD`, or
 * undefined when the text does not match the whole pattern.
 */
export function strptime(text: string, pattern: string): string | undefined {
  let i = 0
  let year: number | undefined
  let century: number | undefined
  let shortYear: number | undefined
  let month = 1
  let day = 1
  let dayOfYear: number | undefined
  const digits = (min: number, max: number, padded: boolean): number | undefined => {
    if (!padded) while (text[i] === ' ') i++
    const m = new RegExp(`^\\d{${padded ? min : 1},${max}}`).exec(text.slice(i))
    if (!m) return undefined
    i += m[0].length
    return Number(m[0])
  }
  const word = (names: readonly string[], abbreviated: boolean): number | undefined => {
    const rest = text.slice(i).toLowerCase()
    for (let k = 0; k < names.length; k++) {
      const name = abbreviated ? (names[k] as string).slice(0, 3) : (names[k] as string)
      if (rest.startsWith(name)) {
        i += name.length
        return k
      }
    }
    return undefined
  }
  for (let p = 0; p < pattern.length; p++) {
    const c = pattern[p] as string
    if (c !== '%') {
      if (/\s/.test(c)) {
        while (i < text.length && /\s/.test(text[i] as string)) i++
        continue
      }
      if (text[i] !== c) return undefined
      i++
      continue
    }
    let spec = pattern[++p]
    let padded = true
    if (spec === '-' || spec === '_' || spec === '0' || spec === '^' || spec === '#') {
      padded = false
      spec = pattern[++p]
    }
    let v: number | undefined
    switch (spec) {
      case 'Y': v = digits(4, 4, false); if (v === undefined) return undefined; year = v; break
      case 'C': v = digits(2, 2, padded); if (v === undefined) return undefined; century = v; break
      case 'y': v = digits(2, 2, padded); if (v === undefined) return undefined; shortYear = v; break
      case 'm': v = digits(2, 2, padded); if (v === undefined) return undefined; month = v; break
      case 'd': case 'e': v = digits(2, 2, padded && spec === 'd'); if (v === undefined) return undefined; day = v; break
      case 'j': v = digits(3, 3, padded); if (v === undefined) return undefined; dayOfYear = v; break
      case 'b': case 'h': v = word(MONTHS, true); if (v === undefined) return undefined; month = v + 1; break
      case 'B': v = word(MONTH_NAMES, false); if (v === undefined) return undefined; month = v + 1; break
      case 'a': if (word(DAY_NAMES, true) === undefined) return undefined; break
      case 'A': if (word(DAY_NAMES, false) === undefined) return undefined; break
      case 'H': case 'I': case 'M': case 'S': case 'k': case 'l':
        if (digits(2, 2, padded && spec !== 'k' && spec !== 'l') === undefined) return undefined
        break
      case 'q': if (digits(1, 12, false) === undefined) return undefined; break
      case 'p': case 'P': {
        const m = /^(am|pm)/i.exec(text.slice(i))
        if (!m) return undefined
        i += 2
        break
      }
      case 'z': case 'Z': {
        const m = /^(?:[+-]\d{2}:?\d{2}|[A-Za-z]{1,5}|Z)/.exec(text.slice(i))
        if (!m) return undefined
        i += m[0].length
        break
      }
      case 'F': {
        const m = /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec(text.slice(i))
        if (!m) return undefined
        year = Number(m[1]); month = Number(m[2]); day = Number(m[3]); i += m[0].length
        break
      }
      case 'D': {
        const m = /^(\d{1,2})\/(\d{1,2})\/(\d{2})/.exec(text.slice(i))
        if (!m) return undefined
        month = Number(m[1]); day = Number(m[2]); shortYear = Number(m[3]); i += m[0].length
        break
      }
      case 'T': {
        const m = /^\d{1,2}:\d{2}:\d{2}/.exec(text.slice(i))
        if (!m) return undefined
        i += m[0].length
        break
      }
      case 'R': {
        const m = /^\d{1,2}:\d{2}/.exec(text.slice(i))
        if (!m) return undefined
        i += m[0].length
        break
      }
      case '%': if (text[i] !== '%') return undefined; i++; break
      case 'n': case 't': while (i < text.length && /\s/.test(text[i] as string)) i++; break
      default: return undefined
    }
  }
  if (i !== text.length) return undefined
  if (year === undefined) {
    if (shortYear === undefined) return undefined
    year = century !== undefined ? century * 100 + shortYear : shortYear < 69 ? 2000 + shortYear : 1900 + shortYear
  }
  if (dayOfYear !== undefined) {
    const d = new Date(Date.UTC(year, 0, dayOfYear))
    return d.getUTCFullYear() === year ? d.toISOString().slice(0, 10) : undefined
  }
  return iso(year, month, day)
}
