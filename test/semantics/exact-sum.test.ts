/**
 * ExactSum equals decimal.js arithmetic on every path: small quantities,
 * mixed scales, values too long for the fast form, sums that overflow 2^53
 * units, and negative zero.
 */
import { Decimal } from 'decimal.js'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { ExactSum } from '../../src/semantics/exact-sum.js'
import { prng } from '../helpers/mutate.js'

const Exact = Decimal.clone({ precision: 1000 })

function check(values: string[]): void {
  const sum = new ExactSum()
  let expected = new Exact(0)
  for (const v of values) {
    sum.add(new Decimal(v))
    expected = expected.plus(v)
    assert.is(sum.value().toString(), new Decimal(expected).toString(), `after ${values.join(' + ')}`)
    assert.is(sum.isZero(), expected.isZero())
  }
  assert.is(sum.negatedValue().toString(), new Decimal(expected).negated().toString())
}

test('small quantities of mixed scales', () => {
  check(['1.5', '-0.25', '100', '0.001', '-101.251'])
  check(['12.34', '-12.34'])
  check(['-0', '0.00', '1e3', '2.5e-3'])
})

test('values beyond the fast form, and sums beyond 2^53 units, stay exact', () => {
  check(['9007199254740991', '1', '0.5'])
  check(['123456789012345678901234567890.123456789', '-0.000000000000000001'])
  check(['0.1234567890123456', '0.0000000000000001'])
  check(['1e20', '1e-20'])
})

test('random sums agree with decimal.js', () => {
  const random = prng(11)
  for (let round = 0; round < 300; round++) {
    const values: string[] = []
    for (let i = 0; i < 20; i++) {
      const digits = Math.floor(random() * 1e9) * (random() < 0.5 ? -1 : 1)
      const scale = Math.floor(random() * 8)
      values.push(new Decimal(digits).dividedBy(new Decimal(10).pow(scale)).toString())
    }
    check(values)
  }
})

test('subtract', () => {
  const s = new ExactSum().add(new Decimal('5.5')).subtract(new Decimal('0.5'))
  assert.is(s.value().toString(), '5')
})

test.run()
