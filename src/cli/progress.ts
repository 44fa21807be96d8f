/**
 * A progress bar on standard error, drawn only when it is a terminal (and
 * `NO_COLOR`/`TERM=dumb` do not matter: it uses no colour). Redraws at most
 * every 100 ms; `done()` clears the line.
 */
import type { Io } from './io.js'

/** A progress bar for `total` steps, or a no-op when stderr is not a terminal. */
export class Progress {
  private last = 0
  private readonly active: boolean

  constructor(private readonly io: Io, private readonly label: string, private readonly total: number) {
    this.active = io.stderr.isTTY === true && io.env.TERM !== 'dumb' && total > 0
  }

  /** Report that `done` of the steps are finished. */
  update(done: number): void {
    if (!this.active) return
    const now = Date.now()
    if (now - this.last < 100 && done < this.total) return
    this.last = now
    const width = 30
    const filled = Math.round((width * Math.min(done, this.total)) / this.total)
    this.io.stderr.write(`\r${this.label} [${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${done}/${this.total}`)
  }

  /** Clear the bar. */
  done(): void {
    if (this.active) this.io.stderr.write('\r\u001b[2K')
  }
}
