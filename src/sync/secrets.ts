/**
 * Getting a password when it is needed, never storing it: from an
 * environment variable, from a command's output (`pass show bank`), from a
 * prompt on the terminal, or from a private config file. Secrets are kept out
 * of every message: {@link redact} replaces them.
 */
import { execFileSync } from 'node:child_process'
import type { SecretSource } from './config.js'

/** A secret could not be obtained. The message never contains it. */
export class SecretError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'SecretError'
  }
}

/** Ask for a password (no echo); undefined when no terminal is available. */
export type PasswordPrompt = (question: string) => Promise<string | undefined>

/** The password for `source`. */
export async function resolveSecret(source: SecretSource, what: string, env: Record<string, string | undefined>, prompt?: PasswordPrompt): Promise<string> {
  if ('plain' in source) return source.plain
  if ('env' in source) {
    const value = env[source.env]
    if (value === undefined || value === '') throw new SecretError(`${what}: the environment variable ${source.env} is not set`)
    return value
  }
  if ('command' in source) {
    try {
      const out = execFileSync('sh', ['-c', source.command], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], env: env as NodeJS.ProcessEnv, timeout: 60_000 })
      const first = out.split(/\r?\n/)[0] ?? ''
      if (first === '') throw new SecretError(`${what}: the password command printed nothing`)
      return first
    } catch (err) {
      if (err instanceof SecretError) throw err
      throw new SecretError(`${what}: the password command failed (${source.command.split(/\s+/)[0] ?? ''})`)
    }
  }
  const answer = prompt ? await prompt(`Password for ${what}: `) : undefined
  if (answer === undefined) throw new SecretError(`${what}: no password source (password_env, password_command) and no terminal to ask on`)
  return answer
}

/** `text` with every occurrence of each secret replaced by `***`. */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text
  for (const s of secrets) if (s.length >= 1) out = out.split(s).join('***')
  return out
}
