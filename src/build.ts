/**
 * Factories for generated nodes: what transforms and importers use to add to
 * a tree. Generated nodes have no `span` and no raws beyond what their type
 * requires, so the printer renders them in the journal's house style.
 *
 * @example
 * ```ts
 * const t = transaction({ date: '2024-03-01', description: 'Coffee', postings: [
 *   posting('Expenses:Coffee', amount('3.50', '$')),
 *   posting('Assets:Cash'),
 * ] })
 * journal.children.push(t)
 * print(journal) // the new entry uses the journal's date style, indent and alignment
 * ```
 */
import { Decimal } from 'decimal.js'
import type {
  Amount, Blank, Comment, Cost, DirectiveName, Directive, Posting, PostingKind, Status, Transaction, TransactionLine,
} from './ast.js'

/** An amount; `quantity` as a Decimal or a decimal string (never a float). */
export function amount(quantity: Decimal | string, commodity = '', options: { side?: 'left' | 'right'; quoted?: boolean } = {}): Amount {
  const q = typeof quantity === 'string' ? new Decimal(quantity) : quantity
  return {
    type: 'amount',
    quantity: q,
    commodity,
    side: options.side ?? (commodity.length === 1 && !/\p{L}/u.test(commodity) ? 'left' : 'right'),
    quoted: options.quoted ?? false,
    raws: {},
  }
}

/** A cost: `@ unit` or `@@ total`. */
export function cost(value: Amount, per: 'unit' | 'total' = 'unit'): Cost {
  return { type: 'cost', per, virtual: false, fixated: false, amount: value, raws: {} }
}

/** A comment; as a line when placed in a body or the journal, as an end-of-line comment otherwise. */
export function comment(text: string, marker: Comment['marker'] = ';'): Comment {
  return { type: 'comment', marker, text: text === '' || /^\s/.test(text) ? text : ` ${text}`, raws: {} }
}

/** A posting; omit `value` to leave the amount to be inferred. */
export function posting(account: string, value?: Amount, options: { kind?: PostingKind; status?: Status; cost?: Cost; comment?: Comment } = {}): Posting {
  const node: Posting = { type: 'posting', status: options.status ?? '', account, kind: options.kind ?? 'real', raws: {} }
  if (value) node.amount = value
  if (options.cost) node.cost = options.cost
  if (options.comment) node.comment = options.comment
  return node
}

/** A transaction. `date` is `YYYY-MM-DD`. */
export function transaction(fields: {
  date: string
  description: string
  postings: TransactionLine[]
  status?: Status
  code?: string
  auxDate?: string
  comment?: Comment
}): Transaction {
  const node: Transaction = {
    type: 'transaction', date: fields.date, status: fields.status ?? '', description: fields.description,
    children: fields.postings, raws: {},
  }
  if (fields.code !== undefined) node.code = fields.code
  if (fields.auxDate !== undefined) node.auxDate = fields.auxDate
  if (fields.comment) node.comment = fields.comment
  return node
}

/** An empty line. */
export function blank(): Blank {
  return { type: 'blank', raws: { text: '' } }
}

/** A directive line with its argument text. */
export function directive(name: DirectiveName, args: string, keyword: string = name): Directive {
  return { type: 'directive', name, prefix: '', keyword, args, children: [], raws: {} }
}
