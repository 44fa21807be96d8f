/**
 * The CLI's window on the world: standard streams, environment, files.
 *
 * Commands receive an `Io` instead of touching `process`, so tests run them
 * in-process with fake streams. Writing a file is always atomic: the text goes
 * to a temporary file in the same directory, which then replaces the target.
 */
import { randomBytes } from 'node:crypto'
import { readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { basename, dirname, isAbsolute, join } from 'node:path'

/** Streams and environment a command may use. */
export interface Io {
  stdout: { write(chunk: string | Uint8Array): unknown; isTTY?: boolean }
  stderr: { write(chunk: string | Uint8Array): unknown; isTTY?: boolean }
  /** Read all of standard input. */
  readStdin(): Promise<Uint8Array>
  env: Record<string, string | undefined>
  cwd: string
}

/** The real process's Io. */
export function processIo(): Io {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    readStdin: async () => {
      const chunks: Buffer[] = []
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
      return Buffer.concat(chunks)
    },
    env: process.env,
    cwd: process.cwd(),
  }
}

/** A usage error: bad flags or arguments. Exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'UsageError'
  }
}

/** Exit codes shared by every command. */
export const EXIT = { ok: 0, data: 1, usage: 2 } as const

/** Read a file's bytes; `-` reads standard input. Errors become UsageErrors with a clear message. */
export async function readInputBytes(path: string, io: Io): Promise<Uint8Array> {
  if (path === '-') return io.readStdin()
  try {
    return readFileSync(resolvePath(path, io))
  } catch (err) {
    const code = (err as { code?: string }).code
    if (code === 'ENOENT') throw new UsageError(`${path}: no such file`)
    if (code === 'EISDIR') throw new UsageError(`${path}: is a directory, not a journal file`)
    throw new UsageError(`${path}: ${err instanceof Error ? err.message : String(err)}`)
  }
}

/** Resolve a path against the Io's working directory. */
export function resolvePath(path: string, io: Io): string {
  return isAbsolute(path) ? path : join(io.cwd, path)
}

/**
 * Replace `path` with `data` atomically: write a temporary sibling, then
 * rename it over the target. The original's permissions are kept; a new
 * file gets `newFileMode` when given (e.g. 0o600 for a file with secrets).
 */
export function writeFileAtomic(path: string, data: string | Uint8Array, newFileMode?: number): void {
  const tmp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`)
  let mode: number | undefined
  try {
    mode = statSync(path).mode & 0o7777
  } catch {
    mode = newFileMode
  }
  try {
    writeFileSync(tmp, data, mode === undefined ? {} : { mode })
    renameSync(tmp, path)
  } catch (err) {
    rmSync(tmp, { force: true })
    throw err
  }
}
