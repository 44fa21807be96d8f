/**
 * `syncAccount()`: download one account's recent transactions and keep
 * what the journal lacks, walking back as ledger-autosync does: start with 7
 * days (or the whole `--max` window with `--resync`, or when it is under 7),
 * double the window until a downloaded transaction is already in the
 * journal or the window reaches `--max`. (ledger-autosync also stops when a
 * wider window brings no more transactions, which misses older ones after a
 * quiet week; ptabridge does not.)
 */
import type { Dialect } from '../ast.js'
import { importFile, type ImportOptions, type ImportResult } from '../import/import.js'
import type { JournalIndex } from '../import/journal-index.js'
import type { PredictionQuery } from '../predict/predictor.js'
import { postOfx, type PostOptions } from './client.js'
import type { SyncAccount } from './config.js'
import { statementRequest } from './request.js'

/** Options for {@link syncAccount}. */
export interface SyncOptions extends PostOptions {
  target: Dialect
  password: string
  index?: JournalIndex
  predict?: (q: PredictionQuery) => string | undefined
  /** Largest look-back window in days (default 90). */
  maxDays?: number
  resync?: boolean
  assertions?: boolean
  unknownAccount?: string
  dateFormat?: string
  /** Today (tests). */
  now?: Date
}

/** What one account's sync found, and the windows it downloaded. */
export interface SyncResult {
  account: SyncAccount
  result?: ImportResult
  windows: number[]
}

/** Sync one account. Throws OfxClientError for download failures. */
export async function syncAccount(account: SyncAccount, options: SyncOptions): Promise<SyncResult> {
  const max = options.maxDays ?? 90
  const now = options.now ?? new Date()
  let days = options.resync || max < 7 ? max : 7
  const windows: number[] = []
  for (;;) {
    windows.push(days)
    const start = new Date(now.getTime() - days * 86_400_000)
    const request = statementRequest(account, { password: options.password, start, end: now, now })
    const { bytes, document } = await postOfx(account.institution.url, request.body, request.contentType, options)
    const statement = document.statements.find((s) => s.accountId === account.number)
    if (!statement) {
      if (days >= max) return { account, windows }
      days = Math.min(max, days * 2)
      continue
    }
    const importOptions: ImportOptions = {
      target: options.target,
      accounts: [`${account.number}=${account.journalAccount}`],
      format: 'ofx',
      ...(options.index ? { index: options.index } : {}),
      ...(options.predict ? { predict: options.predict } : {}),
      ...(options.assertions ? { assertions: true } : {}),
      ...(options.unknownAccount !== undefined ? { unknownAccount: options.unknownAccount } : {}),
      ...(options.dateFormat !== undefined ? { dateFormat: options.dateFormat } : {}),
      ...(!account.institution.fid ? {} : { fid: account.institution.fid }),
    }
    // only this account's statement matters even if the bank sent more
    importOptions.onlyAccountIds = [account.number]
    const result = importFile(bytes, `${account.journalAccount}.ofx`, importOptions)
    if (result.counts.known > 0 || days >= max) return { account, result, windows }
    days = Math.min(max, days * 2)
  }
}
