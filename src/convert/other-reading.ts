/**
 * The other tool's reading of a journal as written: a second parse and
 * resolve in the other dialect, summarised. `lint` compares it with the
 * journal's own tool (its identity check); `convert` uses it as the check of
 * an output that came out byte-identical to the input. For large journals
 * it runs in a worker thread, overlapping the work on the main thread. The
 * call stays synchronous: the main thread waits on a shared flag and takes
 * the result with `receiveMessageOnPort`.
 */
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads'
import type { Dialect } from '../ast.js'
import { meaningSummary, type MeaningSummary } from './compare.js'
import type { Diagnostic } from '../diagnostic.js'
import { parseFile } from '../parse/files.js'
import { resolveJournal } from '../semantics/resolve.js'

/** What the other tool makes of the journal: the errors it reports, else the summary of its balances. */
export interface OtherReading {
  errors: Diagnostic[]
  /** How many warnings the other tool's parser gave (convert's check reports them; lint does not). */
  parseWarnings: number
  summary?: MeaningSummary
}

/** The request a worker (or the main thread) answers. */
export interface OtherRequest {
  path: string
  tool: Dialect
  text?: string
  today?: string
}

/** Read the journal as `tool` would, on this thread. */
export function readAsOtherTool(request: OtherRequest): OtherReading {
  const other = parseFile(request.path, { dialect: request.tool, asTool: true, ...(request.text !== undefined ? { text: request.text } : {}) })
  const resolved = resolveJournal(other, { dialect: request.tool, auto: true, ...(request.today !== undefined ? { today: request.today } : {}) })
  const errors = resolved.diagnostics.filter((d) => d.severity === 'error')
  const parseWarnings = other.diagnostics.filter((d) => d.severity === 'warning').length
  return errors.length > 0 ? { errors, parseWarnings } : { errors, parseWarnings, summary: meaningSummary(resolved) }
}

/** A started reading: `result()` waits for it. */
export interface PendingReading {
  result(): OtherReading
}

/** Journals smaller than this are read on the main thread (a worker's start-up costs more). */
const WORKER_THRESHOLD = 1_000_000

/** Start reading the journal as the other tool would: in a worker when it is large, else lazily on this thread. */
export function startOtherReading(request: OtherRequest, size: number): PendingReading {
  if (size < WORKER_THRESHOLD) return { result: () => readAsOtherTool(request) }
  let worker: Worker
  const flag = new Int32Array(new SharedArrayBuffer(4))
  const { port1, port2 } = new MessageChannel()
  try {
    worker = new Worker(new URL('./other-reading-worker.js', import.meta.url), { workerData: { request, flag, port: port2 }, transferList: [port2] })
  } catch {
    return { result: () => readAsOtherTool(request) }
  }
  worker.unref()
  return {
    result: () => {
      Atomics.wait(flag, 0, 0)
      const message = receiveMessageOnPort(port1 as MessagePort)?.message as { ok: true; reading: OtherReading } | { ok: false } | undefined
      void worker.terminate()
      port1.close()
      return message?.ok ? message.reading : readAsOtherTool(request)
    },
  }
}
