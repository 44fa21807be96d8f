/**
 * `ptabridge lint [--target ledger|hledger|both] FILE…`: report every line
 * that the chosen tools would reject or read with another meaning, as
 * `FILE:LINE:COL: severity: message [rule-id]` (or JSON, or SARIF).
 *
 * Exit status: 0 when no finding reaches `--max-severity` (default error)
 * and the warnings are within `--max-warnings`; 1 otherwise; 2 for usage
 * errors (bad flags, unreadable files, bad configuration).
 *
 * `--fix` reruns the transforms behind the findings for the one tool named
 * by `--target`: the fixed journal goes to standard output, or over the
 * files with `--write` (atomically), or as a unified diff with
 * `--fix-dry-run`.
 */
import { dirname, resolve } from 'node:path'
import { createTwoFilesPatch } from 'diff'
import type { Argv, CommandModule } from 'yargs'
import type { Dialect } from '../../ast.js'
import { atLeast, type Severity } from '../../diagnostic.js'
import { decodeJournal, encodeJournal } from '../../parse/files.js'
import { ConfigError, loadConfig, parseRuleFlags } from '../../lint/config.js'
import { lintFile, type Finding, type LintTarget } from '../../lint/engine.js'
import { fixJournal } from '../../lint/fix.js'
import { RULES } from '../../lint/registry.js'
import { toSarif } from '../../lint/sarif.js'
import type { CommandContext } from '../context.js'
import { packageVersion } from '../index.js'
import { STDIN_MARKER } from '../input.js'
import { EXIT, readInputBytes, resolvePath, UsageError, writeFileAtomic } from '../io.js'
import { renderDiagnostics, useColor } from '../report.js'

interface LintArgs {
  files?: string[]
  file?: string | string[]
  from?: Dialect
  target?: LintTarget
  format: 'text' | 'json' | 'sarif'
  excerpt?: boolean
  rule?: string | string[]
  config: boolean
  strict?: boolean
  maxSeverity: Severity
  maxWarnings: number
  fix?: boolean
  write?: boolean
  fixDryRun?: boolean
  listRules?: boolean
  quiet?: boolean
  color?: boolean
  today?: string
}

