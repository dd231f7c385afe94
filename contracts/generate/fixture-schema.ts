import { compile, type JSONSchema } from 'json-schema-to-typescript'
import { FIXTURES_SCHEMA } from '../fixture-schema.js'

/** The fixture schema as a file, for `$schema` in users' fixture files and for their editors. */
export const GENERATED_FIXTURES_SCHEMA = new URL('../fixtures.schema.json', import.meta.url)

/** The TypeScript types of a fixture file. */
export const GENERATED_FIXTURE_TYPES = new URL('../fixture-types.generated.ts', import.meta.url)

/**
 * The text of `contracts/fixtures.schema.json`: the schema of `contracts/fixture-schema.ts` as
 * JSON, two spaces, a final line break.
 */
export function fixturesSchemaJson (): string {
  return `${JSON.stringify(FIXTURES_SCHEMA, null, 2)}\n`
}

/**
 * The source of `contracts/fixture-types.generated.ts`: the types json-schema-to-typescript
 * compiles from the same schema, named for its `$defs` (`fixtureEvent` → `FixtureEvent`), the
 * file itself `FixtureFile` (the `$id` and `title` would name it otherwise). The `x-` keys, a
 * place for YAML anchors, are left out: as an index signature they would let any misspelt
 * property through the compiler, and a fixture written in code has no use for them.
 */
export async function fixtureTypesSource (): Promise<string> {
  const { title: _title, $id: _id, patternProperties: _anchors, ...untitled } = FIXTURES_SCHEMA
  const types = await compile(structuredClone(untitled) as unknown as JSONSchema, 'FixtureFile', {
    bannerComment: '',
    additionalProperties: false,
    strictIndexSignatures: true,
    style: { semi: false, singleQuote: true, printWidth: 120 },
  })
  return [
    '// Generated from contracts/fixture-schema.ts by contracts/generate/fixture-schema.ts: do not edit.',
    '// After changing the schema, run `npm run contracts:compile`; a test fails until then.',
    '/* eslint-disable */',
    '',
    types,
  ].join('\n')
}
