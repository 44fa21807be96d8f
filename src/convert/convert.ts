/**
 * Converting a journal (and the files it includes) from one dialect to the
 * other.
 *
 * 1. Resolve the source tree under the source dialect's semantics: what it
 *    means is the reference.
 * 2. Run the direction's transforms on each file's tree (they edit fields and
 *    report what they rewrote, lost or could not carry over).
 * 3. Print: one output with the includes inlined (`single`), or one output
 *    per source file with the include directives pointing at the outputs
 *    (`tree`).
 * 4. Check: read the output as the target tool would, resolve it under the
 *    target's semantics, and compare with the reference (totals, counts per
 *    date, assertions). Whatever the target would reject or compute
 *    differently is reported at the source line responsible, so no
 *    difference goes unreported.
 */
import { basename, dirname, extname, join, relative } from 'node:path'
import type { Dialect, Directive, Entry, Journal, Posting, Transaction } from '../ast.js'
import type { Diagnostic, Severity } from '../diagnostic.js'
import { sortDiagnostics } from '../diagnostic.js'
import type { IncludedFiles, ParseFileResult, SourceFile } from '../parse/files.js'
import { parse } from '../parse/index.js'
import { positionOf, sourceOf } from '../position.js'
import { printerFor } from '../print/index.js'
import type { ResolvedJournal, ResolvedPosting, ResolvedTransaction } from '../semantics/model.js'
import { resolveJournal } from '../semantics/resolve.js'
import { plan } from '../transform/index.js'
import type { InheritedApply, SourceMeaning, Transform, TransformContext } from '../transform/types.js'
import { compareMeaning, meaningSummary, sameMeaning } from './compare.js'
import { startOtherReading, type OtherReading } from './other-reading.js'
import { commentOutEntry, writeInferredAmounts } from '../transform/util.js'

/** Options for {@link convert}. */
export interface ConvertOptions {
  to: Dialect
  /** `single`: one output, includes inlined (default); `tree`: one output per source file. */
  layout?: 'single' | 'tree'
  /** Today's date for year-less dates (`YYYY-MM-DD`). */
  today?: string
  /** Check the output with the target's semantics (default true). */
  selfCheck?: boolean
  /** The transforms to run (default: `plan(from, to)`). */
  transforms?: readonly Transform[]
  /** The source already resolved with its own dialect and `auto: true` (saves resolving it again). */
  resolved?: ResolvedJournal
  /** Print the output (default true); `lint` needs only the findings. Without printing there is no check (`selfCheck`). */
  print?: boolean
  /** tree layout: keep each file's name (and the include directives naming it) instead of the target's extension (`lint --fix --write`, in place). */
  keepNames?: boolean
}

/** One output file. */
export interface ConvertedFile {
  /** The source file it was made from. */
  source: SourceFile
  /** Where it should go: relative to the root source file's directory (tree), or the root's name with the target extension. */
  path: string
  text: string
}

/** The outcome of a conversion. */
export interface ConvertResult {
  files: ConvertedFile[]
  /** Everything the transforms and the check found, sorted by file and position. */
  diagnostics: Diagnostic[]
  from: Dialect
  to: Dialect
  /** The transform that reported each diagnostic a transform reported (what `lint --fix` reruns). */
  reportedBy: ReadonlyMap<Diagnostic, string>
}

const EXTENSIONS: Readonly<Record<Dialect, string>> = { ledger: '.ledger', hledger: '.journal' }
const DIALECT_EXTENSIONS = new Set(['.ledger', '.dat', '.ldg', '.journal', '.j', '.hledger', '.timeclock', '.timedot'])

/** The output name of a source file: its extension changed to the target's. */
export function outputName(path: string, to: Dialect): string {
  const ext = extname(path)
  const stem = DIALECT_EXTENSIONS.has(ext.toLowerCase()) ? path.slice(0, path.length - ext.length) : path
  return stem + EXTENSIONS[to]
}

/**
 * Convert a parsed file tree. The trees in `parsed` are edited in place.
 *
 * @example
 * ```ts
 * const result = convert(parseFile('main.ledger'), { to: 'hledger' })
 * process.stdout.write(result.files[0].text)
 * for (const d of result.diagnostics) console.error(formatDiagnostic(d))
 * ```
 */
