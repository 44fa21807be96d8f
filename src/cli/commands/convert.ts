/**
 * `ptabridge convert --to hledger|ledger [JOURNAL]`: rewrite a journal for
 * the other tool, with the same balances, changing only the lines that must.
 *
 * The converted journal goes to standard output, or to `-o FILE`, or, with
 * `--out-dir DIR`, one file per source file (the include tree kept). Files
 * are written atomically and never over an input file. What was rewritten,
 * lost or could not be carried over is reported on standard error, one line
 * per finding (`FILE:LINE:COL: severity: message [rule]`), or as JSON with
 * `--report json`. `--verify` then runs the real ledger and hledger on the
 * input and the output (see `verify`) and prints their verdict. Exit status:
 * 0 when the output was written (the findings say what it could not carry
 * over), 1 with `--strict` when any finding is a warning or an error, and
 * with `--verify` when the tools' verdict is DIFFERENT, 2 for usage errors
 * or a missing tool, 3 with `--verify` when a tool rejects a journal.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, dirname, extname, join, resolve } from 'node:path'
import type { Argv, CommandModule } from 'yargs'
import type { Dialect } from '../../ast.js'
import { convert } from '../../convert/convert.js'
import type { Diagnostic } from '../../diagnostic.js'
import { encodeJournal, parseFile } from '../../parse/files.js'
import type { CommandContext } from '../context.js'
import { readInput } from '../input.js'
import { EXIT, resolvePath, UsageError, writeFileAtomic } from '../io.js'
import { renderDiagnostics, useColor } from '../report.js'
import { inputOptions } from './shared.js'
import { runVerification, toolOptions, type ToolArgs } from './verify.js'

interface ConvertArgs extends ToolArgs {
  journal?: string
  file?: string | string[]
  from?: Dialect
  to: Dialect
  output?: string
  outDir?: string
  flatten?: boolean
  strict?: boolean
  report: 'text' | 'json'
  selfCheck: boolean
  verify?: boolean
  today?: string
  quiet?: boolean
}

/** The `convert` command module. */
export function convertCommand(ctx: CommandContext): CommandModule<object, ConvertArgs> {
  return {
    command: 'convert [journal]',
    describe: 'Rewrite a journal for the other tool with the same balances, reporting what could not be carried over',
    builder: (y: Argv<object>) => toolOptions(inputOptions(y))
      .option('to', { type: 'string', choices: ['ledger', 'hledger'], demandOption: true, describe: 'The dialect to write' })
      .option('output', { alias: 'o', type: 'string', requiresArg: true, describe: 'Write the converted journal to FILE (atomically; never an input file)' })
      .option('out-dir', { type: 'string', requiresArg: true, describe: 'Convert the whole include tree into DIR, keeping its file structure' })
      .option('flatten', { type: 'boolean', describe: 'One output with the included files written in place (the default unless --out-dir)' })
      .option('strict', { type: 'boolean', describe: 'Exit 1 when any warning or error was reported' })
      .option('report', { type: 'string', choices: ['text', 'json'], default: 'text', describe: 'How to print the findings (json: a list of diagnostics)' })
      .option('self-check', { type: 'boolean', default: true, describe: 'Check the output with the target semantics (--no-self-check skips it)' })
      .option('verify', { type: 'boolean', describe: 'Then run the real ledger and hledger on input and output and compare them (exit 1 or 3 unless EQUIVALENT)' })
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
        selfCheck: args.selfCheck,
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
      if (args.verify === true) {
        const written = args.outDir !== undefined ? join(resolvePath(args.outDir, ctx.io), result.files[0]?.path ?? '')
          : args.output !== undefined ? resolvePath(args.output, ctx.io) : undefined
        const code = await verifyOutput(ctx, { from, to: args.to, args, inputText: input.text, inputPath: input.path, inputName: input.name, written, outputText: result.files[0]?.text ?? '', encoding: parsed.root.encoding })
        if (code !== EXIT.ok) ctx.exitCode = code
      }
    },
  }
}

interface VerifyPlan {
  from: Dialect
  to: Dialect
  args: ConvertArgs
  inputText: string
  inputPath: string | undefined
  inputName: string
  /** Where the converted journal was written, if it went to a file. */
  written: string | undefined
  outputText: string
  encoding: Parameters<typeof encodeJournal>[1]
}

/**
 * `convert --verify`: compare the input with the output using the real
 * tools. Output that went to standard output (and input that came from it)
 * is verified from a temporary copy, next to the input when that directory is
 * writable so relative includes still resolve, removed afterwards. The report
 * goes to standard error when the journal went to standard output.
 */
async function verifyOutput(ctx: CommandContext, plan: VerifyPlan): Promise<number> {
  const temporary: string[] = []
  const scratch = (near: string | undefined, name: string, text: string): string => {
    const dirs = near !== undefined ? [dirname(near), tmpdir()] : [tmpdir()]
    for (const dir of dirs) {
      try {
        const made = mkdtempSync(join(dir, '.ptabridge-verify-'))
        temporary.push(made)
        const path = join(made, name)
        writeFileSync(path, encodeJournal(text, plan.encoding))
        return path
      } catch {
        continue
      }
    }
    throw new UsageError('convert --verify could not write a temporary copy of the journal to verify')
  }
  try {
    const original = plan.inputPath ?? scratch(undefined, `stdin.${plan.from === 'ledger' ? 'ledger' : 'journal'}`, plan.inputText)
    const ext = plan.to === 'ledger' ? '.ledger' : '.journal'
    const converted = plan.written ?? scratch(plan.inputPath, `${basename(original, extname(original))}.converted${ext}`, plan.outputText)
    const stream = plan.written === undefined ? ctx.io.stderr : ctx.io.stdout
    return await runVerification(ctx, stream, {
      original, converted,
      shownOriginal: plan.inputName,
      shownConverted: plan.written !== undefined ? (plan.args.output ?? converted) : '<stdout>',
    }, { from: plan.from, to: plan.to }, plan.args)
  } finally {
    for (const dir of temporary) rmSync(dir, { recursive: true, force: true })
  }
}
