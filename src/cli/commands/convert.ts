/**
 * `ptabridge convert --to hledger|ledger [JOURNAL]`: rewrite a journal for
 * the other tool, with the same balances, changing only the lines that must.
 *
 * The converted journal goes to standard output, or to `-o FILE`, or, with
 * `--out-dir DIR`, one file per source file (the include tree kept). Files
 * are written atomically and never over an input file. What was rewritten,
 * lost or could not be carried over is reported on standard error, one line
 * per finding (`FILE:LINE:COL: severity: message [rule]`), or as JSON with
 * `--report json`. Exit status: 0 when the output was written (the findings
 * say what it could not carry over), 1 with `--strict` when any finding is a
 * warning or an error, 2 for usage errors.
 */
import { mkdirSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import type { Argv, CommandModule } from 'yargs'
import type { Dialect } from '../../ast.js'
import { convert, outputName } from '../../convert/convert.js'
import type { Diagnostic } from '../../diagnostic.js'
import { encodeJournal, parseFile } from '../../parse/files.js'
import type { CommandContext } from '../context.js'
import { readInput } from '../input.js'
import { EXIT, resolvePath, UsageError, writeFileAtomic } from '../io.js'
import { renderDiagnostics, useColor } from '../report.js'
import { inputOptions } from './shared.js'

interface ConvertArgs {
  journal?: string
  file?: string | string[]
  from?: Dialect
  to: Dialect
  output?: string
  outDir?: string
  flatten?: boolean
  strict?: boolean
  report: 'text' | 'json'
  verify: boolean
  today?: string
  quiet?: boolean
}

/** The `convert` command module. */
export function convertCommand(ctx: CommandContext): CommandModule<object, ConvertArgs> {
  return {
    command: 'convert [journal]',
    describe: 'Rewrite a journal for the other tool with the same balances, reporting what could not be carried over',
    builder: (y: Argv<object>) => inputOptions(y)
      .option('to', { type: 'string', choices: ['ledger', 'hledger'], demandOption: true, describe: 'The dialect to write' })
      .option('output', { alias: 'o', type: 'string', requiresArg: true, describe: 'Write the converted journal to FILE (atomically; never an input file)' })
      .option('out-dir', { type: 'string', requiresArg: true, describe: 'Convert the whole include tree into DIR, keeping its file structure' })
      .option('flatten', { type: 'boolean', describe: 'One output with the included files written in place (the default unless --out-dir)' })
      .option('strict', { type: 'boolean', describe: 'Exit 1 when any warning or error was reported' })
      .option('report', { type: 'string', choices: ['text', 'json'], default: 'text', describe: 'How to print the findings (json: a list of diagnostics)' })
      .option('verify', { type: 'boolean', default: true, describe: 'Check the output with the target semantics (--no-verify skips it)' })
      .option('quiet', { alias: 'q', type: 'boolean', describe: 'Print only warnings and errors, not the rewrites' })
      .option('today', { type: 'string', requiresArg: true, hidden: true })
      .conflicts('output', 'out-dir')
      .conflicts('flatten', 'out-dir') as unknown as Argv<ConvertArgs>,
    handler: async (args) => {
      const input = await readInput(args, ctx.io)
      const parsed = parseFile(input.path ?? resolvePath(input.name, ctx.io), { text: input.text, encoding: input.encoding, ...(args.from ? { dialect: args.from } : {}) })
      const from = parsed.root.dialect
      if (from === args.to) throw new UsageError(`the journal is already ${from}; give --from if it was detected wrongly`)
      const inputs = new Set(parsed.files.map((f) => resolve(f.path)))
      const result = convert(parsed, {
        to: args.to,
        layout: args.outDir !== undefined ? 'tree' : 'single',
        verify: args.verify,
        ...(args.today !== undefined ? { today: args.today } : {}),
      })
      // write
      if (args.outDir !== undefined) {
        const dir = resolvePath(args.outDir, ctx.io)
        for (const f of result.files) {
          const target = join(dir, f.path)
          if (inputs.has(resolve(target))) throw new UsageError(`${target} is an input file; choose another --out-dir`)
          mkdirSync(dirname(target), { recursive: true })
          writeFileAtomic(target, encodeJournal(f.text, f.source.encoding))
        }
      } else if (args.output !== undefined) {
        const target = resolvePath(args.output, ctx.io)
        if (inputs.has(resolve(target))) throw new UsageError(`${args.output} is an input file; write the converted journal elsewhere`)
        writeFileAtomic(target, encodeJournal(result.files[0]?.text ?? '', parsed.root.encoding))
      } else {
        ctx.io.stdout.write(encodeJournal(result.files[0]?.text ?? '', parsed.root.encoding))
      }
      // report
      const shown = args.quiet ? result.diagnostics.filter((d) => d.severity !== 'info') : result.diagnostics
      if (args.report === 'json') {
        const stream = args.output !== undefined || args.outDir !== undefined ? ctx.io.stdout : ctx.io.stderr
        stream.write(JSON.stringify({ from, to: args.to, files: result.files.map((f) => f.path), diagnostics: shown }, null, 2) + '\n')
      } else if (shown.length) {
        const sources = new Map<string, string>(parsed.files.map((f) => [f.journal.file ?? f.path, f === parsed.root ? input.text : '']))
        ctx.io.stderr.write(renderDiagnostics(shown, sources, { color: useColor(ctx.io, 'stderr'), excerpt: false }))
      }
      const failing = (d: Diagnostic): boolean => d.severity === 'error' || d.severity === 'warning'
      if (args.strict === true && result.diagnostics.some(failing)) ctx.exitCode = EXIT.data
      void outputName
    },
  }
}
