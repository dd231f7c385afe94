import { Ajv2020 } from 'ajv/dist/2020.js'
import standaloneCode from 'ajv/dist/standalone/index.js'
import { REQUEST_CONTRACTS, REQUEST_SCHEMAS } from '../request-schemas.js'
import { AJV_OPTIONS } from '../validator.js'

/** Where the compiled request validators live; the server imports them instead of ajv's compiler. */
export const GENERATED_VALIDATORS = new URL('../request-validators.generated.ts', import.meta.url)

/** The export name of each request contract's compiled validator: `event-list-request.json` → `eventListRequest`. */
const EXPORT_NAMES = Object.fromEntries(REQUEST_CONTRACTS.map(({ $id }) =>
  [$id.replace(/\.json$/, '').replace(/-([a-z])/g, (_dash, letter: string) => letter.toUpperCase()), $id]))

/**
 * The source of `contracts/request-validators.generated.ts`: ajv's standalone code for every
 * request contract, compiled with the options the run-time validator uses. Ajv writes
 * `require()` for its run-time helpers even in ES-module mode; they become imports here.
 */
export function requestValidatorSource (): string {
  const ajv = new Ajv2020({ ...AJV_OPTIONS, validateSchema: false, code: { source: true, esm: true, lines: true } })
  ajv.addSchema([...REQUEST_SCHEMAS])
  const helpers = new Map<string, string>()
  const code = standaloneCode.default(ajv, EXPORT_NAMES)
    .replace(/^"use strict";\n/, '')
    .replace(/require\("(ajv\/dist\/runtime\/[a-z0-9]+)"\)/g, (_call, module: string) => {
      const name = `runtime_${module.split('/').at(-1) ?? ''}`
      helpers.set(name, `${module}.js`)
      return name
    })
  const exportEntries = Object.entries(EXPORT_NAMES).map(([name, id]) => ` '${id}': ${name},`).join('')
  return [
    '// Generated from contracts/request-schemas.ts by contracts/generate/request-validators.ts: do not edit.',
    '// After changing a request schema, run `npm run contracts:compile`; a test fails until then.',
    '// @ts-nocheck',
    '/* eslint-disable */',
    '/* c8 ignore start */',
    ...[...helpers].map(([name, module]) => `import ${name} from '${module}'`),
    code,
    '/** Each compiled validator by the `$id` of its contract. */',
    `export const REQUEST_VALIDATORS = {${exportEntries} }`,
    '/* c8 ignore stop */',
    '',
  ].join('\n')
}
