/**
 * Finding and probing the real `ledger` and `hledger` binaries.
 *
 * A binary comes from `--ledger-bin`/`--hledger-bin` (a path, or a name looked
 * up on PATH) or from PATH. It is probed once with `--version`; a binary that
 * is missing or does not answer is a {@link ToolMissingError}, whose message
 * says how to install it.
 */
import { accessSync, constants, statSync } from 'node:fs'
import { delimiter, isAbsolute, join, resolve } from 'node:path'
import { execa } from 'execa'

/** The two real tools verify runs. */
export type ToolName = 'ledger' | 'hledger'

/** A located, probed binary. */
export interface Tool {
  name: ToolName
  /** The absolute path that is run. */
  path: string
  /** The version it reports, e.g. `3.3.0-20230208` or `1.25`. */
  version: string
}

const INSTALL_HINTS: Record<ToolName, string> = {
  ledger: 'install it (Debian/Ubuntu: `sudo apt-get install ledger`; macOS: `brew install ledger`; others: https://ledger-cli.org/download.html) or give its path with --ledger-bin',
  hledger: 'install it (Debian/Ubuntu: `sudo apt-get install hledger`; macOS: `brew install hledger`; others: https://hledger.org/install.html) or give its path with --hledger-bin',
}

/** A tool that could not be found or did not answer `--version`. */
export class ToolMissingError extends Error {
  constructor(readonly tool: ToolName, detail: string) {
    super(`${tool} ${detail}; ${INSTALL_HINTS[tool]}`)
    this.name = 'ToolMissingError'
  }
}

function isExecutableFile(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false
    accessSync(path, constants.X_OK)
    return true
  } catch {
    return false
  }
}

/**
 * The absolute path of `command`: itself when it names a path (contains a
 * slash), else the first executable of that name on `searchPath`.
 */
export function locateBinary(command: string, searchPath: string | undefined, cwd: string): string | undefined {
  if (command.includes('/')) {
    const path = isAbsolute(command) ? command : resolve(cwd, command)
    return isExecutableFile(path) ? path : undefined
  }
  for (const dir of (searchPath ?? '').split(delimiter)) {
    if (!dir) continue
    const candidate = join(isAbsolute(dir) ? dir : resolve(cwd, dir), command)
    if (isExecutableFile(candidate)) return candidate
  }
  return undefined
}

const VERSION_PATTERNS: Record<ToolName, RegExp> = {
  ledger: /^Ledger\s+v?(\S+?),?\s/m,
  hledger: /^hledger\s+v?([0-9][^\s,]*)/m,
}

/** A binary found on disk, not yet asked for its version. */
export interface LocatedTool {
  name: ToolName
  path: string
}

/**
 * Find `name` (or the binary `explicit` names). Throws
 * {@link ToolMissingError} when it is not there.
 */
export function findTool(name: ToolName, options: { explicit?: string; env: Record<string, string | undefined>; cwd: string }): LocatedTool {
  const path = locateBinary(options.explicit ?? name, options.env.PATH, options.cwd)
  if (path === undefined) {
    throw new ToolMissingError(name, options.explicit !== undefined ? `binary ${options.explicit} was not found or is not executable` : 'was not found on PATH')
  }
  return { name, path }
}

/**
 * Ask a located binary for its version. Throws {@link ToolMissingError} when
 * it does not answer as that tool would.
 */
export async function probeVersion(located: LocatedTool, env: Record<string, string | undefined>): Promise<Tool> {
  const { name, path } = located
  const key = `${name}\u0000${path}`
  const known = probed.get(key)
  if (known) return known
  const result = await execa(path, ['--version'], { reject: false, stdin: 'ignore', timeout: 30_000, env: toolEnvironment(env), extendEnv: false })
  const match = VERSION_PATTERNS[name].exec(`${String(result.stdout)}\n`)
  if (result.exitCode !== 0 || !match?.[1]) {
    const said = String(result.stderr || result.stdout).trim().split('\n')[0] ?? ''
    throw new ToolMissingError(name, `at ${path} did not report its version${said ? ` (it said: ${said.slice(0, 120)})` : ''}`)
  }
  const tool = { name, path, version: match[1] }
  probed.set(key, tool)
  return tool
}

/** {@link findTool}, then {@link probeVersion}. */
export async function probeTool(name: ToolName, options: { explicit?: string; env: Record<string, string | undefined>; cwd: string }): Promise<Tool> {
  return probeVersion(findTool(name, options), options.env)
}

/** Tools already probed in this process, by name and path. */
const probed = new Map<string, Tool>()

/**
 * The environment the tools run in: the caller's, without the variables that
 * would make ledger read another journal, init file or price database, and
 * with a UTF-8 C locale so messages and numbers do not depend on the user's.
 */
export function toolEnvironment(env: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [key, value] of Object.entries(env)) {
    if (value === undefined || key === 'LEDGER_FILE' || key === 'LEDGER' || key === 'LEDGER_INIT' || key === 'LEDGER_PRICE_DB') continue
    out[key] = value
  }
  out.LANG = 'C.UTF-8'
  out.LC_ALL = 'C.UTF-8'
  out.TZ = 'UTC'
  return out
}