export function convert(parsed: ParseFileResult, options: ConvertOptions): ConvertResult {
  const from = parsed.root.dialect
  const to = options.to
  const layout = options.layout ?? 'single'
  const diagnostics: Diagnostic[] = [...parsed.diagnostics]
  const today = options.today
  const clock = phaseClock()
  // a single file's output is often its input unchanged: then the check is the target's reading of the input,
  // which can start now (in a worker when large) instead of after printing
  const rootText = sourceOf(parsed.root.journal)
  const early = options.selfCheck !== false && options.print !== false && parsed.files.length === 1 && rootText !== undefined
    ? startOtherReading({ path: parsed.root.path, tool: to, text: rootText, ...(today !== undefined ? { today } : {}) }, rootText.length)
    : undefined
  const resolved = options.resolved ?? resolveJournal(parsed, { dialect: from, auto: true, ...(today !== undefined ? { today } : {}) })
  clock('resolve source')
  // the source's own problems are already in parsed.diagnostics; add what resolving found
  const parsedDiagnostics = new Set(parsed.diagnostics)
  for (const d of resolved.diagnostics) if (!parsedDiagnostics.has(d)) diagnostics.push(d)
  const source = sourceMeaning(resolved)
  const owner = new Map<Journal, SourceFile>(parsed.files.map((f) => [f.journal, f]))

  // 2. transforms, file by file (the root last sees what its includes became)
  const transforms = options.transforms ?? plan(from, to)
  const shared = new Map<string, unknown>()
  const inherited = inheritedApply(parsed.root)
  const reportedBy = new Map<Diagnostic, string>()
  const running = { name: '' }
  for (const file of parsed.files) {
    const ctx = contextFor(file, from, to, source, shared, file === parsed.root, diagnostics, inherited.get(file) ?? [], running, reportedBy)
    if (file.format === 'timedot') {
      const n = file.journal.children.filter((e) => e.type === 'transaction').length
      diagnostics.push({ severity: 'info', code: 'include-foreign-format', file: file.journal.file ?? file.path, line: 1, column: 1,
        message: `Timedot file written as the ${n} transaction${n === 1 ? '' : 's'} hledger reads from it (${to} does not read timedot)` })
    }
    for (const t of transforms) {
      running.name = t.name
      t.run(ctx)
      clock(`transform ${t.name}`)
    }
    // (the journal keeps its source dialect: the printer's house style reads the numbers as written)
  }

  // 3. print (the include structure is fixed once)
  const files: ConvertedFile[] = []
  const includeDirectives = new Map<IncludedFiles, Directive[]>()
  const printed: Array<{ file: ConvertedFile; journal: Journal; origin: Map<Entry, SourceFile> }> = []
  if (layout === 'single') {
    const origin = new Map<Entry, SourceFile>()
    const children = inline(parsed.root, origin, diagnostics)
    const journal: Journal = { ...parsed.root.journal, children }
    const file: ConvertedFile = { source: parsed.root, path: outputName(basename(parsed.root.path), to), text: '' }
    files.push(file)
    printed.push({ file, journal, origin })
  } else {
    const baseDir = dirname(parsed.root.path)
    for (const f of parsed.files) {
      for (const [inc, ds] of retargetIncludes(f, to, diagnostics, options.keepNames === true)) includeDirectives.set(inc, ds)
      const origin = new Map<Entry, SourceFile>(f.journal.children.map((e) => [e, f]))
      const file: ConvertedFile = { source: f, path: options.keepNames === true ? relative(baseDir, f.path) : outputName(relative(baseDir, f.path), to), text: '' }
      files.push(file)
      printed.push({ file, journal: f.journal, origin })
    }
  }
  const printAll = (): void => {
    for (const p of printed) p.file.text = printerFor(to).print(p.journal)
  }
  const printing = options.print !== false
  if (printing) printAll()
  clock('print')

  // 4. check what the target makes of it; fix what can be fixed (at most twice), report the rest
  // the output is the input: the target's reading of the input is the check; only a problem needs the full check
  const unchanged = early !== undefined && printed.length === 1 && printed[0]?.file.text === rootText
  const cleanAsIs = unchanged && isClean(early.result(), resolved)
  if (printing && options.selfCheck !== false && !cleanAsIs) {
    for (let round = 0; ; round++) {
      const check = selfCheck(printed, parsed, resolved, to, today, includeDirectives)
      clock('self-check')
      const effective = round < 2 ? check.fixes.filter((fix) => applyFix(fix, source, diagnostics)) : []
      if (effective.length > 0) {
        printAll()
        continue
      }
      for (const d of check.problems) diagnostics.push(d)
      for (const fix of check.fixes) diagnostics.push(fix.problem)
      break
    }
  }
  void owner
  return { files, diagnostics: sortDiagnostics(dedupe(diagnostics)), from, to, reportedBy }
}

