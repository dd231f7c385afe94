import { deepStrictEqual } from 'node:assert'
import { readFileSync, writeFileSync } from 'node:fs'
import fc from 'fast-check'
import t from 'tap'
import { validateRequest } from '../../contracts/request-validators.js'
import { validateContract } from '../../contracts/validator.js'
import { contractTypesSource, GENERATED_TYPES } from './contract-types-source.js'
import { EXPORT_NAMES, GENERATED_VALIDATORS, requestValidatorSource } from './request-validator-source.js'

t.test('the compiled request validators are what the request schemas compile to today', async (t) => {
  const expected = requestValidatorSource()
  if (process.env.WEBCAST_WRITE_GENERATED === '1') writeFileSync(GENERATED_VALIDATORS, expected)
  t.equal(readFileSync(GENERATED_VALIDATORS, 'utf8'), expected,
    'contracts/request-validators.generated.ts is out of date: run `npm run contracts:compile`')
})

const parameterValue = fc.oneof(
  fc.constantFrom('2.0', '1.0', '', 'on', 'OFF', 'maybe', '1087592', '108759', '03/10/2026', '3/10/2026', 'America/New_York', 'Mars Base',
    'demo@example.com', 'a'.repeat(300), '0123456789abcdef0123456789abcdef01234567', 'x|y', 'ü'),
  fc.string({ maxLength: 20 }),
)
const parameterName = fc.constantFrom('ver', 'username', 'password', 'si', 'ui', 'ei', 'tz', 'date_range_start', 'date_range_end',
  'dr_regs', 'dr_sessions', 'sti_filter', 'excl_domain', 'incl_domain', 'users_qa', 'user_survey', 'no_shows', 'live_viewers',
  'od_viewers', 'simlive_viewers', 'unknown')
const params = fc.dictionary(parameterName, fc.oneof({ weight: 4, arbitrary: parameterValue }, { weight: 1, arbitrary: fc.array(parameterValue, { minLength: 2, maxLength: 3 }) }))

t.test('each compiled validator finds exactly the violations the ajv compiler finds', async (t) => {
  for (const schemaId of Object.values(EXPORT_NAMES)) {
    let cases = 0
    fc.assert(fc.property(params, (value) => {
      cases++
      deepStrictEqual(validateRequest(schemaId, value), validateContract(schemaId, value))
    }), { numRuns: 300, seed: 5 })
    t.equal(cases, 300, `${schemaId}: the same violations for ${cases} parameter sets`)
  }
})

t.test('the contract types are what the schemas compile to today', async (t) => {
  const expected = await contractTypesSource()
  if (process.env.WEBCAST_WRITE_GENERATED === '1') writeFileSync(GENERATED_TYPES, expected)
  t.equal(readFileSync(GENERATED_TYPES, 'utf8'), expected,
    'contracts/contract-types.generated.ts is out of date: run `npm run contracts:compile`')
})
