/**
 * Deterministic random mutations of journal text, for fuzzing the parser:
 * delete, duplicate or swap characters, and delete, duplicate or swap lines.
 */

/** A small, fast, seedable PRNG (mulberry32). */
export function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const KINDS = ['delete-char', 'duplicate-char', 'swap-chars', 'delete-line', 'duplicate-line', 'swap-lines', 'insert-char'] as const
/** The kinds of mutation. */
export type MutationKind = (typeof KINDS)[number]

const INTERESTING = ' \t\n\r;#*%|@=(){}[]<>"-+.,:$0123456789~!'

/** Apply 1-3 random mutations to `text`. */
export function mutate(text: string, random: () => number): { text: string; kinds: MutationKind[] } {
  let out = text
  const kinds: MutationKind[] = []
  const n = 1 + Math.floor(random() * 3)
  for (let k = 0; k < n; k++) {
    const kind = KINDS[Math.floor(random() * KINDS.length)] as MutationKind
    kinds.push(kind)
    const at = Math.floor(random() * Math.max(1, out.length))
    const lines = out.split('\n')
    const li = Math.floor(random() * lines.length)
    const lj = Math.floor(random() * lines.length)
    switch (kind) {
      case 'delete-char': out = out.slice(0, at) + out.slice(at + 1); break
      case 'duplicate-char': out = out.slice(0, at + 1) + out.slice(at); break
      case 'swap-chars': out = out.slice(0, at) + out.charAt(at + 1) + out.charAt(at) + out.slice(at + 2); break
      case 'insert-char': out = out.slice(0, at) + INTERESTING.charAt(Math.floor(random() * INTERESTING.length)) + out.slice(at); break
      case 'delete-line': lines.splice(li, 1); out = lines.join('\n'); break
      case 'duplicate-line': lines.splice(li, 0, lines[li] ?? ''); out = lines.join('\n'); break
      case 'swap-lines': { const t = lines[li] ?? ''; lines[li] = lines[lj] ?? ''; lines[lj] = t; out = lines.join('\n'); break }
    }
  }
  return { text: out, kinds }
}
