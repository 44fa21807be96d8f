/**
 * `lint --fix`: rerun only the transforms that reported the findings, on a
 * fresh parse, so that the journal works with the target tool; every other
 * line stays as it was.
 */
import type { Dialect } from '../ast.js'
import { convert, type ConvertResult } from '../convert/convert.js'
import { parseFile } from '../parse/files.js'
import { plan } from '../transform/index.js'
import type { Finding } from './engine.js'

/** Options for {@link fixJournal}. */
export interface FixOptions {
  /** The tool to fix the journal for (not its own dialect). */
  to: Dialect
  from?: Dialect
  text?: string
  today?: string
  /** `tree`: one output per file, names kept (for writing in place); `single`: one text. */
  layout: 'tree' | 'single'
}

/** Fix what the findings name; returns the conversion with only those transforms, and their names. */
export function fixJournal(path: string, findings: readonly Finding[], options: FixOptions): { result: ConvertResult; transforms: string[] } {
  const parsed = parseFile(path, { ...(options.from ? { dialect: options.from } : {}), ...(options.text !== undefined ? { text: options.text } : {}) })
  const wanted = new Set(findings.filter((f) => f.tool === options.to && f.fixedBy !== undefined).map((f) => f.fixedBy as string))
  const transforms = plan(parsed.root.dialect, options.to).filter((t) => wanted.has(t.name))
  const result = convert(parsed, {
    to: options.to,
    layout: options.layout,
    transforms,
    keepNames: options.layout === 'tree',
    ...(options.today !== undefined ? { today: options.today } : {}),
  })
  return { result, transforms: transforms.map((t) => t.name) }
}