/** Whether the target reads the journal without errors and with the source's balances, counts and assertion outcomes. */
function isClean(reading: OtherReading, source: ResolvedJournal): boolean {
  return reading.errors.length === 0 && reading.parseWarnings === 0 && reading.summary !== undefined && sameMeaning(meaningSummary(source), reading.summary)
}

/**
 * With `PTABRIDGE_TIMING=1`, a function that prints the milliseconds since
 * its last call under a label on standard error (the benchmark's phase
 * breakdown); otherwise a no-op.
 */
function phaseClock(): (label: string) => void {
  if (process.env.PTABRIDGE_TIMING !== '1') return () => undefined
  const totals = new Map<string, number>()
  let last = performance.now()
  process.once('beforeExit', () => {
    for (const [label, ms] of [...totals].sort((a, b) => b[1] - a[1])) process.stderr.write(`${ms.toFixed(0).padStart(6)} ms  ${label}\n`)
  })
  return (label) => {
    const now = performance.now()
    totals.set(label, (totals.get(label) ?? 0) + now - last)
    last = now
  }
}

/** A repair the check found: drop an assertion the target checks differently, or write a transaction's amounts out. */
type Fix = (
  | { kind: 'drop-assertion'; posting: Posting; transaction: Transaction; file: SourceFile; message: string }
  | { kind: 'write-amounts'; transaction: Transaction; file: SourceFile }
) & {
  /** What to report when the fix is not made (the last round) or changes nothing. */
  problem: Diagnostic
}

/** Make a fix; returns whether it changed anything. */
function applyFix(fix: Fix, source: SourceMeaning, out: Diagnostic[]): boolean {
  const name = (f: SourceFile): string => f.journal.file ?? f.path
  if (fix.kind === 'drop-assertion') {
    const a = fix.posting.assertion
    if (!a) return false
    if (!fix.posting.amount) writeInferredAmounts(fix.transaction, (p) => source.postingOf(p), (c) => source.resolved.commodities.get(c)?.side)
    delete fix.posting.assertion
    out.push(diagnosticAt(fix.file.journal, name(fix.file), 'warning', 'assertion-order',
      `Balance assertion dropped: ${fix.message}`, a.span ? a : fix.posting,
      'the two tools check this assertion against different balances (file or date order, virtual postings)'))
    return true
  }
  if (writeInferredAmounts(fix.transaction, (p) => source.postingOf(p), (c) => source.resolved.commodities.get(c)?.side)) {
    out.push(diagnosticAt(fix.file.journal, name(fix.file), 'info', 'explicit-amounts', 'Amounts written out: the target would infer them differently', fix.transaction))
    return true
  }
  return false
}

/** For each included file, the apply blocks open where it is included (read before any transform runs). */
function inheritedApply(root: SourceFile): Map<SourceFile, InheritedApply[]> {
  const out = new Map<SourceFile, InheritedApply[]>()
  const walk = (file: SourceFile, inherited: InheritedApply[]): void => {
    const byDirective = new Map<Entry, IncludedFiles>(file.includes.map((inc) => [inc.directive, inc]))
    const stack: InheritedApply[] = []
    const closeLast = (kind: InheritedApply['kind'] | undefined): void => {
      const at = kind === undefined ? stack.length - 1 : stack.findLastIndex((x) => x.kind === kind)
      if (at >= 0) stack.splice(at, 1)
    }
    for (const e of file.journal.children) {
      if (e.type !== 'directive') continue
      if (e.name === 'apply account') stack.push({ kind: 'account', value: e.args.replace(/^account[ \t]+/, '').trim() })
      else if (e.name === 'apply tag') stack.push({ kind: 'tag', value: e.args.replace(/^tag[ \t]+/, '').trim() })
      else if (e.name.startsWith('apply')) stack.push({ kind: 'other', value: e.args })
      else if (e.name === 'end apply account') closeLast('account')
      else if (e.name === 'end apply tag' || e.name === 'end tag') closeLast('tag')
      else if (e.name === 'end apply fixed' || e.name === 'end apply year') closeLast('other')
      else if (e.name === 'end' || e.name === 'end apply') closeLast(undefined)
      const inc = byDirective.get(e)
      if (!inc) continue
      const open = [...inherited, ...stack]
      for (const f of inc.files) {
        if (out.has(f)) continue
        out.set(f, open)
        walk(f, open)
      }
    }
  }
  walk(root, [])
  return out
}

