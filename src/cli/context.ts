/**
 * What every command handler gets: the Io to talk through and a place to put
 * its exit code (handlers never call process.exit).
 */
import type { Io } from './io.js'

/** Shared state of one CLI run. */
export interface CommandContext {
  io: Io
  exitCode: number
}
