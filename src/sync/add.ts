/**
 * `ptabridge sync --add`: ask for an institution and its accounts and add
 * them to sync.json (created with mode 600; written atomically). The
 * password is never asked for or stored: the user names an environment
 * variable or a command that prints it, or chooses to be prompted at sync
 * time.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { writeFileAtomic } from '../cli/io.js'

/** Ask one question; undefined at the end of the input. */
export type Ask = (question: string) => Promise<string | undefined>

/** Run the dialogue and write the file; a one-line summary. */
export async function addInstitution(file: string, ask: Ask, say: (text: string) => void): Promise<string> {
  const need = async (question: string, fallback?: string): Promise<string> => {
    for (;;) {
      const a = (await ask(`${question}${fallback !== undefined ? ` [${fallback}]` : ''}: `))?.trim()
      if (a === undefined) throw new Error('input ended before the institution was complete; nothing was written')
      if (a !== '') return a
      if (fallback !== undefined) return fallback
      say('  (an answer is needed)\n')
    }
  }
  const name = await need('Institution name')
  const url = await need('OFX server URL')
  if (!/^https?:\/\//.test(url)) throw new Error(`${url} is not an http(s) URL; nothing was written`)
  const org = await need('ORG')
  const fid = await need('FID')
  const username = await need('User id')
  const source = await need('Password from: env VARIABLE, command COMMAND, or prompt', 'prompt')
  const password = source.startsWith('env ') ? { env: source.slice(4).trim() } : source.startsWith('command ') ? { command: source.slice(8).trim() } : { prompt: true }
  const ofxVersion = Number(await need('OFX version (102, 103, 200, 211, 220)', '102'))
  const accounts: Array<Record<string, string>> = []
  for (;;) {
    const type = await need('Account type: bank, creditcard or investment', 'bank')
    const number = await need('Account number (ACCTID)')
    const account: Record<string, string> = { type, number }
    if (type === 'bank') {
      account.bankId = await need('Bank id (routing number)')
      account.accountType = await need('Bank account type (CHECKING, SAVINGS, MONEYMRKT, CREDITLINE)', 'CHECKING')
    }
    if (type === 'investment') account.brokerId = await need('Broker id')
    account.account = await need('Journal account (e.g. Assets:Checking)')
    accounts.push(account)
    const more = (await ask('Another account? [y/N]: '))?.trim().toLowerCase()
    if (more !== 'y' && more !== 'yes') break
  }
  const existing = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { institutions?: unknown[] }) : {}
  const institutions = [...(existing.institutions ?? []), { name, url, org, fid, username, password, ofxVersion: Number.isFinite(ofxVersion) ? ofxVersion : 102, appId: 'QWIN', appVersion: '2700', accounts }]
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 })
  writeFileAtomic(file, JSON.stringify({ ...existing, institutions }, null, 2) + '\n', 0o600)
  return `added ${name} with ${accounts.length} account${accounts.length === 1 ? '' : 's'} to ${file}`
}