function sourceMeaning(resolved: ResolvedJournal): SourceMeaning {
  const transactions = new Map<Transaction, ResolvedTransaction>()
  const postings = new Map<Posting, ResolvedPosting>()
  for (const t of resolved.transactions) {
    if (t.node) transactions.set(t.node, t)
    for (const p of t.postings) if (p.node && !p.generated && !postings.has(p.node)) postings.set(p.node, p)
  }
  return {
    resolved,
    transactionOf: (node) => transactions.get(node),
    postingOf: (node) => postings.get(node),
  }
}

function contextFor(file: SourceFile, from: Dialect, to: Dialect, source: SourceMeaning, shared: Map<string, unknown>, isRoot: boolean, out: Diagnostic[], inheritedApply: readonly InheritedApply[], running: { name: string }, reportedBy: Map<Diagnostic, string>): TransformContext {
  const journal = file.journal
  const name = journal.file ?? file.path
  return {
    from, to, journal, source, shared, isRoot, inheritedApply,
    report(r) {
      const d = diagnosticAt(journal, name, r.severity, r.code, r.message, r.node, r.hint)
      reportedBy.set(d, running.name)
      out.push(d)
    },
  }
}

function diagnosticAt(journal: Journal, file: string, severity: Severity, code: string, message: string, node: { span?: { start: number; end: number } | undefined } | undefined, hint?: string): Diagnostic {
  const d: Diagnostic = { severity, code, message, file }
  if (hint) d.hint = hint
  const at = node?.span ? positionOf(journal, { span: node.span }) : undefined
  if (at && node?.span) {
    d.line = at.start.line
    d.column = at.start.column
    d.endLine = at.end.line
    d.endColumn = at.end.column
    d.span = node.span
  }
  return d
}

/** The root's entries with every include replaced by the (transformed) entries of the files it brought in. */
function inline(file: SourceFile, origin: Map<Entry, SourceFile>, out: Diagnostic[]): Entry[] {
  const byDirective = new Map<Entry, IncludedFiles>(file.includes.map((inc) => [inc.directive, inc]))
  const children: Entry[] = []
  for (const entry of file.journal.children) {
    const inc = byDirective.get(entry)
    if (inc && inc.files.length > 0) {
      out.push(diagnosticAt(file.journal, file.journal.file ?? file.path, 'info', 'convert/include-inlined',
        `The included ${inc.files.length === 1 ? 'file is' : 'files are'} written in place of this include (one output); use --out-dir to keep the file structure`, entry))
      // the include stays as a comment, so the output shows where the inlined entries came from
      for (const c of commentOutEntry(entry, file.journal)) {
        origin.set(c, file)
        children.push(c)
      }
      for (const f of inc.files) {
        const inner = inline(f, origin, out)
        for (const e of inner) children.push(e)
      }
      continue
    }
    origin.set(entry, file)
    children.push(entry)
  }
  return children
}

/**
 * tree layout: include directives name the converted files. An include that
 * brought in several files (a glob) becomes one include per file, in the
 * order they were read: the other tool may not expand the glob the same way,
 * or at all (`**`). Returns, per include, the directives written for it.
 */
