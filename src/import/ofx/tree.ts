/**
 * OFX element tree: builds `{ name, text?, children, position }` elements
 * from the tokens of {@link tokenize}, for SGML and XML alike.
 *
 * SGML (OFX 1.x) leaves have no end tag: `<TRNAMT>-34.51` ends at the next
 * tag. So an element that received text is a leaf, closed by the next start
 * tag or by an end tag; an element known to be a leaf (`<MEMO>` with nothing
 * after it) is closed the same way. Aggregates end at their `</NAME>`; when
 * an aggregate's end tag is missing, the enclosing element's end tag closes
 * it implicitly. An end tag that matches no open element, a file that ends
 * inside an open aggregate (truncated download) and nesting deeper than
 * {@link MAX_DEPTH} are errors.
 */
import type { SourcePosition } from '../model.js'
import { MAX_DEPTH, OfxError } from './tokenize.js'
import type { OfxToken } from './tokenize.js'

/** One OFX element. Leaves have `text` (trimmed, entities decoded); aggregates have `children`. */
export interface OfxElement {
  /** Upper-case element name. */
  name: string
  text?: string
  children: OfxElement[]
  /** Where its start tag is. */
  position: SourcePosition
}

/** Aggregates: text directly inside them is ignored rather than making them leaves. */
const AGGREGATES = new Set([
  'OFX', 'SIGNONMSGSRSV1', 'SONRS', 'STATUS', 'FI',
  'BANKMSGSRSV1', 'STMTTRNRS', 'STMTRS', 'BANKACCTFROM', 'BANKACCTTO', 'BANKTRANLIST', 'STMTTRN',
  'LEDGERBAL', 'AVAILBAL', 'BALLIST', 'BAL', 'PAYEE', 'CURRENCY', 'ORIGCURRENCY', 'CCACCTTO',
  'CCMSGSRSV1', 'CCSTMTTRNRS', 'CCSTMTRS', 'CCACCTFROM',
  'INVSTMTMSGSRSV1', 'INVSTMTTRNRS', 'INVSTMTRS', 'INVACCTFROM', 'INVTRANLIST', 'INVBANKTRAN',
  'BUYDEBT', 'BUYMF', 'BUYOPT', 'BUYOTHER', 'BUYSTOCK', 'CLOSUREOPT', 'INCOME', 'INVEXPENSE',
  'JRNLFUND', 'JRNLSEC', 'MARGININTEREST', 'REINVEST', 'RETOFCAP', 'SELLDEBT', 'SELLMF', 'SELLOPT',
  'SELLOTHER', 'SELLSTOCK', 'SPLIT', 'TRANSFER', 'INVBUY', 'INVSELL', 'INVTRAN', 'SECID',
  'INVPOSLIST', 'POSMF', 'POSSTOCK', 'POSOPT', 'POSDEBT', 'POSOTHER', 'INVPOS', 'INVBAL', 'INV401KBAL',
  'SECLISTMSGSRSV1', 'SECLIST', 'MFINFO', 'STOCKINFO', 'OPTINFO', 'DEBTINFO', 'OTHERINFO', 'SECINFO',
])

