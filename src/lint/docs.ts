/**
 * The rule docs (docs/rules/<id>.md) and the rule table in README, made from
 * the rule metadata and the examples as the code lints and fixes them.
 * `node scripts/gen-rule-docs.mjs` writes them; a test fails when they are
 * missing or stale.
 */
import { runExample } from './examples.js'
import type { LintRule } from './rule.js'

const KIND: Readonly<Record<string, string>> = {
  rejected: 'rejects the journal',
  silent: 'reads it with another meaning (balances or dates), silently',
  metadata: 'reads tags, payees or comments differently (balances agree)',
  lossy: 'loses information (balances agree)',
  none: 'reads it the same; only style or report details differ',
}

/** The Markdown page of one rule. */
export function ruleDoc(rule: LintRule): string {
  const out: string[] = [`# \`${rule.id}\``, '', `${rule.message}.`, '']
  out.push('| | |', '|---|---|')
  out.push(`| Breaks | ${rule.breaks.join(', ')}: ${KIND[rule.kind]} |`)
  out.push(`| Default severity | ${rule.severity}${rule.strictOnly ? ' (only with `--strict`)' : ''} |`)
  out.push(`| Fixable | ${rule.fix ? `yes, by the \`${rule.fix}\` transform (\`ptabridge lint --fix\`)` : 'no'} |`)
  out.push('', '## Why', '', rule.why, '', '## What to do', '', rule.advice, '')
  if (rule.example) {
    const e = rule.example
    const invalid = runExample(rule, 'invalid')
    invalid.cleanup()
    out.push('## Example', '', `Written for ${e.dialect}, linted for ${invalid.tool}:`, '', '```', e.invalid.replace(/\n$/, ''), '```', '')
    for (const [name, text] of Object.entries(e.files ?? {})) out.push(`with \`${name}\`:`, '', '```', text.replace(/\n$/, ''), '```', '')
    if (invalid.findings.length) {
      out.push('reports:', '', '```')
      for (const f of invalid.findings) out.push(`example:${f.line ?? 1}:${f.column ?? 1}: ${f.severity}: ${f.message} [${f.rule}]`)
      out.push('```', '')
    }
    if (invalid.fixed !== undefined) out.push('`--fix` writes:', '', '```', invalid.fixed.replace(/\n$/, ''), '```', '')
    out.push('Not reported:', '', '```', e.valid.replace(/\n$/, ''), '```', '')
  }
  return out.join('\n')
}

/** The README table of rules (between the `rules` markers). */
export function rulesTable(rules: readonly LintRule[]): string {
  const out = ['| Rule | Breaks | Kind | Severity | Fixable |', '|---|---|---|---|---|']
  for (const r of rules) out.push(`| [\`${r.id}\`](docs/rules/${r.id}.md) | ${r.breaks.join(', ')} | ${r.kind} | ${r.severity}${r.strictOnly ? ' (strict)' : ''} | ${r.fix ? 'yes' : 'no'} |`)
  return out.join('\n')
}

/** Replace the text between `<!-- rules:start -->` and `<!-- rules:end -->`. */
export function withRulesTable(readme: string, rules: readonly LintRule[]): string {
  const start = '<!-- rules:start -->'
  const end = '<!-- rules:end -->'
  const a = readme.indexOf(start)
  const b = readme.indexOf(end)
  if (a < 0 || b < a) throw new Error('README has no rules markers')
  return `${readme.slice(0, a + start.length)}\n${rulesTable(rules)}\n${readme.slice(b)}`
}
