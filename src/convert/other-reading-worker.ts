/**
 * Worker entry for {@link startOtherReading}: read the journal as the other
 * tool would, post the result, then raise the shared flag the main thread
 * waits on.
 */
import { workerData, type MessagePort } from 'node:worker_threads'
import { readAsOtherTool, type OtherRequest } from './other-reading.js'

const { request, flag, port } = workerData as { request: OtherRequest; flag: Int32Array; port: MessagePort }
try {
  port.postMessage({ ok: true, reading: readAsOtherTool(request) })
} catch {
  port.postMessage({ ok: false })
}
Atomics.store(flag, 0, 1)
Atomics.notify(flag, 0)
