/**
 * POSTing an OFX request and reading the answer: a timeout per attempt,
 * retries with exponential backoff for network failures, timeouts and 5xx
 * answers, the response read with the import's OFX reader, and the OFX status
 * codes turned into plain language. Messages never contain the password.
 */
import { OfxError, readOfx } from '../import/ofx/read.js'
import type { OfxDocument } from '../import/model.js'

/** A download that failed: what happened, in plain words. */
export class OfxClientError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'OfxClientError'
  }
}

/** Options for {@link postOfx}. */
export interface PostOptions {
  /** Seconds per attempt (default 30). */
  timeout?: number
  /** Attempts after the first (default 2). */
  retries?: number
  /** First backoff in milliseconds, doubled each retry (default 500). */
  backoff?: number
}

const STATUS_MEANINGS: Record<string, string> = {
  '2000': 'general error at the bank',
  '2003': 'the account was not found',
  '2019': 'duplicate request',
  '2020': 'the bank cannot process requests for this date range',
  '2028': 'the requested element is unknown to the bank',
  '13000': 'the bank does not support this request',
  '15000': 'the password must be changed before downloading',
  '15500': 'the bank rejected the user id or password',
  '15501': 'the customer account is already in use',
  '15502': 'the user id and password will be sent out-of-band',
  '15510': 'the client must change its user password',
  '15511': 'the user is not authorised for this request',
  '15512': 'the client certificate or app id is not accepted',
}

/** An OFX status code in plain language. */
export function describeStatus(code: string, severity: string, message: string): string {
  const meaning = STATUS_MEANINGS[code] ?? 'the bank reported an error'
  return `${meaning} (OFX status ${code}, ${severity.toLowerCase() || 'error'}${message ? `: ${message}` : ''})`
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

/** POST `body` to `url`; the parsed answer. Throws {@link OfxClientError}. */
export async function postOfx(url: string, body: string, contentType: string, options: PostOptions = {}): Promise<{ document: OfxDocument; bytes: Uint8Array }> {
  const timeout = options.timeout ?? 30
  const retries = options.retries ?? 2
  const backoff = options.backoff ?? 500
  const host = (() => {
    try {
      return new URL(url).host
    } catch {
      throw new OfxClientError(`${url} is not a valid URL`)
    }
  })()
  let lastProblem = ''
  for (let attempt = 0; attempt <= retries; attempt++) {
    if (attempt > 0) await sleep(backoff * 2 ** (attempt - 1))
    let response: Response
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': contentType, Accept: 'application/x-ofx, application/ofx, */*' },
        body,
        signal: AbortSignal.timeout(timeout * 1000),
      })
    } catch (err) {
      const name = (err as { name?: string }).name
      lastProblem = name === 'TimeoutError' || name === 'AbortError' ? `no answer from ${host} within ${timeout} s` : `cannot reach ${host} (${(err as { cause?: { code?: string } }).cause?.code ?? (err as Error).message})`
      continue
    }
    if (response.status >= 500) {
      lastProblem = `${host} answered HTTP ${response.status} (a server error)`
      continue
    }
    if (response.status >= 400) throw new OfxClientError(`${host} refused the request: HTTP ${response.status}${response.status === 401 || response.status === 403 ? ' (check the user id and password)' : ''}`)
    const bytes = new Uint8Array(await response.arrayBuffer())
    let document: OfxDocument
    try {
      document = readOfx(bytes, `response from ${host}`)
    } catch (err) {
      if (err instanceof OfxError) throw new OfxClientError(`${host} sent an answer that is not valid OFX: ${err.message} (line ${err.line})`)
      throw err
    }
    const signon = document.statusProblems.find((p) => p.severity.toUpperCase() === 'ERROR')
    if (signon) throw new OfxClientError(`${host}: ${describeStatus(signon.code, signon.severity, signon.message)}`)
    return { document, bytes }
  }
  throw new OfxClientError(`${lastProblem}; gave up after ${retries + 1} attempt${retries === 0 ? '' : 's'}`)
}
