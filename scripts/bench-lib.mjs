// Shared by the benchmark scripts: a generated journal (../shared/bench's
// deterministic generator), GNU time measurements under time and memory
// limits, interleaved runs (A B C A B C …) and medians, so drift on a noisy
// machine hits every command alike. Ratios are medians of the per-run ratios.
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const root = join(dirname(fileURLToPath(import.meta.url)), '..')

/** Command-line option reader: opt('--runs', 5). */
export function options(argv = process.argv.slice(2)) {
  return {
    opt: (name, dflt) => { const i = argv.indexOf(name); return i >= 0 ? argv[i + 1] : dflt },
    flag: (name) => argv.includes(name),
  }
}

/** Exit 0 with a note when something the benchmark needs is missing. */
export function requireTools() {
  const generator = join(root, '../shared/bench/gen-journal.py')
  if (!existsSync(generator)) {
    console.log('skipped: ../shared/bench/gen-journal.py is not present')
    process.exit(0)
  }
  if (!existsSync('/usr/bin/time')) {
    console.log('skipped: GNU time (/usr/bin/time) is needed for peak memory; apt-get install time')
    process.exit(0)
  }
  return generator
}

/** The benchmark journal: generated once into /tmp/ptabridge-bench; `nocost` strips `@` prices and `=` assertions. */
export function benchJournal({ txns, seed, rich, nocost }) {
  const generator = requireTools()
  const dir = '/tmp/ptabridge-bench'
  mkdirSync(dir, { recursive: true })
  let file = join(dir, `j${txns}-s${seed}${rich ? '-rich' : ''}.journal`)
  if (!existsSync(file)) execFileSync('python3', [generator, String(txns), String(seed), ...(rich ? ['--rich'] : []), '-o', file])
  if (nocost) {
    const stripped = file.replace(/\.journal$/, '-nocost.journal')
    if (!existsSync(stripped)) {
      const text = readFileSync(file, 'utf8').split('\n').map((l) => l.replace(/ @@? \$[0-9.,]+/, '').replace(/ = [^;]*/, '')).join('\n')
      writeFileSync(stripped, text)
    }
    file = stripped
  }
  return file
}

/** Whether a command is on PATH. */
export function have(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0
}

/** The ptabridge CLI as users run it (its shebang sets Node's flags). */
export const PTABRIDGE = join(root, 'dist/src/cli/bin.js')

/** Run one command under GNU time with time and address-space limits. */
export function measure(argv, { timeout = 120, memoryMb = 8192 } = {}) {
  const limited = `ulimit -v ${memoryMb * 1024}; exec timeout ${timeout} "$@" >/dev/null`
  const r = spawnSync('/usr/bin/time', ['-f', '%e %M', 'sh', '-c', limited, 'sh', ...argv], { encoding: 'utf8', maxBuffer: 1 << 26 })
  const last = r.stderr.trim().split('\n').pop() ?? ''
  const [wall, kib] = last.split(' ').map(Number)
  return { ok: r.status === 0, wall, mib: kib / 1024, status: r.status, stderr: r.stderr }
}

/** The median of numbers. */
export function median(xs) {
  const s = [...xs].sort((a, b) => a - b)
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
}

/**
 * Run `commands` ({ name, argv }) `runs` times interleaved, print medians and
 * the paired ratios: of `ours` against each other command, or of each
 * `[ours, theirs]` in `pairs`; returns the summary.
 */
export function compare(commands, { runs, ours, pairs, limits, title }) {
  const results = new Map(commands.map((c) => [c.name, []]))
  for (let i = 0; i < runs; i++) for (const c of commands) results.get(c.name).push(measure(c.argv, limits))
  console.log(`${title}; ${runs} interleaved runs; medians`)
  const summary = {}
  for (const c of commands) {
    const rs = results.get(c.name)
    const ok = rs.filter((r) => r.ok)
    if (ok.length === 0) {
      console.log(`  ${c.name.padEnd(16)} did not finish (exit ${rs[0].status}; limits: ${limits?.timeout ?? 120} s, ${limits?.memoryMb ?? 8192} MiB of address space)`)
      if (rs[0].stderr) console.log(`    ${rs[0].stderr.trim().split('\n').slice(-3).join('\n    ')}`)
      continue
    }
    summary[c.name] = { wall: median(ok.map((r) => r.wall)), mib: median(ok.map((r) => r.mib)), runs: rs }
    console.log(`  ${c.name.padEnd(16)} wall ${summary[c.name].wall.toFixed(2)} s   peak ${summary[c.name].mib.toFixed(0)} MiB   (${ok.length}/${rs.length} finished)`)
  }
  const wanted = pairs ?? commands.filter((c) => c.name !== ours).map((c) => [ours, c.name])
  for (const [a, b] of wanted) {
    if (!summary[a] || !summary[b]) continue
    const both = summary[a].runs.map((r, i) => [r, summary[b].runs[i]]).filter(([x, y]) => x.ok && y.ok)
    const wall = median(both.map(([x, y]) => x.wall / y.wall))
    const mem = median(both.map(([x, y]) => x.mib / y.mib))
    summary[`${a}/${b}`] = { wall, mib: mem }
    console.log(`  ratio ${a}/${b}: wall ${wall.toFixed(3)}x, peak memory ${mem.toFixed(2)}x (median of ${both.length} paired runs)`)
  }
  return summary
}
