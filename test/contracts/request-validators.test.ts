import { deepStrictEqual } from 'node:assert'
import fc from 'fast-check'
import t from 'tap'
import { PARAMETERS } from '../../contracts/parameters.js'
import { REQUEST_CONTRACTS } from '../../contracts/request-schemas.js'
import { validateRequest } from '../../contracts/request-validators.js'
import { validateContract } from '../../contracts/validator.js'

const parameterValue = fc.oneof(
  fc.constantFrom('2.0', '1.0', '', 'on', 'OFF', 'maybe', '1087592', '108759', '03/10/2026', '3/10/2026',
    'America/New_York', 'Mars Base', 'demo@example.com', 'a'.repeat(300), '0123456789abcdef0123456789abcdef01234567',
    'x|y', 'ü'),
  fc.string({ maxLength: 20 }),
)
const parameterName = fc.constantFrom(...Object.keys(PARAMETERS), 'unknown')
const params = fc.dictionary(parameterName, fc.oneof(
  { weight: 4, arbitrary: parameterValue },
  { weight: 1, arbitrary: fc.array(parameterValue, { minLength: 2, maxLength: 3 }) },
))

t.test('each compiled validator finds exactly the violations the ajv compiler finds', async (t) => {
  for (const { $id: schemaId } of REQUEST_CONTRACTS) {
    let cases = 0
    fc.assert(fc.property(params, (value) => {
      cases++
      deepStrictEqual(validateRequest(schemaId, value), validateContract(schemaId, value))
    }), { numRuns: 300, seed: 5 })
    t.equal(cases, 300, `${schemaId}: the same violations for ${cases} parameter sets`)
  }
})
