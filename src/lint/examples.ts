/**
 * Running a rule's example: write it (and the files it includes) to a
 * scratch directory, lint it for the tool the rule names, and fix it. The
 * rule tests and the docs generator both use this, so the docs show what
 * the code does.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Dialect } from '../ast.js'
import { lintFile, type Finding } from './engine.js'
import { fixJournal } from './fix.js'
import type { LintRule } from './rule.js'

/** What linting and fixing one side of an example gave. */
export interface ExampleRun {
  /** The tool linted for. */
  tool: Dialect
  /** Findings of this rule. */
  findings: Finding[]
  /** The fixed text, when the rule is fixable and found something. */
  fixed?: string
  /** The scratch file the text was written to (removed by `cleanup`). */
  path: string
  cleanup(): void
}

/** The tool an example is linted for: the one the rule breaks that the example is not written for, else its own. */
export function exampleTool(rule: LintRule): Dialect {
  const own = rule.example?.dialect ?? 'ledger'
  return rule.breaks.find((t) => t !== own) ?? own
}

/** Lint (and fix) the invalid or valid side of a rule's example. */
export function runExample(rule: LintRule, side: 'invalid' | 'valid'): ExampleRun {
  const example = rule.example
  if (!example) throw new Error(`rule ${rule.id} has no example`)
  const dir = mkdtempSync(join(tmpdir(), 'ptabridge-rule-'))
  const path = join(dir, `example.${example.dialect === 'ledger' ? 'ledger' : 'journal'}`)
  writeFileSync(path, example[side])
  if (side === 'invalid') for (const [name, text] of Object.entries(example.files ?? {})) writeFileSync(join(dir, name), text)
  const tool = exampleTool(rule)
  const options = { target: tool, from: example.dialect, today: '2026-11-22', strict: rule.strictOnly === true }
  const result = lintFile(path, options)
  const findings = result.findings.filter((f) => f.rule === rule.id)
  const run: ExampleRun = { tool, findings, path, cleanup: () => rmSync(dir, { recursive: true, force: true }) }
  if (rule.fix !== undefined && findings.length > 0 && tool !== example.dialect) {
    const fixed = fixJournal(path, result.findings, { to: tool, from: example.dialect, layout: 'single', today: '2026-11-22' })
    run.fixed = fixed.result.files[0]?.text ?? ''
  }
  return run
}