/** Leaves the reader uses: when one is empty (`<MEMO>` then a tag), the next tag still closes it. */
const LEAVES = new Set([
  'CODE', 'SEVERITY', 'MESSAGE', 'DTSERVER', 'LANGUAGE', 'DTPROFUP', 'ORG', 'FID', 'TRNUID',
  'CURDEF', 'BANKID', 'BRANCHID', 'ACCTID', 'ACCTTYPE', 'ACCTKEY', 'BROKERID', 'DTSTART', 'DTEND', 'DTASOF',
  'BALAMT', 'AVAILCASH', 'MARGINBALANCE', 'SHORTBALANCE', 'BUYPOWER',
  'TRNTYPE', 'DTPOSTED', 'DTUSER', 'DTAVAIL', 'TRNAMT', 'FITID', 'CORRECTFITID', 'CORRECTACTION',
  'SRVRTID', 'CHECKNUM', 'REFNUM', 'SIC', 'PAYEEID', 'NAME', 'EXTDNAME', 'MEMO', 'INV401KSOURCE',
  'CURRATE', 'CURSYM', 'DTTRADE', 'DTSETTLE', 'UNIQUEID', 'UNIQUEIDTYPE', 'UNITS', 'UNITPRICE',
  'MARKUP', 'MARKDOWN', 'COMMISSION', 'TAXES', 'FEES', 'LOAD', 'WITHHOLDING', 'TOTAL', 'SUBACCTSEC',
  'SUBACCTFUND', 'SUBACCTFROM', 'SUBACCTTO', 'INCOMETYPE', 'TFERACTION', 'POSTYPE', 'AVGCOSTBASIS',
  'OLDUNITS', 'NEWUNITS', 'NUMERATOR', 'DENOMINATOR', 'FRACCASH', 'OPTACTION', 'SHPERCTRCT',
  'BUYTYPE', 'SELLTYPE', 'OPTBUYTYPE', 'OPTSELLTYPE', 'HELDINACCT', 'MKTVAL', 'DTPRICEASOF',
  'SECNAME', 'TICKER', 'DESC', 'BALTYPE', 'VALUE', 'RATING', 'FIID', 'ACCRDINT', 'GAIN', 'SELLREASON',
])

/** An element that is, or is known to be, a leaf and has no children: the next tag closes it. */
function isOpenLeaf(el: OfxElement): boolean {
  return el.children.length === 0 && (el.text !== undefined || LEAVES.has(el.name))
}

/**
 * Build the element tree; returns the top-level elements (normally one, `OFX`).
 *
 * @throws {OfxError} for an end tag that closes nothing, an aggregate never
 *   closed before the end of the file, or nesting deeper than {@link MAX_DEPTH}.
 */
export function buildTree(tokens: Iterable<OfxToken>, file: string): OfxElement[] {
  const roots: OfxElement[] = []
  const stack: OfxElement[] = []
  const top = (): OfxElement | undefined => stack[stack.length - 1]

  for (const token of tokens) {
    if (token.kind === 'text') {
      const el = top()
      if (!el || el.children.length > 0 || AGGREGATES.has(el.name)) continue // text between aggregates
      const text = token.text.trim()
      el.text = el.text === undefined ? text : el.text + text
      continue
    }
    if (token.kind === 'start') {
      for (let el = top(); el && isOpenLeaf(el); el = top()) stack.pop()
      const parent = top()
      if (stack.length >= MAX_DEPTH) {
        throw new OfxError(file, token.position, `elements nested deeper than ${MAX_DEPTH} levels`,
          'real OFX nests about ten levels; the file is damaged or hostile')
      }
      const el: OfxElement = { name: token.name, children: [], position: token.position }
      if (parent) parent.children.push(el)
      else roots.push(el)
      if (!token.selfClosing) stack.push(el)
      continue
    }
    // End tag: close the innermost open element of that name and whatever is still open inside it.
    let k = stack.length - 1
    while (k >= 0 && stack[k]?.name !== token.name) k--
    if (k < 0) {
      const open = top()
      throw new OfxError(file, token.position,
        `end tag </${token.name}> closes nothing${open ? ` (the open element is <${open.name}>, line ${open.position.line})` : ''}`,
        `remove the stray </${token.name}> or add its start tag; the file is damaged`)
    }
    stack.length = k
  }

  while (stack.length > 0 && isOpenLeaf(stack[stack.length - 1] as OfxElement)) stack.pop()
  const unclosed = top()
  if (unclosed) {
    const path = stack.map((el) => el.name).join('/')
    throw new OfxError(file, unclosed.position,
      `<${unclosed.name}> is never closed: the file ends inside ${path}`,
      'the file looks truncated; download it again')
  }
  return roots
}