/** The `lint` command module. */
export function lintCommand(ctx: CommandContext): CommandModule<object, LintArgs> {
  return {
    command: 'lint [files..]',
    describe: 'Report what ledger, hledger or both would reject or read differently, with --fix to rewrite it',
    builder: (y: Argv<object>) => y
      .positional('files', { type: 'string', array: true, describe: "Journal files ('-' for standard input; default $LEDGER_FILE)" })
      .option('file', { alias: 'f', type: 'string', requiresArg: true, describe: 'Journal file (repeatable)' })
      .option('from', { type: 'string', choices: ['ledger', 'hledger'], describe: 'Dialect of the journals (default: from the extension, else the content)' })
      .option('target', { alias: 't', type: 'string', choices: ['ledger', 'hledger', 'both'], describe: 'The tools the journal must work with (default: the config, else both)' })
      .option('format', { type: 'string', choices: ['text', 'json', 'sarif'], default: 'text', describe: 'Output format' })
      .option('excerpt', { type: 'boolean', describe: 'Show the source line under each finding' })
      .option('rule', { type: 'string', requiresArg: true, describe: 'Set a rule level: ID=off|info|warn|error (repeatable)' })
      .option('config', { type: 'boolean', default: true, describe: 'Read .ptabridge.json / package.json (--no-config ignores them)' })
      .option('strict', { type: 'boolean', describe: "Also report what hledger's strict checks reject (undeclared accounts and commodities, dates out of order)" })
      .option('max-severity', { type: 'string', choices: ['error', 'warning', 'info'], default: 'error', describe: 'Exit 1 when a finding is at least this severe' })
      .option('max-warnings', { type: 'number', default: -1, describe: 'Exit 1 when there are more warnings than this (-1: no limit)' })
      .option('fix', { type: 'boolean', describe: 'Rewrite what the findings name for the --target tool (prints the result)' })
      .option('write', { type: 'boolean', describe: 'With --fix: write the fixed files in place (atomically)' })
      .option('fix-dry-run', { type: 'boolean', describe: 'Show the fixes as a unified diff, change nothing' })
      .option('list-rules', { type: 'boolean', describe: 'List the rules and exit' })
      .option('quiet', { alias: 'q', type: 'boolean', describe: 'Report only errors' })
      .option('color', { type: 'boolean', describe: 'Colour the output (default: on a terminal, unless NO_COLOR is set)' })
      .option('today', { type: 'string', requiresArg: true, hidden: true })
      .conflicts('write', 'fix-dry-run') as unknown as Argv<LintArgs>,
    handler: async (args) => {
      if (args.listRules) {
        for (const r of RULES) ctx.io.stdout.write(`${r.id.padEnd(34)} ${r.severity.padEnd(7)} ${r.breaks.join('+').padEnd(14)} ${r.kind.padEnd(8)} ${r.fix ? 'fixable' : '       '}  ${r.message}\n`)
        return
      }
      const named = [...(args.files ?? []), ...(Array.isArray(args.file) ? args.file : args.file !== undefined ? [args.file] : [])].map(String)
      if (named.length === 0 && ctx.io.env.LEDGER_FILE) named.push(ctx.io.env.LEDGER_FILE)
      if (named.length === 0) throw new UsageError('no journal given: pass FILE…, -f FILE, - for standard input, or set LEDGER_FILE')
      const wantsFix = args.fix === true || args.fixDryRun === true
      if (args.write && !wantsFix) throw new UsageError('--write needs --fix')

      let flags: ReturnType<typeof parseRuleFlags>
      try {
        flags = parseRuleFlags(args.rule === undefined ? [] : Array.isArray(args.rule) ? args.rule : [args.rule])
      } catch (err) {
        throw new UsageError((err as Error).message)
      }
      const all: Finding[] = []
      const sources = new Map<string, string>()
      let suppressed = 0
      for (const name of named) {
        const stdin = name === STDIN_MARKER || name === '-'
        const path = stdin ? resolvePath('<stdin>', ctx.io) : resolvePath(name, ctx.io)
        if (stdin && args.write) throw new UsageError('--write cannot write standard input; redirect the output instead')
        // read once: a clear usage error for a missing file, and the text for excerpts and diffs
        const text = decodeJournal(await readInputBytes(stdin ? '-' : name, ctx.io)).text
        let config
        try {
          config = args.config ? loadConfig(dirname(path)) : { rules: {} }
        } catch (err) {
          if (err instanceof ConfigError) throw new UsageError(err.message)
          throw err
        }
        const target: LintTarget = args.target ?? config.target ?? 'both'
        const options = {
          target,
          rules: { ...config.rules, ...flags },
          strict: args.strict ?? config.strict ?? false,
          ...(args.from ? { from: args.from } : {}),
          ...(args.today !== undefined ? { today: args.today } : {}),
          text,
        }
        const result = lintFile(path, options)
        suppressed += result.suppressed
        sources.set(path, text)
        all.push(...result.findings)

        if (wantsFix) {
          const to: Dialect | undefined = target === 'both' ? undefined : target
          if (to === undefined) throw new UsageError('--fix needs --target ledger or --target hledger: the tool to fix the journal for')
          if (to === result.dialect) throw new UsageError(`the journal is already written for ${to}: --fix rewrites a journal for the other tool (its own problems need a person)`)
          const fixed = fixJournal(path, result.findings, { to, layout: args.write || args.fixDryRun ? 'tree' : 'single', ...(args.from ? { from: args.from } : {}), ...(stdin ? { text } : {}), ...(args.today !== undefined ? { today: args.today } : {}) })
          // (a file is read again by the fix, from disk, so its encoding is kept when written back)
          const baseDir = dirname(path)
          for (const f of fixed.result.files) {
            const before = f.source.path === path ? text : decodeJournal(await readInputBytes(f.source.path, ctx.io)).text
            if (args.fixDryRun) {
              if (before !== f.text) ctx.io.stdout.write(createTwoFilesPatch(f.path, f.path, before, f.text, '', '', { context: 3 }))
            } else if (args.write) {
              if (before !== f.text) writeFileAtomic(resolve(baseDir, f.path), encodeJournal(f.text, f.source.encoding))
            } else {
              ctx.io.stdout.write(f.text)
            }
          }
        }
      }

      const shown = args.quiet ? all.filter((f) => f.severity === 'error') : all
      const out = wantsFix && !args.write ? ctx.io.stderr : ctx.io.stdout
      if (args.format === 'json') {
        out.write(JSON.stringify({ findings: shown.map(jsonFinding), errors: count(all, 'error'), warnings: count(all, 'warning'), infos: count(all, 'info'), suppressed }, null, 2) + '\n')
      } else if (args.format === 'sarif') {
        out.write(JSON.stringify(toSarif(shown, packageVersion(), ctx.io.cwd), null, 2) + '\n')
      } else if (shown.length) {
        if (args.excerpt) {
          for (const f of new Set(shown.map((x) => x.file))) {
            if (f !== undefined && !sources.has(f)) {
              try {
                sources.set(f, decodeJournal(await readInputBytes(f, ctx.io)).text)
              } catch {
                // (no excerpt for a file that cannot be read again)
              }
            }
          }
        }
        out.write(renderDiagnostics(shown, sources, { color: useColor(ctx.io, wantsFix && !args.write ? 'stderr' : 'stdout', args.color), excerpt: args.excerpt === true }))
        const e = count(all, 'error')
        const w = count(all, 'warning')
        out.write(`\n${e} error${e === 1 ? '' : 's'}, ${w} warning${w === 1 ? '' : 's'}${suppressed ? `, ${suppressed} disabled by comments` : ''}\n`)
      }
      const failing = all.some((f) => atLeast(f.severity, args.maxSeverity)) || (args.maxWarnings >= 0 && count(all, 'warning') > args.maxWarnings)
      if (failing && !args.write) ctx.exitCode = EXIT.data
      if (failing && args.write) ctx.exitCode = all.some((f) => f.severity === 'error' && f.fixedBy === undefined) ? EXIT.data : EXIT.ok
    },
  }
}

function count(findings: readonly Finding[], severity: Severity): number {
  return findings.filter((f) => f.severity === severity).length
}

function jsonFinding(f: Finding): object {
  return {
    file: f.file, line: f.line, column: f.column, endLine: f.endLine, endColumn: f.endColumn,
    severity: f.severity, rule: f.rule, tool: f.tool, message: f.message, detail: f.hint, fixable: f.fixedBy !== undefined,
  }
}
