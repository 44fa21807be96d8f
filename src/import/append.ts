/**
 * `import --append`: add text to the end of a journal without ever losing
 * what is there. Takes a lock (`JOURNAL.ptabridge-lock`, created
 * exclusively; a second import waits for nothing and fails with a clear
 * message), copies the journal to `JOURNAL.ptabridge-backup`, makes sure the
 * old last line ends with a newline and that one blank line separates old and
 * new, then replaces the file atomically (temporary file + rename, the
 * journal's permissions and encoding kept).
 */
import { closeSync, copyFileSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs'
import { decodeJournal, encodeJournal } from '../parse/files.js'
import { writeFileAtomic } from '../cli/io.js'

/** Thrown when the journal is locked by another import. */
export class JournalLockedError extends Error {
  constructor(readonly lockFile: string) {
    super(`${lockFile} exists: another ptabridge import is writing this journal (if none is running, remove the lock file)`)
    this.name = 'JournalLockedError'
  }
}

/** The text that joins `existing` and `addition`: a newline if the last line lacks one, and one blank line. */
export function joinForAppend(existing: string, addition: string): string {
  if (addition === '') return existing
  if (existing === '') return addition
  const eol = existing.includes('\r\n') ? '\r\n' : '\n'
  let text = existing.endsWith('\n') ? existing : existing + eol
  if (!/\n[ \t]*\r?\n$/.test(text)) text += eol
  return text + (eol === '\r\n' ? addition.replace(/\r?\n/g, '\r\n') : addition)
}

/** Append `addition` to the journal at `path`, under a lock, after a backup. Returns the backup's path. */
export function appendToJournal(path: string, addition: string): { backup: string } {
  const lock = `${path}.ptabridge-lock`
  let fd: number
  try {
    fd = openSync(lock, 'wx')
  } catch (err) {
    if ((err as { code?: string }).code === 'EEXIST') throw new JournalLockedError(lock)
    throw err
  }
  try {
    writeSync(fd, `${process.pid}\n`)
    closeSync(fd)
    const bytes = readFileSync(path)
    const backup = `${path}.ptabridge-backup`
    copyFileSync(path, backup)
    const { text, encoding } = decodeJournal(bytes)
    writeFileAtomic(path, encodeJournal(joinForAppend(text, addition), encoding))
    return { backup }
  } finally {
    rmSync(lock, { force: true })
  }
}
