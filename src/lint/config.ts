/**
 * Lint configuration: `.ptabridge.json`, or the `ptabridge` key of a
 * package.json, found by walking up from the journal's directory (the
 * nearest wins), then `--rule id=level` flags on top.
 *
 * ```json
 * { "target": "both", "strict": false, "rules": { "payee-note-pipe": "off", "tag-colon-list": "error" } }
 * ```
 */
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import type { LintTarget } from './engine.js'
import { RULES_BY_ID } from './registry.js'
import type { RuleLevel } from './rule.js'

/** The settings a config file may hold. */
export interface LintConfig {
  target?: LintTarget
  strict?: boolean
  rules: Record<string, RuleLevel>
  /** Where it was read from, if anywhere. */
  path?: string
}

/** A configuration problem (bad JSON, unknown rule or level): a usage error. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ConfigError'
  }
}

const LEVELS: Readonly<Record<string, RuleLevel>> = { off: 'off', '0': 'off', info: 'info', warn: 'warning', warning: 'warning', '1': 'warning', error: 'error', '2': 'error' }

/** Read a level name (`off`, `info`, `warn`/`warning`, `error`, or eslint's 0/1/2). */
export function parseLevel(value: unknown, where: string): RuleLevel {
  const level = LEVELS[String(value)]
  if (level === undefined) throw new ConfigError(`${where}: unknown level '${String(value)}' (use off, info, warn or error)`)
  return level
}

function checkRule(id: string, where: string): void {
  if (!RULES_BY_ID.has(id)) throw new ConfigError(`${where}: unknown rule '${id}' (see 'ptabridge lint --list-rules')`)
}

/** Parse `--rule id=level` flags. */
export function parseRuleFlags(flags: readonly string[]): Record<string, RuleLevel> {
  const out: Record<string, RuleLevel> = {}
  for (const flag of flags) {
    const m = /^([a-z0-9-]+)=([a-z0-9]+)$/.exec(flag.trim())
    if (!m) throw new ConfigError(`--rule ${flag}: expected ID=off|info|warn|error`)
    checkRule(m[1] as string, `--rule ${flag}`)
    out[m[1] as string] = parseLevel(m[2], `--rule ${flag}`)
  }
  return out
}

/** Find and read the configuration for a journal in `dir`; empty when there is none. */
export function loadConfig(dir: string): LintConfig {
  for (let d = dir; ; d = dirname(d)) {
    const own = join(d, '.ptabridge.json')
    if (existsSync(own)) return fromObject(readJson(own), own)
    const pkg = join(d, 'package.json')
    if (existsSync(pkg)) {
      const data = readJson(pkg) as Record<string, unknown>
      if (data && typeof data === 'object' && 'ptabridge' in data) return fromObject(data.ptabridge, `${pkg} (ptabridge)`)
    }
    if (dirname(d) === d) return { rules: {} }
  }
}

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as unknown
  } catch (err) {
    throw new ConfigError(`${path}: ${err instanceof Error ? err.message : String(err)}`)
  }
}

function fromObject(data: unknown, path: string): LintConfig {
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw new ConfigError(`${path}: expected an object`)
  const o = data as Record<string, unknown>
  const config: LintConfig = { rules: {}, path }
  for (const key of Object.keys(o)) if (!['target', 'strict', 'rules'].includes(key)) throw new ConfigError(`${path}: unknown setting '${key}' (target, strict, rules)`)
  if (o.target !== undefined) {
    if (o.target !== 'ledger' && o.target !== 'hledger' && o.target !== 'both') throw new ConfigError(`${path}: target must be ledger, hledger or both`)
    config.target = o.target
  }
  if (o.strict !== undefined) config.strict = o.strict === true
  if (o.rules !== undefined) {
    if (!o.rules || typeof o.rules !== 'object' || Array.isArray(o.rules)) throw new ConfigError(`${path}: rules must be an object of ID: level`)
    for (const [id, level] of Object.entries(o.rules as Record<string, unknown>)) {
      checkRule(id, path)
      config.rules[id] = parseLevel(level, `${path}: ${id}`)
    }
  }
  return config
}