function retargetIncludes(file: SourceFile, to: Dialect, out: Diagnostic[], keepNames: boolean): Map<IncludedFiles, Directive[]> {
  const written = new Map<IncludedFiles, Directive[]>()
  const replacements = new Map<Entry, Entry[]>()
  for (const inc of file.includes) {
    if (keepNames && inc.files.length <= 1) {
      written.set(inc, [inc.directive])
      continue
    }
    const targets = inc.files.map((f) => (keepNames ? relative(dirname(file.path), f.path) : outputName(relative(dirname(file.path), f.path), to)))
    if (targets.length <= 1) {
      if (targets[0] !== undefined && inc.directive.args !== targets[0]) {
        if (inc.pattern.includes('**')) out.push(diagnosticAt(file.journal, file.journal.file ?? file.path, 'info', 'include-globstar', `'include ${inc.pattern}' written as the file it matched`, inc.directive))
        inc.directive.args = targets[0]
      }
      written.set(inc, [inc.directive])
      continue
    }
    const directives = targets.map((target) => ({ ...inc.directive, args: target, children: [], raws: { ...inc.directive.raws } }) as Directive)
    for (const d of directives) delete d.span
    written.set(inc, directives)
    replacements.set(inc.directive, directives)
    out.push(diagnosticAt(file.journal, file.journal.file ?? file.path, 'info', inc.pattern.includes('**') ? 'include-globstar' : 'convert/include-expanded',
      `'include ${inc.pattern}' written as one include per file it matched (${targets.length})`, inc.directive))
  }
  if (replacements.size) file.journal.children = file.journal.children.flatMap((e) => replacements.get(e) ?? [e])
  return written
}

