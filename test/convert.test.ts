/**
 * Conversion, rule by rule: each journal in corpus/convert/l2h (ledger) and
 * corpus/convert/h2l (hledger) is converted, and
 * - the output matches its golden file (`<name>.out.journal` / `.out.ledger`)
 *   and the findings theirs (`<name>.diag.txt`);
 * - the output parses in the target dialect without errors;
 * - converting the output again changes nothing (idempotence);
 * - every line that differs between input and output lies in a place a
 *   finding names (no silent rewrite);
 * - with the real tools installed, the target tool accepts the output and
 *   `equiv.py` finds it EQUIVALENT to the input (or a finding says why not).
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { diffLines } from 'diff'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import type { Dialect } from '../src/ast.js'
import { convert } from '../src/convert/convert.js'
import { formatDiagnostic } from '../src/diagnostic.js'
import { parseFile, type ParseFileResult, type SourceFile } from '../src/parse/files.js'
import { parse } from '../src/parse/index.js'
import { renderVerifyText } from '../src/verify/report.js'
import { verifyConversion } from '../src/verify/verify.js'
import { golden } from './helpers/golden.js'
import { CORPUS } from './helpers/paths.js'

const TODAY = '2026-11-22'

function asTree(text: string, dialect: Dialect, path: string): ParseFileResult {
  const parsed = parse(text, { dialect, file: path })
  const root: SourceFile = { path, dialect, encoding: 'utf8', journal: parsed.journal, diagnostics: parsed.diagnostics, includes: [] }
  return { ok: parsed.ok, root, files: [root], diagnostics: parsed.diagnostics }
}

const have = (tool: string): boolean => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0

for (const [dir, from, to] of [['l2h', 'ledger', 'hledger'], ['h2l', 'hledger', 'ledger']] as const) {
  const folder = join(CORPUS, 'convert', dir)
  const inputs = existsSync(folder) ? readdirSync(folder).filter((f) => f.endsWith(from === 'ledger' ? '.ledger' : '.journal') && !f.includes('.out.')).sort() : []
  for (const name of inputs) {
    test(`${dir}: ${name}`, () => {
      const path = join(folder, name)
      const text = readFileSync(path, 'utf8')
      const result = convert(asTree(text, from, name), { to, today: TODAY })
      const out = result.files[0]?.text ?? ''
      const stem = name.replace(/\.(ledger|journal)$/, '')
      golden(join(folder, `${stem}.out.${to === 'hledger' ? 'journal' : 'ledger'}`), out)
      golden(join(folder, `${stem}.diag.txt`), result.diagnostics.map((d) => formatDiagnostic(d, { hint: false })).join('\n') + '\n')

      // the target reads it
      const reparsed = parse(out, { dialect: to })
      assert.equal(reparsed.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message), [], 'the output parses in the target dialect')
      // a case may expect the check to report a problem: `; expect-problem: convert/CODE`
      const expected = new Set([...text.matchAll(/^; expect-problem: (\S+)$/gm)].map((m) => m[1]))
      const problems = result.diagnostics.filter((d) => d.code.startsWith('convert/'))
      assert.equal(problems.filter((d) => !expected.has(d.code)).map((d) => d.message), [], 'the check finds no difference')
      for (const code of expected) assert.ok(problems.some((d) => d.code === code), `the check reports ${code}`)

      // idempotent: the output, read in the source dialect, converts to itself
      const again = convert(asTree(out, from, name), { to, today: TODAY, selfCheck: false })
      assert.is(again.files[0]?.text, out, 'converting again changes nothing')

      // no silent rewrite: every changed line is named by a finding
      const flagged = new Set<number>()
      for (const d of result.diagnostics) {
        if (d.line === undefined) continue
        for (let l = d.line; l <= (d.endLine ?? d.line); l++) flagged.add(l)
      }
      const fileWide = result.diagnostics.some((d) => d.line === undefined && d.severity !== 'info') || result.diagnostics.some((d) => d.line === undefined)
      let line = 1
      const unexplained: string[] = []
      for (const part of diffLines(text, out)) {
        const count = part.count ?? 0
        if (part.removed) {
          for (let l = line; l < line + count; l++) if (!flagged.has(l) && !flagged.has(l - 1) && !flagged.has(l + 1)) unexplained.push(`line ${l}: ${text.split('\n')[l - 1] ?? ''}`)
          line += count
        } else if (!part.added) {
          line += count
        }
      }
      if (!fileWide) assert.equal(unexplained, [], 'every changed line is explained by a finding')
    })

    test(`${dir}: ${name}: ptabridge verify (the real tools) finds the output EQUIVALENT`, async () => {
      if (!have('ledger') || !have('hledger')) return
      const path = join(folder, name)
      const dirTmp = mkdtempSync(join(tmpdir(), 'ptabridge-convert-'))
      try {
        const result = convert(asTree(readFileSync(path, 'utf8'), from, name), { to, today: TODAY })
        const outPath = join(dirTmp, `out.${to === 'hledger' ? 'journal' : 'ledger'}`)
        writeFileSync(outPath, result.files[0]?.text ?? '')
        const verdict = await verifyConversion(path, outPath, { from, to, deep: true })
        assert.is(verdict.verdict, 'EQUIVALENT', renderVerifyText(verdict))
      } finally {
        rmSync(dirTmp, { recursive: true, force: true })
      }
    })
  }
}

// Include trees: corpus/convert/trees/<dir>/main.<ext> and the files it includes,
// converted to one file (includes inlined) and as a tree (one file per source file).
for (const [dir, from, to] of [['l2h', 'ledger', 'hledger'], ['h2l', 'hledger', 'ledger']] as const) {
  const folder = join(CORPUS, 'convert', 'trees', dir)
  const main = join(folder, from === 'ledger' ? 'main.ledger' : 'main.journal')
  if (!existsSync(main)) continue
  const ext = to === 'hledger' ? 'journal' : 'ledger'
  const local = (text: string): string => text.split(`${folder}/`).join('')
  const run = (layout: 'single' | 'tree', selfCheck = true): ReturnType<typeof convert> =>
    convert(parseFile(main, { dialect: from }), { to, today: TODAY, layout, selfCheck })

  test(`trees/${dir}: one output`, () => {
    const result = run('single')
    const out = result.files[0]?.text ?? ''
    golden(join(folder, `main.out.${ext}`), out)
    golden(join(folder, 'main.diag.txt'), local(result.diagnostics.map((d) => formatDiagnostic(d, { hint: false })).join('\n')) + '\n')
    assert.equal(parse(out, { dialect: to }).diagnostics.filter((d) => d.severity === 'error').map((d) => d.message), [], 'the output parses in the target dialect')
    assert.equal(result.diagnostics.filter((d) => d.code.startsWith('convert/') && d.severity !== 'info').map((d) => d.message), [], 'the check finds no difference')
    const again = convert(asTree(out, from, `main.out.${ext}`), { to, today: TODAY, selfCheck: false })
    assert.is(again.files[0]?.text, out, 'converting again changes nothing')
  })

  test(`trees/${dir}: one output per file`, () => {
    const result = run('tree')
    assert.ok(result.files.length > 1, 'one output per source file')
    const listing = result.files.map((f) => `=== ${f.path}\n${f.text}${f.text.endsWith('\n') ? '' : '\n'}`).join('')
    golden(join(folder, 'tree.out.txt'), listing)
    for (const f of result.files) assert.equal(parse(f.text, { dialect: to }).diagnostics.filter((d) => d.severity === 'error').map((d) => d.message), [], `${f.path} parses in the target dialect`)
    assert.equal(result.diagnostics.filter((d) => d.code.startsWith('convert/') && d.severity !== 'info').map((d) => d.message), [], 'the check finds no difference')
    // every include names an output file
    const names = new Set(result.files.map((f) => f.path))
    for (const f of result.files) {
      for (const m of f.text.matchAll(/^include[ \t]+(\S+)/gm)) assert.ok(names.has(join(dirname(f.path), m[1] as string)), `${f.path} includes ${m[1]}, an output`)
    }
  })

  test(`trees/${dir}: ptabridge verify (the real tools) finds both layouts EQUIVALENT`, async () => {
    if (!have('ledger') || !have('hledger')) return
    const dirTmp = mkdtempSync(join(tmpdir(), 'ptabridge-tree-'))
    try {
      const single = run('single').files[0]?.text ?? ''
      writeFileSync(join(dirTmp, `single.${ext}`), single)
      const tree = run('tree')
      for (const f of tree.files) {
        mkdirSync(join(dirTmp, 'tree', dirname(f.path)), { recursive: true })
        writeFileSync(join(dirTmp, 'tree', f.path), f.text)
      }
      const rootOut = tree.files[0]?.path ?? ''
      for (const out of [join(dirTmp, `single.${ext}`), join(dirTmp, 'tree', rootOut)]) {
        const result = await verifyConversion(main, out, { from, to })
        assert.is(result.verdict, 'EQUIVALENT', `${out}: ${renderVerifyText(result)}`)
        assert.ok(result.converted.postings.length > 0)
      }
    } finally {
      rmSync(dirTmp, { recursive: true, force: true })
    }
  })
}

test.run()
