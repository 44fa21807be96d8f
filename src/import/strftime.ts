/**
 * A small strftime for import output dates (`-y/--date-format`): `%Y %y %m
 * %d %e %b %B %a %A %j %H %M %S %%` over a `YYYY-MM-DD` date and an optional
 * `HH:MM:SS` time. Anything else is kept as written.
 */
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']

/** The ledger-autosync default, which both ledger and hledger read. */
export const DEFAULT_DATE_FORMAT = '%Y/%m/%d'

/** Format `date` (`YYYY-MM-DD`) and optionally `time` (`HH:MM:SS`) with a strftime pattern. */
export function formatDate(date: string, format: string, time = '00:00:00'): string {
  const [y = '0', m = '1', d = '1'] = date.split('-')
  const [hh = '00', mm = '00', ss = '00'] = time.split(':')
  const utc = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)))
  const dayOfYear = Math.floor((utc.getTime() - Date.UTC(Number(y), 0, 1)) / 86_400_000) + 1
  const fields: Record<string, string> = {
    Y: y, y: y.slice(-2), m, d, e: String(Number(d)).padStart(2, ' '),
    b: (MONTHS[Number(m) - 1] ?? '').slice(0, 3), B: MONTHS[Number(m) - 1] ?? '',
    a: (DAYS[utc.getUTCDay()] ?? '').slice(0, 3), A: DAYS[utc.getUTCDay()] ?? '',
    j: String(dayOfYear).padStart(3, '0'), H: hh, M: mm, S: ss, '%': '%',
  }
  return format.replace(/%(.)/g, (all, c: string) => fields[c] ?? all)
}
