/**
 * User CSV format plugins: ES modules (`*.js`, `*.mjs`) in
 * `$XDG_CONFIG_HOME/ptabridge/plugins/` (default
 * `$HOME/.config/ptabridge/plugins/`), and only there — never the current
 * directory (a relative XDG_CONFIG_HOME or HOME is ignored). Each module's
 * default export, or its named export `formats`, is a {@link CsvFormat} or an
 * array of them. Files load in name order; a plugin that fails to load or
 * has the wrong shape is reported as an error naming the file, and the
 * others still load. Plugins come after the built-in formats.
 */
import { readdirSync, statSync } from 'node:fs'
import { isAbsolute, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { CsvFormat } from './format.js'

/** The plugin directory for an environment, or undefined when neither XDG_CONFIG_HOME nor HOME is an absolute path. */
export function pluginDirectory(env: Record<string, string | undefined>): string | undefined {
  const xdg = env.XDG_CONFIG_HOME
  if (xdg !== undefined && xdg !== '' && isAbsolute(xdg)) return join(xdg, 'ptabridge', 'plugins')
  const home = env.HOME
  if (home !== undefined && home !== '' && isAbsolute(home)) return join(home, '.config', 'ptabridge', 'plugins')
  return undefined
}

/** Why a value is not a CsvFormat, or undefined when it is one. */
export function formatShapeProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return 'not an object'
  const v = value as { name?: unknown; fieldset?: unknown; convert?: unknown }
  if (typeof v.name !== 'string' || v.name === '') return 'no "name" string'
  if (!Array.isArray(v.fieldset) || v.fieldset.length === 0 || !v.fieldset.every((x) => typeof x === 'string')) {
    return `format "${v.name}": "fieldset" must be a non-empty array of column names`
  }
  if (typeof v.convert !== 'function') return `format "${v.name}": no "convert" function`
  return undefined
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err)
}

/** The plugin files of a directory, sorted by name (none when it does not exist). */
function pluginFiles(dir: string): string[] {
  let names: string[]
  try {
    names = readdirSync(dir)
  } catch (err) {
    const code = (err as { code?: unknown }).code
    if (code === 'ENOENT' || code === 'ENOTDIR') return []
    throw err
  }
  return names
    .filter((n) => /\.m?js$/i.test(n))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((n) => join(dir, n))
    .filter((file) => {
      try {
        return statSync(file).isFile()
      } catch {
        return false
      }
    })
}

/** Load the user's CSV format plugins; problems are returned as error strings naming the file. */
export async function loadPlugins(env: Record<string, string | undefined>): Promise<{ formats: CsvFormat[]; errors: string[] }> {
  const formats: CsvFormat[] = []
  const errors: string[] = []
  const dir = pluginDirectory(env)
  if (dir === undefined) return { formats, errors }
  let files: string[]
  try {
    files = pluginFiles(dir)
  } catch (err) {
    return { formats, errors: [`${dir}: cannot read the plugin directory: ${message(err)}`] }
  }
  for (const file of files) {
    let mod: { default?: unknown; formats?: unknown }
    try {
      mod = (await import(pathToFileURL(file).href)) as { default?: unknown; formats?: unknown }
    } catch (err) {
      errors.push(`${file}: cannot load: ${message(err)}`)
      continue
    }
    const exported = mod.default ?? mod.formats
    if (exported === undefined) {
      errors.push(`${file}: exports no CSV format (expected a default export or "formats")`)
      continue
    }
    const list: unknown[] = Array.isArray(exported) ? exported : [exported]
    const problems = list.map(formatShapeProblem).map((p, k) => (p === undefined ? undefined : list.length > 1 ? `#${k + 1}: ${p}` : p)).filter((p) => p !== undefined)
    if (problems.length > 0) {
      errors.push(`${file}: not a CSV format (name, fieldset, convert): ${problems.join('; ')}`)
      continue
    }
    formats.push(...(list as CsvFormat[]))
  }
  return { formats, errors }
}
