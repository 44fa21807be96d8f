/**
 * Structural comparison of two parse results, strict enough to prove the
 * fast lane builds the grammar's nodes: same keys in the same order (keys
 * holding `undefined` included), same primitive values, equal decimals.
 */
import { Decimal } from 'decimal.js'

/** The path and values of the first difference between `a` and `b`, or undefined when they are the same. */
export function firstDifference(a: unknown, b: unknown, path = '$'): string | undefined {
  if (a === b) return undefined
  if (a instanceof Decimal || b instanceof Decimal) {
    return a instanceof Decimal && b instanceof Decimal && a.equals(b) && a.toString() === b.toString() ? undefined : `${path}: ${String(a)} vs ${String(b)}`
  }
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return `${path}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`
  if (Array.isArray(a) !== Array.isArray(b)) return `${path}: an array and an object`
  const ka = Object.keys(a)
  const kb = Object.keys(b)
  if (ka.length !== kb.length || ka.some((k, i) => k !== kb[i])) return `${path}: keys [${ka.join(',')}] vs [${kb.join(',')}]`
  for (const k of ka) {
    const d = firstDifference((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`)
    if (d) return d
  }
  return undefined
}
