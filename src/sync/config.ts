/**
 * Where `ptabridge sync` finds its accounts: ofxclient.ini files (as
 * ledger-autosync reads them: one section per account, `description` is the
 * journal account) and ptabridge's own `sync.json`
 * (`$XDG_CONFIG_HOME/ptabridge/sync.json`, or `--config`), which lists
 * institutions with their accounts. A file holding a password in plain text
 * must not be readable by anyone but its owner.
 */
import { existsSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'

/** Where a password comes from. Plain text only from a file only its owner can read. */
export type SecretSource = { env: string } | { command: string } | { prompt: true } | { plain: string }

/** An institution's OFX server and sign-on details. */
export interface Institution {
  name: string
  url: string
  org: string
  fid: string
  username: string
  password: SecretSource
  /** 102, 103 (SGML) or 200, 202, 211, 220 (XML). */
  ofxVersion: number
  appId: string
  appVersion: string
  clientUid?: string
}

/** One account to sync. */
export interface SyncAccount {
  /** The journal account (ofxclient's `description`). */
  journalAccount: string
  kind: 'bank' | 'creditcard' | 'investment'
  /** ACCTID. */
  number: string
  /** BANKID (routing number) for bank accounts. */
  bankId?: string
  /** CHECKING, SAVINGS, MONEYMRKT, CREDITLINE. */
  accountType?: string
  /** BROKERID for investment accounts. */
  brokerId?: string
  institution: Institution
}

/** A configuration problem, with the file it is in. */
export class SyncConfigError extends Error {
  constructor(readonly file: string, message: string) {
    super(`${file}: ${message}`)
    this.name = 'SyncConfigError'
  }
}

/** Refuse a file holding a plain-text secret when its group or others can read it. */
function checkPrivate(file: string): void {
  const mode = statSync(file).mode & 0o777
  if (mode & 0o077) {
    throw new SyncConfigError(file, `holds a password in plain text but others can read it (mode ${mode.toString(8)}); run chmod 600 ${file}, or better, give the password with password_env / password_command`)
  }
}

/** Parse INI text: `[section]` headers, `key = value` lines, `;`/`#` comments. */
export function parseIni(text: string): Map<string, Map<string, string>> {
  const sections = new Map<string, Map<string, string>>()
  let current: Map<string, string> | undefined
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim()
    if (line === '' || line.startsWith(';') || line.startsWith('#')) continue
    const header = /^\[(.+)\]$/.exec(line)
    if (header) {
      current = new Map()
      sections.set((header[1] as string).trim(), current)
      continue
    }
    const kv = /^([^=:]+?)\s*[=:]\s*(.*)$/.exec(line)
    if (kv && current) current.set((kv[1] as string).trim(), (kv[2] as string).trim())
  }
  return sections
}

/** The accounts of an ofxclient.ini file. */
export function readOfxclientIni(file: string): SyncAccount[] {
  const sections = parseIni(readFileSync(file, 'utf8'))
  const out: SyncAccount[] = []
  let plain = false
  for (const [name, s] of sections) {
    const get = (k: string): string | undefined => s.get(k)
    const url = get('institution.url')
    const number = get('number')
    if (!url || !number) continue
    const password: SecretSource = get('institution.password_env') ? { env: get('institution.password_env') as string }
      : get('institution.password_command') ? { command: get('institution.password_command') as string }
        : get('institution.password') && get('institution.password') !== '{{keyring}}' ? { plain: get('institution.password') as string }
          : { prompt: true }
    if ('plain' in password) plain = true
    const version = Number(get('institution.client_args.ofx_version') ?? '102')
    out.push({
      journalAccount: get('description') ?? name,
      kind: get('routing_number') ? 'bank' : get('broker_id') ? 'investment' : 'creditcard',
      number,
      ...(get('routing_number') ? { bankId: get('routing_number') as string } : {}),
      ...(get('account_type') ? { accountType: get('account_type') as string } : {}),
      ...(get('broker_id') ? { brokerId: get('broker_id') as string } : {}),
      institution: {
        name: get('institution.description') ?? get('institution.org') ?? name,
        url,
        org: get('institution.org') ?? '',
        fid: get('institution.id') ?? '',
        username: get('institution.username') ?? '',
        password,
        ofxVersion: Number.isFinite(version) ? version : 102,
        appId: get('institution.client_args.app_id') ?? 'QWIN',
        appVersion: get('institution.client_args.app_version') ?? '2700',
        ...(get('institution.client_args.id') ? { clientUid: get('institution.client_args.id') as string } : {}),
      },
    })
  }
  if (plain) checkPrivate(file)
  return out
}

