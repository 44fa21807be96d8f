/**
 * plainDecimal builds exactly what `new Decimal(text)` builds (sign,
 * exponent and digit limbs) for plain digit strings, including leading and
 * trailing zeros, values below 1e-7 and long integers.
 */
import { Decimal } from 'decimal.js'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { plainDecimal } from '../src/plain-decimal.js'
import { prng } from './helpers/mutate.js'

function layout(d: Decimal): string {
  const x = d as unknown as { s: number; e: number; d: number[] }
  return `${x.s} ${x.e} [${x.d.join(',')}] ${d.toString()}`
}

test('the same limbs as decimal.js for fixed and random digit strings', () => {
  const cases = ['0', '00', '0.0', '000.000', '1', '10', '100', '1234567', '12345678', '0.5', '0.05', '0.000001', '0.0000001', '0.00000001',
    '12.34', '1234567.891', '123456789012.5', '9.99', '1000000', '10000000', '0.1234567891', '100.00', '007.50', '99999999999999999999.123456789']
  const random = prng(7)
  const digits = (n: number): string => Array.from({ length: n }, () => String(Math.floor(random() * 10))).join('')
  for (let i = 0; i < 20000; i++) {
    const int = digits(1 + Math.floor(random() * 16))
    cases.push(random() < 0.6 ? `${int}.${digits(1 + Math.floor(random() * 12))}` : int)
  }
  const differ = cases.filter((c) => layout(plainDecimal(c)) !== layout(new Decimal(c)))
  assert.equal(differ.slice(0, 5).map((c) => `${c}: ${layout(plainDecimal(c))} vs ${layout(new Decimal(c))}`), [])
})

test('the values are real Decimals: arithmetic and formatting work', () => {
  const a = plainDecimal('12.34')
  assert.ok(a instanceof Decimal)
  assert.is(a.plus(plainDecimal('0.66')).toString(), '13')
  assert.is(a.negated().toFixed(2), '-12.34')
  assert.is(plainDecimal('0.000').isZero(), true)
})

test.run()
