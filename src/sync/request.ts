/**
 * OFX statement requests: a SIGNON plus one statement request for a bank
 * (BANKMSGSRQV1), credit-card (CCMSGSRQV1) or investment (INVSTMTMSGSRQV1)
 * account over a date range, as OFX 1.0.x SGML (version < 200) or OFX 2.x
 * XML. Values are escaped; nothing else is put in the request.
 */
import { randomUUID } from 'node:crypto'
import type { SyncAccount } from './config.js'

/** An OFX date-time `YYYYMMDDHHMMSS` (UTC). */
export function ofxDate(d: Date): string {
  return d.toISOString().replace(/[-:T]/g, '').slice(0, 14)
}

function escape(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

type Node = [string, string | Node[]]

function render(nodes: Node[], xml: boolean, indent = ''): string {
  return nodes.map(([name, value]) => {
    if (typeof value === 'string') return `${indent}<${name}>${escape(value)}${xml ? `</${name}>` : ''}\n`
    return `${indent}<${name}>\n${render(value, xml, indent + '  ')}${indent}</${name}>\n`
  }).join('')
}

/** Options for {@link statementRequest}. */
export interface RequestOptions {
  password: string
  start: Date
  end: Date
  /** For tests: fixed TRNUID and DTCLIENT. */
  now?: Date
  trnuid?: string
}

/** The OFX request body for one account's statement. */
export function statementRequest(account: SyncAccount, options: RequestOptions): { body: string; contentType: string } {
  const inst = account.institution
  const xml = inst.ofxVersion >= 200
  const now = options.now ?? new Date()
  const trnuid = options.trnuid ?? randomUUID()
  const signon: Node = ['SIGNONMSGSRQV1', [['SONRQ', [
    ['DTCLIENT', ofxDate(now)],
    ['USERID', inst.username],
    ['USERPASS', options.password],
    ['LANGUAGE', 'ENG'],
    ['FI', [['ORG', inst.org], ['FID', inst.fid]]],
    ['APPID', inst.appId],
    ['APPVER', inst.appVersion],
    ...(inst.clientUid ? [['CLIENTUID', inst.clientUid] as Node] : []),
  ]]]]
  const range: Node = ['INCTRAN', [['DTSTART', ofxDate(options.start)], ['DTEND', ofxDate(options.end)], ['INCLUDE', 'Y']]]
  let statement: Node
  if (account.kind === 'bank') {
    statement = ['BANKMSGSRQV1', [['STMTTRNRQ', [['TRNUID', trnuid], ['STMTRQ', [
      ['BANKACCTFROM', [['BANKID', account.bankId ?? ''], ['ACCTID', account.number], ['ACCTTYPE', account.accountType ?? 'CHECKING']]], range]]]]]]
  } else if (account.kind === 'creditcard') {
    statement = ['CCMSGSRQV1', [['CCSTMTTRNRQ', [['TRNUID', trnuid], ['CCSTMTRQ', [['CCACCTFROM', [['ACCTID', account.number]]], range]]]]]]
  } else {
    statement = ['INVSTMTMSGSRQV1', [['INVSTMTTRNRQ', [['TRNUID', trnuid], ['INVSTMTRQ', [
      ['INVACCTFROM', [['BROKERID', account.brokerId ?? ''], ['ACCTID', account.number]]], range, ['INCOO', 'N'],
      ['INCPOS', [['DTASOF', ofxDate(options.end)], ['INCLUDE', 'Y']]], ['INCBAL', 'Y']]]]]]]
  }
  const body = render([['OFX', [signon, statement]]], xml)
  if (xml) {
    const header = `<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n<?OFX OFXHEADER="200" VERSION="${inst.ofxVersion}" SECURITY="NONE" OLDFILEUID="NONE" NEWFILEUID="${trnuid.replace(/-/g, '')}"?>\n`
    return { body: header + body, contentType: 'application/x-ofx' }
  }
  const header = ['OFXHEADER:100', 'DATA:OFXSGML', `VERSION:${inst.ofxVersion}`, 'SECURITY:NONE', 'ENCODING:USASCII', 'CHARSET:1252', 'COMPRESSION:NONE', 'OLDFILEUID:NONE', `NEWFILEUID:${trnuid.replace(/-/g, '')}`, '', ''].join('\r\n')
  return { body: header + body.replace(/\n/g, '\r\n'), contentType: 'application/x-ofx' }
}
