import { readFileSync, writeFileSync } from 'node:fs'
import t from 'tap'
import { contractTypesSource, GENERATED_TYPES } from '../../contracts/generate/contract-types.js'
import {
  fixtureTypesSource, fixturesSchemaJson, GENERATED_FIXTURE_TYPES, GENERATED_FIXTURES_SCHEMA,
} from '../../contracts/generate/fixture-schema.js'
import { GENERATED_VALIDATORS, requestValidatorSource } from '../../contracts/generate/request-validators.js'
import { CONTRACTS_README, withGeneratedTables } from '../../contracts/generate/readme-tables.js'

// Imports only the generators, never what they generate, so that `npm run contracts:compile`
// (this file with WEBCAST_WRITE_GENERATED=1) runs whatever state the generated files are in.

t.test('the compiled request validators are what the request schemas compile to today', async (t) => {
  const expected = requestValidatorSource()
  if (process.env.WEBCAST_WRITE_GENERATED === '1') writeFileSync(GENERATED_VALIDATORS, expected)
  t.equal(readFileSync(GENERATED_VALIDATORS, 'utf8'), expected,
    'contracts/request-validators.generated.ts is out of date: run `npm run contracts:compile`')
})

t.test('the contract types are what the schemas compile to today', async (t) => {
  const expected = await contractTypesSource()
  if (process.env.WEBCAST_WRITE_GENERATED === '1') writeFileSync(GENERATED_TYPES, expected)
  t.equal(readFileSync(GENERATED_TYPES, 'utf8'), expected,
    'contracts/contract-types.generated.ts is out of date: run `npm run contracts:compile`')
})

t.test('the tables in contracts/README.md are what the registries say today', async (t) => {
  const readme = readFileSync(CONTRACTS_README, 'utf8')
  const expected = withGeneratedTables(readme)
  if (process.env.WEBCAST_WRITE_GENERATED === '1') writeFileSync(CONTRACTS_README, expected)
  t.equal(readme, expected, 'contracts/README.md is out of date: run `npm run contracts:compile`')
})

t.test('the fixture schema file and its types are what contracts/fixture-schema.ts says today', async (t) => {
  const schema = fixturesSchemaJson()
  const types = await fixtureTypesSource()
  if (process.env.WEBCAST_WRITE_GENERATED === '1') {
    writeFileSync(GENERATED_FIXTURES_SCHEMA, schema)
    writeFileSync(GENERATED_FIXTURE_TYPES, types)
  }
  t.equal(readFileSync(GENERATED_FIXTURES_SCHEMA, 'utf8'), schema,
    'contracts/fixtures.schema.json is out of date: run `npm run contracts:compile`')
  t.equal(readFileSync(GENERATED_FIXTURE_TYPES, 'utf8'), types,
    'contracts/fixture-types.generated.ts is out of date: run `npm run contracts:compile`')
})
