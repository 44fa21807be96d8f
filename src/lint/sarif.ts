/**
 * SARIF 2.1.0 output for `lint --format sarif` (GitHub code scanning and
 * other static-analysis viewers read it).
 */
import { relative } from 'node:path'
import type { Finding } from './engine.js'
import { RULES } from './registry.js'

const LEVEL: Readonly<Record<string, string>> = { error: 'error', warning: 'warning', info: 'note' }

/** Render findings as a SARIF log; paths relative to `baseDir`. */
export function toSarif(findings: readonly Finding[], version: string, baseDir: string): object {
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'ptabridge',
          version,
          informationUri: 'https://github.com/ptabridge/ptabridge',
          rules: RULES.map((r) => ({
            id: r.id,
            shortDescription: { text: r.message },
            fullDescription: { text: r.why },
            help: { text: r.advice },
            defaultConfiguration: { level: r.severity === 'off' ? 'none' : LEVEL[r.severity] },
            properties: { breaks: r.breaks, kind: r.kind, fixable: r.fix !== undefined },
          })),
        },
      },
      results: findings.map((f) => ({
        ruleId: f.rule,
        level: LEVEL[f.severity],
        message: { text: f.hint ? `${f.message}. ${f.hint}` : f.message },
        properties: { tool: f.tool },
        locations: f.file === undefined ? [] : [{
          physicalLocation: {
            artifactLocation: { uri: relative(baseDir, f.file).split('\\').join('/') },
            ...(f.line !== undefined ? { region: { startLine: f.line, startColumn: f.column ?? 1, ...(f.endLine !== undefined ? { endLine: f.endLine, endColumn: f.endColumn } : {}) } } : {}),
          },
        }],
      })),
    }],
  }
}
