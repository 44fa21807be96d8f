#!/usr/bin/env node
/**
 * Write docs/rules/<id>.md for every lint rule and the rule table in README
 * (between the rules markers), from the rule metadata and the examples as
 * the built code lints and fixes them. Run after `npm run build`.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const { RULES } = await import(join(ROOT, 'dist/src/lint/registry.js'))
const { ruleDoc, withRulesTable } = await import(join(ROOT, 'dist/src/lint/docs.js'))
mkdirSync(join(ROOT, 'docs/rules'), { recursive: true })
for (const rule of RULES) writeFileSync(join(ROOT, 'docs/rules', `${rule.id}.md`), ruleDoc(rule))
const readme = join(ROOT, 'README.md')
writeFileSync(readme, withRulesTable(readFileSync(readme, 'utf8'), RULES))
console.log(`${RULES.length} rule docs written`)