function selfCheck(
  printed: Array<{ file: ConvertedFile; journal: Journal; origin: Map<Entry, SourceFile> }>,
  parsed: ParseFileResult, reference: ResolvedJournal, to: Dialect, today: string | undefined,
  includeDirectives: ReadonlyMap<IncludedFiles, Directive[]>,
): { problems: Diagnostic[]; fixes: Fix[] } {
  const problems: Diagnostic[] = []
  const fixes: Fix[] = []
  // read every output as the target does, wired together as the includes say
  const outputs = printed.map(({ file, journal, origin }) => ({ file, journal, origin, result: parse(file.text, { dialect: to, file: file.path }) }))
  const bySource = new Map(outputs.map((o) => [o.file.source, o]))
  const sourceFiles = new Map<SourceFile, SourceFile>()
  const asSource = (o: (typeof outputs)[number]): SourceFile => {
    let s = sourceFiles.get(o.file.source)
    if (s) return s
    s = { path: o.file.source.path, dialect: to, encoding: 'utf8', journal: o.result.journal, diagnostics: o.result.diagnostics, includes: [] }
    sourceFiles.set(o.file.source, s)
    if (printed.length > 1) {
      // tree layout: the output's include directives are, in order, those written for the source's
      const directives = o.result.journal.children.filter((e): e is Directive => e.type === 'directive' && e.name === 'include')
      let next = 0
      for (const inc of o.file.source.includes) {
        const written = includeDirectives.get(inc)?.length ?? 1
        const sources = inc.files.map((f) => bySource.get(f)).filter((x): x is (typeof outputs)[number] => x !== undefined)
        for (let k = 0; k < written; k++) {
          const d = directives[next++]
          if (!d) break
          const files = (written === 1 ? sources : sources.slice(k, k + 1)).map(asSource)
          s.includes.push({ directive: d, pattern: d.args, files })
        }
      }
    }
    return s
  }
  const rootOutput = outputs[0]
  if (!rootOutput) return { problems, fixes }
  const root = asSource(rootOutput)
  const targetTree: ParseFileResult = {
    ok: true, root, files: [...sourceFiles.values()], diagnostics: outputs.flatMap((o) => o.result.diagnostics),
  }
  const target = resolveJournal(targetTree, { dialect: to, auto: true, ...(today !== undefined ? { today } : {}) })

  // map an output position back to the node it was printed from
  interface Located { entry: Entry; posting?: Posting; file: SourceFile }
  const locate = (outputFile: string | undefined, span: { start: number; end: number } | undefined): Located | undefined => {
    const o = outputs.find((x) => x.file.path === outputFile) ?? rootOutput
    if (!span) return undefined
    const entries = o.result.journal.children
    const printedEntries = o.journal.children
    if (entries.length !== printedEntries.length) return undefined
    const k = entries.findIndex((e) => e.span && e.span.start <= span.start && span.start <= e.span.end)
    const entry = printedEntries[k]
    const outEntry = entries[k]
    if (!entry || !outEntry) return undefined
    const file = o.origin.get(entry) ?? o.file.source
    const located: Located = { entry, file }
    if (entry.type === 'transaction' && outEntry.type === 'transaction') {
      const outPostings = outEntry.children.filter((l) => l.type === 'posting')
      const mine = entry.children.filter((l): l is Posting => l.type === 'posting')
      const i = outPostings.findIndex((l) => l.span && l.span.start <= span.start && span.start <= l.span.end)
      const p = mine[i]
      if (p && outPostings.length === mine.length) located.posting = p
    }
    return located
  }
  const at = (l: Located | undefined): { node: { span?: { start: number; end: number } | undefined }; file: SourceFile } | undefined => {
    if (!l) return undefined
    const node = l.posting?.span ? l.posting : l.entry
    if (node.span) return { node, file: l.file }
    // a generated node: the nearest written one is its transaction
    return l.entry.span ? { node: l.entry, file: l.file } : undefined
  }
  const problemAt = (severity: Severity, code: string, message: string, where: { node: { span?: { start: number; end: number } | undefined }; file: SourceFile } | undefined, hint?: string): Diagnostic =>
    where ? diagnosticAt(where.file.journal, where.file.journal.file ?? where.file.path, severity, code, message, where.node, hint)
      : { severity, code, message, file: parsed.root.journal.file ?? parsed.root.path, ...(hint ? { hint } : {}) }
  const report = (severity: Severity, code: string, message: string, where: { node: { span?: { start: number; end: number } | undefined }; file: SourceFile } | undefined, hint?: string): void => {
    problems.push(problemAt(severity, code, message, where, hint))
  }

  // what the target would reject or warn about while reading
  for (const o of outputs) {
    for (const d of o.result.diagnostics) {
      if (d.severity === 'info') continue
      report(d.severity, 'convert/target-rejects', `${to} would report: ${d.message}`, at(locate(o.file.path, d.span)), `the converted text here is not read by ${to} as intended; please report it`)
    }
  }
  // what it would reject when computing
  const sourceFailures = new Set(reference.diagnostics.filter((d) => d.code === 'assertion/failed').map((d) => `${d.file}:${d.line}`))
  for (const d of target.diagnostics) {
    if (d.severity !== 'error' || outputs.some((o) => o.result.diagnostics.includes(d))) continue
    const l = locate(d.file, d.span)
    if (d.code === 'assertion/failed' && l?.posting?.assertion && l.entry.type === 'transaction') {
      const sourceFailed = l.posting.span ? sourceFailures.has(`${l.file.journal.file ?? l.file.path}:${positionOf(l.file.journal, l.posting)?.start.line}`) : false
      if (!sourceFailed) {
        fixes.push({ kind: 'drop-assertion', posting: l.posting, transaction: l.entry, file: l.file, message: `${to} would report: ${d.message}`, problem: problemAt('error', 'convert/target-rejects', `${to} would report: ${d.message}`, at(l)) })
      }
      continue
    }
    if (d.code === 'balance/unbalanced' && l?.entry.type === 'transaction' && l.entry.children.some((c) => c.type === 'posting' && c.amount === undefined)) {
      fixes.push({ kind: 'write-amounts', transaction: l.entry, file: l.file, problem: problemAt('error', 'convert/target-rejects', `${to} would report: ${d.message}`, at(l)) })
      continue
    }
    report('error', 'convert/target-rejects', `${to} would report: ${d.message}`, at(l))
  }

  // what it computes differently
  for (const diff of compareMeaning(reference, target)) {
    const node = diff.source?.node
    const file = node ? findOwner(node, parsed) : undefined
    if (node && file && diff.kind !== 'assertion' && node.children.some((c) => c.type === 'posting' && c.amount === undefined)) {
      fixes.push({ kind: 'write-amounts', transaction: node, file, problem: problemAt('error', 'convert/meaning-changed', `The converted journal means something else for ${to}: ${diff.message}`, { node, file }) })
      continue
    }
    report('error', 'convert/meaning-changed', `The converted journal means something else for ${to}: ${diff.message}`,
      node && file ? { node, file } : undefined, 'ptabridge could not carry this over exactly; check the rewritten lines reported above')
  }
  return { problems, fixes }
}

function findOwner(node: Transaction, parsed: ParseFileResult): SourceFile | undefined {
  for (const f of parsed.files) if (f.journal.children.includes(node)) return f
  return undefined
}

function dedupe(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>()
  return diagnostics.filter((d) => {
    const key = `${d.file}\u0000${d.line}\u0000${d.column}\u0000${d.code}\u0000${d.message}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

/** The default output path for the root file in `single` layout, next to the source. */
export function defaultOutputPath(sourcePath: string, to: Dialect): string {
  return join(dirname(sourcePath), outputName(basename(sourcePath), to))
}
