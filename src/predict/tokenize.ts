/**
 * banks2ledger's description tokenizer: upper-case; eight-digit numbers
 * starting with 20 become `YYYYMMDD` and card-date suffixes `/YY-MM-DD`
 * become `YY-MM-DD`; split on `,`, `/` and spaces; text after `|` is ignored
 * (banks2ledger's convention for personal notes).
 */

/** The tokens of a description, as banks2ledger makes them. */
export function tokenize(description: string): string[] {
  const bar = description.indexOf('|')
  const text = (bar >= 0 ? description.slice(0, bar) : description).toUpperCase()
    .replace(/20\d{6}/g, 'YYYYMMDD')
    .replace(/\/\d{2}-\d{2}-\d{2}/g, '/YY-MM-DD')
  return text.split(/[,/ ]/).filter((t) => t !== '')
}

/**
 * A description reduced to what identifies the payee: tokens without digits
 * (reference numbers, store numbers, dates), punctuation trimmed.
 */
export function normalisedPayee(description: string): string {
  return tokenize(description)
    .map((t) => t.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter((t) => t !== '' && !/\d/.test(t) && t !== 'YYYYMMDD' && t !== 'YY-MM-DD')
    .join(' ')
}
