/**
 * A local OFX server for the sync tests, on 127.0.0.1 and a free port. It
 * checks each request (content type, user id and password, the account, the
 * date range) and answers by the path: `/ok` a statement with the
 * transactions dated on or after DTSTART, `/badpass` a sign-on error,
 * `/error` HTTP 500, `/slow` no answer for 3 s, `/malformed` garbage,
 * `/flaky` HTTP 500 once, then `/ok`.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

/** A transaction the server knows. */
export interface ServerTransaction {
  account: string
  date: string
  amount: string
  fitid: string
  name: string
}

/** A request the server received. */
export interface ReceivedRequest {
  path: string
  contentType: string
  body: string
  userId?: string
  password?: string
  account?: string
  start?: string
  xml: boolean
}

/** The running server. */
export interface OfxTestServer {
  url: string
  requests: ReceivedRequest[]
  close(): Promise<void>
}

const field = (body: string, name: string): string | undefined => new RegExp(`<${name}>([^<\\r\\n]*)`).exec(body)?.[1]?.trim()

function statement(account: string, kind: 'bank' | 'creditcard', transactions: ServerTransaction[], start: string, balance: string): string {
  const txns = transactions.filter((t) => t.account === account && t.date >= start)
    .map((t) => `<STMTTRN><TRNTYPE>${t.amount.startsWith('-') ? 'DEBIT' : 'CREDIT'}<DTPOSTED>${t.date}120000<TRNAMT>${t.amount}<FITID>${t.fitid}<NAME>${t.name}</STMTTRN>`).join('\n')
  const list = `<BANKTRANLIST><DTSTART>${start}<DTEND>20240331\n${txns}\n</BANKTRANLIST><LEDGERBAL><BALAMT>${balance}<DTASOF>20240331</LEDGERBAL>`
  return kind === 'bank'
    ? `<BANKMSGSRSV1><STMTTRNRS><TRNUID>1<STATUS><CODE>0<SEVERITY>INFO</STATUS><STMTRS><CURDEF>USD<BANKACCTFROM><BANKID>999<ACCTID>${account}<ACCTTYPE>CHECKING</BANKACCTFROM>${list}</STMTRS></STMTTRNRS></BANKMSGSRSV1>`
    : `<CCMSGSRSV1><CCSTMTTRNRS><TRNUID>1<STATUS><CODE>0<SEVERITY>INFO</STATUS><CCSTMTRS><CURDEF>USD<CCACCTFROM><ACCTID>${account}</CCACCTFROM>${list}</CCSTMTRS></CCSTMTTRNRS></CCMSGSRSV1>`
}

const HEADER = 'OFXHEADER:100\nDATA:OFXSGML\nVERSION:102\nSECURITY:NONE\nENCODING:USASCII\nCHARSET:1252\nCOMPRESSION:NONE\nOLDFILEUID:NONE\nNEWFILEUID:NONE\n\n'

function signon(code: string, severity: string, message = ''): string {
  return `<SIGNONMSGSRSV1><SONRS><STATUS><CODE>${code}<SEVERITY>${severity}${message ? `<MESSAGE>${message}` : ''}</STATUS><DTSERVER>20240331120000<LANGUAGE>ENG<FI><ORG>TESTBANK<FID>4321</FI></SONRS></SIGNONMSGSRSV1>`
}

function read(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
  })
}

/** Start the server with the bank's transactions and the password it accepts. */
export async function startOfxServer(transactions: ServerTransaction[], options: { user: string; password: string; balances: Record<string, string> }): Promise<OfxTestServer> {
  const requests: ReceivedRequest[] = []
  let flakyFailed = false
  const server: Server = createServer((req, res) => {
    void read(req).then((body) => {
      const path = req.url ?? '/'
      const received: ReceivedRequest = { path, contentType: String(req.headers['content-type'] ?? ''), body, xml: body.startsWith('<?xml') }
      for (const [k, name] of [['userId', 'USERID'], ['password', 'USERPASS'], ['account', 'ACCTID'], ['start', 'DTSTART']] as const) {
        const v = field(body, name)
        if (v !== undefined) received[k] = k === 'start' ? v.slice(0, 8) : v
      }
      requests.push(received)
      const reply = (status: number, text: string): void => {
        res.writeHead(status, { 'Content-Type': 'application/x-ofx' })
        res.end(text)
      }
      if (req.method !== 'POST' || received.contentType !== 'application/x-ofx') return reply(400, 'bad request')
      if (path === '/error' || (path === '/flaky' && !flakyFailed)) {
        flakyFailed = true
        return reply(500, 'internal error')
      }
      if (path === '/slow') {
        setTimeout(() => reply(200, 'late'), 3000)
        return
      }
      if (path === '/malformed') return reply(200, 'OFXHEADER:100\n\n<OFX><SIGNONMSGSRSV1><SONRS><STATUS><CODE>0')
      if (path === '/badpass' || received.userId !== options.user || received.password !== options.password) {
        return reply(200, `${HEADER}<OFX>${signon('15500', 'ERROR', 'Invalid user ID or password')}</OFX>`)
      }
      const account = received.account ?? ''
      const kind = /<CCSTMTRQ>/.test(body) ? 'creditcard' : 'bank'
      return reply(200, `${HEADER}<OFX>${signon('0', 'INFO')}${statement(account, kind, transactions, received.start ?? '19700101', options.balances[account] ?? '0')}</OFX>`)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections()
      server.close(() => resolve())
    }),
  }
}
