/**
 * An in-memory Io for running the CLI in-process.
 */
import type { Io } from '../../src/cli/io.js'

/** A fake Io that records what the command writes. */
export interface FakeIo extends Io {
  out: () => string
  err: () => string
}

/** Make a fake Io with optional stdin text and environment. */
export function fakeIo(options: { stdin?: string | Uint8Array; env?: Record<string, string>; cwd?: string } = {}): FakeIo {
  const out: string[] = []
  const err: string[] = []
  const text = (chunk: string | Uint8Array): string => (typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'))
  return {
    stdout: { write: (c: string | Uint8Array) => out.push(text(c)) },
    stderr: { write: (c: string | Uint8Array) => err.push(text(c)) },
    readStdin: async () => (typeof options.stdin === 'string' ? Buffer.from(options.stdin) : options.stdin ?? new Uint8Array()),
    env: options.env ?? {},
    cwd: options.cwd ?? process.cwd(),
    out: () => out.join(''),
    err: () => err.join(''),
  }
}
