#!/usr/bin/env -S node --initial-heap-size=600 --max-semi-space-size=4
/**
 * The `ptabridge` executable: run the CLI on this process's arguments.
 *
 * `--initial-heap-size=600` (MiB) lets V8 grow the heap to that size before
 * its first full collection. A large journal's syntax tree lives for the
 * whole run, so the collections V8 would otherwise make while it grows only
 * re-mark live objects: on a 100k-transaction journal this saves about 0.3 s
 * of 1.9 s with no change in peak memory (scripts/bench-bal.mjs). It is a
 * threshold, not a reservation: small journals use no more memory.
 * A closed output pipe (`| head`) ends the process quietly.
 */
import { run } from './index.js'

// A reader that stops early (`ptabridge lint … | head`) closes the pipe: stop quietly, as other tools do.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0)
    throw err
  })
}

process.exitCode = await run(process.argv.slice(2))