interface JsonAccount { type?: string; number?: string; bankId?: string; accountType?: string; brokerId?: string; account?: string }
interface JsonInstitution {
  name?: string; url?: string; org?: string; fid?: string; username?: string
  password?: string | { env?: string; command?: string; prompt?: boolean }
  ofxVersion?: number; appId?: string; appVersion?: string; clientUid?: string
  accounts?: JsonAccount[]
}

/** The accounts of ptabridge's own sync.json. */
export function readSyncJson(file: string): SyncAccount[] {
  let data: { institutions?: JsonInstitution[] }
  try {
    data = JSON.parse(readFileSync(file, 'utf8')) as { institutions?: JsonInstitution[] }
  } catch (err) {
    throw new SyncConfigError(file, `not valid JSON: ${(err as Error).message}`)
  }
  const out: SyncAccount[] = []
  let plain = false
  for (const [i, inst] of (data.institutions ?? []).entries()) {
    const where = `institutions[${i}]`
    for (const key of ['url', 'org', 'fid', 'username'] as const) if (typeof inst[key] !== 'string') throw new SyncConfigError(file, `${where}.${key} is missing`)
    const p = inst.password
    const password: SecretSource = typeof p === 'string' ? { plain: p } : p?.env ? { env: p.env } : p?.command ? { command: p.command } : { prompt: true }
    if ('plain' in password) plain = true
    const institution: Institution = {
      name: inst.name ?? inst.org as string, url: inst.url as string, org: inst.org as string, fid: inst.fid as string, username: inst.username as string, password,
      ofxVersion: inst.ofxVersion ?? 102, appId: inst.appId ?? 'QWIN', appVersion: inst.appVersion ?? '2700', ...(inst.clientUid ? { clientUid: inst.clientUid } : {}),
    }
    for (const [k, a] of (inst.accounts ?? []).entries()) {
      const kind = a.type === 'creditcard' || a.type === 'investment' ? a.type : 'bank'
      if (!a.number || !a.account) throw new SyncConfigError(file, `${where}.accounts[${k}] needs number and account`)
      if (kind === 'bank' && !a.bankId) throw new SyncConfigError(file, `${where}.accounts[${k}] is a bank account and needs bankId`)
      if (kind === 'investment' && !a.brokerId) throw new SyncConfigError(file, `${where}.accounts[${k}] is an investment account and needs brokerId`)
      out.push({
        journalAccount: a.account, kind, number: a.number,
        ...(a.bankId ? { bankId: a.bankId } : {}), ...(a.accountType ? { accountType: a.accountType } : {}), ...(a.brokerId ? { brokerId: a.brokerId } : {}),
        institution,
      })
    }
  }
  if (plain) checkPrivate(file)
  return out
}

/** The default config locations: ptabridge's sync.json, then ofxclient.ini in the XDG config dir, then in the home dir. */
export function defaultConfigFiles(env: Record<string, string | undefined>): { syncJson: string; ofxclient: string[] } {
  const home = env.HOME ?? ''
  const xdg = env.XDG_CONFIG_HOME && env.XDG_CONFIG_HOME.startsWith('/') ? env.XDG_CONFIG_HOME : join(home, '.config')
  return { syncJson: join(xdg, 'ptabridge', 'sync.json'), ofxclient: [join(xdg, 'ofxclient.ini'), join(home, 'ofxclient.ini')] }
}

/** Every configured account: sync.json (or `--config`) and ofxclient.ini (or `--ofxclient`). */
export function loadSyncAccounts(options: { env: Record<string, string | undefined>; config?: string; ofxclient?: string }): SyncAccount[] {
  const defaults = defaultConfigFiles(options.env)
  const out: SyncAccount[] = []
  const json = options.config ?? defaults.syncJson
  if (options.config !== undefined && !existsSync(json)) throw new SyncConfigError(json, 'no such file')
  if (existsSync(json)) out.push(...readSyncJson(json))
  const ini = options.ofxclient ?? defaults.ofxclient.find((f) => existsSync(f))
  if (options.ofxclient !== undefined && !existsSync(options.ofxclient)) throw new SyncConfigError(options.ofxclient, 'no such file')
  if (ini !== undefined) out.push(...readOfxclientIni(ini))
  return out
}
