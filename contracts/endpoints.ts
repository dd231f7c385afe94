import type { RESPONSE_CONTRACTS } from './response-schemas.js'
import { FORMAT_SUFFIX, type Format } from './wire-format.js'

/** The `$id` of a contract an endpoint may answer with (`response-schemas.ts`). */
type ResponseContract = (typeof RESPONSE_CONTRACTS)[number]['$id']

/** One endpoint. */
export interface EndpointDefinition {
  /** The path of its default format; other formats add `/json` or `/csv` (see {@link pathOf}). */
  readonly path: string
  readonly methods: readonly ('GET' | 'POST')[]
  /** The formats it answers in; the first is the one of its bare path. */
  readonly formats: readonly Format[]
  /**
   * The stem of its contracts' names: `STEM-request.json` holds its parameters (those that
   * `parameters.ts` gives it), and the compiled types are named for it (`STEM` in PascalCase).
   */
  readonly contract: string
  /** Whether it needs `si` and `ui` of a live session. */
  readonly session: boolean
  /** The contract of a successful answer, per format. */
  readonly responses: Readonly<Partial<Record<Format, ResponseContract>>>
  /** What it does, for the table in `contracts/README.md`. */
  readonly summary: string
}

/**
 * Every endpoint, declared once: routes, request contracts, the client's paths and the
 * endpoint table in `contracts/README.md` derive from it.
 *
 * @example
 * ENDPOINTS.audienceReport.formats // ['xml', 'json', 'csv']
 */
export const ENDPOINTS = {
  login: {
    path: '/api/login',
    methods: ['GET'],
    formats: ['xml', 'json'],
    contract: 'login',
    session: false,
    responses: { xml: 'login-response.json', json: 'login-response.json' },
    summary: 'trades a username and password for a session',
  },
  eventList: {
    path: '/api/reporting/eventlist',
    methods: ['GET', 'POST'],
    formats: ['xml', 'json'],
    contract: 'event-list',
    session: true,
    responses: { xml: 'event-list-response.json', json: 'event-list-response.json' },
    summary: 'every event the account may view',
  },
  audienceReport: {
    path: '/api/reporting/audience_reports',
    methods: ['GET', 'POST'],
    formats: ['xml', 'json', 'csv'],
    contract: 'audience-report',
    session: true,
    responses: {
      xml: 'audience-report-response.json',
      json: 'audience-report-response.json',
      csv: 'report-csv-row.json',
    },
    summary: 'the registrants of one event that pass every filter sent',
  },
  health: {
    path: '/_mock/health',
    methods: ['GET'],
    formats: ['json'],
    contract: 'health',
    session: false,
    responses: { json: 'health-response.json' },
    summary: 'the mock only: answers while it serves, for readiness checks',
  },
  openapi: {
    path: '/_mock/openapi.json',
    methods: ['GET'],
    formats: ['json'],
    contract: 'openapi',
    session: false,
    responses: { json: 'openapi-response.json' },
    summary: 'the mock only: the OpenAPI 3.1 document of every endpoint, format, parameter and error',
  },
} as const satisfies Record<string, EndpointDefinition>

/** An endpoint's name in {@link ENDPOINTS}. */
export type EndpointName = keyof typeof ENDPOINTS

/**
 * The registry as a list, for code that walks it.
 *
 * @example
 * endpointList().map(([name]) => name) // ['login', 'eventList', 'audienceReport']
 */
export function endpointList (): Array<readonly [EndpointName, EndpointDefinition]> {
  return Object.entries(ENDPOINTS) as Array<[EndpointName, EndpointDefinition]>
}

/**
 * The path of an endpoint in a format.
 *
 * @example
 * pathOf(ENDPOINTS.audienceReport, 'csv') // '/api/reporting/audience_reports/csv'
 */
export function pathOf (endpoint: EndpointDefinition, format: Format): string {
  return endpoint.formats[0] === format ? endpoint.path : `${endpoint.path}${FORMAT_SUFFIX[format]}`
}

/** The `$id` of an endpoint's request contract. */
export type RequestSchemaId = `${(typeof ENDPOINTS)[EndpointName]['contract']}-request.json`

/**
 * The `$id` of an endpoint's request contract.
 *
 * @example
 * requestSchemaIdOf('eventList') // 'event-list-request.json'
 */
export function requestSchemaIdOf (name: EndpointName): RequestSchemaId {
  return `${ENDPOINTS[name].contract}-request.json`
}
