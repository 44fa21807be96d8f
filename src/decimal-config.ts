/**
 * decimal.js configuration, imported for its effect by every module that
 * reads or computes quantities.
 *
 * decimal.js rounds the results of `times`, `plus` and `dividedBy` to
 * `precision` significant digits, 20 by default: too few for money
 * (`-113.50 × 7.147224669603524229074889868` has 31). Products and sums of
 * journal amounts are exact at 200 digits; divisions, which may not end, are
 * cut there (the semantics layer divides with its own 60-digit constructor).
 */
import { Decimal } from 'decimal.js'

/** Significant digits of decimal.js results: exact for any journal product or sum. */
export const DECIMAL_DIGITS = 200

Decimal.set({ precision: DECIMAL_DIGITS })
