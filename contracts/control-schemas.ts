/**
 * JSON Schemas (draft 2020-12) of the control API under `/_mock/` (the server's
 * `server/control/control-api.ts`): the body or query each route takes and the answer it gives,
 * one declaration each. The control API checks the clock's bodies, the journal's query and the
 * fixtures' query with them; a fault rule is checked by `server/control/fault-rule.ts`, whose
 * messages name the field and suggest the closest name, and `fault-rule.json` describes what it
 * accepts. `GET /_mock/health` answers `health-response.json` (`response-schemas.ts`).
 */
import { ERROR_CATALOGUE } from './error-catalogue.js'
import { CONTENT_TYPES } from './wire-format.js'

const DRAFT = 'https://json-schema.org/draft/2020-12/schema'
const WHOLE = { type: 'integer', minimum: 0 } as const
const TEXT = { type: 'string', minLength: 1, maxLength: 256 } as const
const ISO_UTC = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{3})?Z$' } as const
/** A whole number as a query string carries it. */
const DIGITS = { type: 'string', pattern: '^\\d{1,15}$' } as const
const nullable = <T extends object>(schema: T): { anyOf: [T, { type: 'null' }] } =>
  ({ anyOf: [schema, { type: 'null' }] })
const MAX_LATENCY_MS = 300_000

/** The control API's own reasons for a refusal. */
const CONTROL_ERROR_CODES = ['invalid_body', 'invalid_query', 'invalid_rule', 'invalid_fixture', 'invalid_request',
  'unknown_rule', 'unknown_event', 'not_found', 'control_refused'] as const

/** Every failure of the control API: its HTTP status says the kind, `code` the reason. */
const CONTROL_ERROR = {
  $schema: DRAFT,
  $id: 'control-error.json',
  title: 'An answer of the control API that refuses a request',
  type: 'object',
  additionalProperties: false,
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      additionalProperties: false,
      required: ['code', 'message'],
      properties: {
        code: {
          description: "The control API's own codes, or the catalogue's for what the server's pipeline refuses " +
            'before the control API reads the request (url_too_long, request_too_large, shutting_down, …).',
          enum: [...new Set([...CONTROL_ERROR_CODES, ...Object.keys(ERROR_CATALOGUE)])],
        },
        message: { type: 'string', minLength: 1 },
        problems: {
          description: 'invalid_fixture: every problem, as `body:line:column: what is wrong`.',
          type: 'array',
          minItems: 1,
          items: { type: 'string' },
        },
      },
    },
  },
} as const

/** Every answer of `/_mock/clock[/set|/advance|/freeze|/resume]`. */
const CLOCK_STATE = {
  $schema: DRAFT,
  $id: 'clock-state.json',
  title: 'The mock clock',
  type: 'object',
  additionalProperties: false,
  required: ['now', 'dataAsOf', 'frozen', 'moved'],
  properties: {
    now: { ...ISO_UTC, description: 'The time the mock shows.' },
    dataAsOf: { ...ISO_UTC, description: 'The moment the data stands at.' },
    frozen: { type: 'boolean' },
    moved: { type: 'boolean', description: 'Set or moved by a test: the data follows the time shown.' },
  },
} as const

const CLOCK_SET_REQUEST = {
  $schema: DRAFT,
  $id: 'clock-set-request.json',
  title: 'POST /_mock/clock/set',
  type: 'object',
  additionalProperties: false,
  required: ['now'],
  properties: {
    now: {
      description: 'ISO 8601 with an offset (2027-02-10T18:30:00Z), or milliseconds since the epoch.',
      anyOf: [
        { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})$' },
        { type: 'integer', minimum: -8.64e15, maximum: 8.64e15 },
      ],
    },
  },
} as const

const CLOCK_ADVANCE_REQUEST = {
  $schema: DRAFT,
  $id: 'clock-advance-request.json',
  title: 'POST /_mock/clock/advance',
  type: 'object',
  additionalProperties: false,
  required: ['ms'],
  properties: {
    ms: { type: 'integer', minimum: -8.64e15, maximum: 8.64e15, description: 'Forward, or back when negative.' },
  },
} as const

/** `POST /_mock/faults`: what `server/control/fault-rule.ts` accepts. */
const FAULT_RULE = {
  $schema: DRAFT,
  $id: 'fault-rule.json',
  title: 'A fault rule: which requests it matches, what it does, how often',
  type: 'object',
  additionalProperties: false,
  properties: {
    path: { ...TEXT, description: "An endpoint's path (all its formats) or one format's path." },
    pathPrefix: TEXT,
    format: { enum: Object.keys(CONTENT_TYPES) },
    account: { ...TEXT, description: 'A username, in any case.' },
    ei: { type: 'string', pattern: '^\\d{7}$' },
    params: { type: 'object', additionalProperties: TEXT },
    latencyMs: {
      anyOf: [
        { type: 'integer', minimum: 0, maximum: MAX_LATENCY_MS },
        {
          type: 'object',
          additionalProperties: false,
          required: ['min', 'max'],
          properties: {
            min: { type: 'integer', minimum: 0, maximum: MAX_LATENCY_MS },
            max: { type: 'integer', minimum: 0, maximum: MAX_LATENCY_MS },
          },
        },
      ],
    },
    bytesPerSecond: { type: 'integer', minimum: 1 },
    error: { enum: Object.keys(ERROR_CATALOGUE) },
    status: { type: 'integer', minimum: 200, maximum: 599 },
    reset: { const: true },
    cutAfterBytes: WHOLE,
    times: { anyOf: [{ enum: ['once', 'always'] }, { type: 'integer', minimum: 1 }] },
    probability: { type: 'number', minimum: 0, maximum: 1 },
  },
} as const

const FAULT_ADDED = {
  $schema: DRAFT,
  $id: 'fault-added.json',
  title: 'POST /_mock/faults (201)',
  type: 'object',
  additionalProperties: false,
  required: ['id'],
  properties: { id: { type: 'string', minLength: 1 } },
} as const

const FAULT_LIST = {
  $schema: DRAFT,
  $id: 'fault-list.json',
  title: 'GET and DELETE /_mock/faults, DELETE /_mock/faults/{id}',
  type: 'object',
  additionalProperties: false,
  required: ['faults'],
  properties: {
    faults: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'rule', 'matched', 'fired', 'remaining'],
        properties: {
          id: { type: 'string' },
          rule: { $ref: 'fault-rule.json' },
          matched: WHOLE,
          fired: WHOLE,
          remaining: nullable(WHOLE),
        },
      },
    },
  },
} as const

const JOURNAL_QUERY = {
  $schema: DRAFT,
  $id: 'journal-query.json',
  title: 'GET /_mock/journal: its query string',
  type: 'object',
  additionalProperties: false,
  properties: {
    pathPrefix: { type: 'string' },
    account: { type: 'string' },
    faultId: { type: 'string' },
    status: DIGITS,
    returnCode: DIGITS,
    since: DIGITS,
  },
} as const

const JOURNAL_ANSWER = {
  $schema: DRAFT,
  $id: 'journal-answer.json',
  title: 'GET and DELETE /_mock/journal',
  type: 'object',
  additionalProperties: false,
  required: ['entries', 'lastSeq', 'dropped'],
  properties: {
    entries: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['seq', 'time', 'method', 'path', 'params', 'status', 'returnCode', 'errorCode', 'bytes',
          'durationMs', 'account', 'eventId', 'faultId', 'outcome'],
        properties: {
          seq: { type: 'integer', minimum: 1 },
          time: { type: 'number' },
          method: { type: 'string' },
          path: { type: 'string' },
          params: {
            type: 'object',
            additionalProperties: { anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] },
          },
          status: nullable({ type: 'integer' }),
          returnCode: nullable({ type: 'integer' }),
          errorCode: nullable({ type: 'string' }),
          bytes: WHOLE,
          durationMs: { type: 'number', minimum: 0 },
          account: nullable({ type: 'string' }),
          eventId: nullable({ type: 'string' }),
          faultId: nullable({ type: 'string' }),
          outcome: { enum: ['sending', 'complete', 'reset', 'cut', 'aborted'] },
        },
      },
    },
    lastSeq: WHOLE,
    dropped: WHOLE,
  },
} as const

const FIXTURES_QUERY = {
  $schema: DRAFT,
  $id: 'fixtures-query.json',
  title: 'POST /_mock/fixtures: its query string (the body is a fixture file, fixtures.schema.json)',
  type: 'object',
  additionalProperties: false,
  properties: {
    mode: { enum: ['extend', 'replace'], description: "The fixture's own mode, else extend, unless given." },
  },
} as const

const FIXTURES_STATE = {
  $schema: DRAFT,
  $id: 'fixtures-state.json',
  title: 'GET /_mock/fixtures, and every change to them',
  type: 'object',
  additionalProperties: false,
  required: ['generation', 'accounts', 'events'],
  properties: {
    generation: { ...WHOLE, description: 'Counts the changes since the mock started.' },
    accounts: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['username', 'events'],
        properties: {
          username: { type: 'string' },
          events: { anyOf: [{ const: 'all' }, { type: 'array', items: { type: 'string', pattern: '^\\d{7}$' } }] },
        },
      },
    },
    events: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'title', 'kind', 'start', 'end', 'registrants'],
        properties: {
          id: { type: 'string', pattern: '^\\d{7}$' },
          title: { type: 'string' },
          kind: { enum: ['live', 'live_simlive', 'on_demand'] },
          start: ISO_UTC,
          end: ISO_UTC,
          registrants: WHOLE,
        },
      },
    },
  },
} as const

/** Every schema of the control API, for the validator and the tests. */
export const CONTROL_SCHEMAS = [
  CONTROL_ERROR, CLOCK_STATE, CLOCK_SET_REQUEST, CLOCK_ADVANCE_REQUEST, FAULT_RULE, FAULT_ADDED, FAULT_LIST,
  JOURNAL_QUERY, JOURNAL_ANSWER, FIXTURES_QUERY, FIXTURES_STATE,
] as const

/** The `$id` of a control API schema. */
export type ControlSchemaId = (typeof CONTROL_SCHEMAS)[number]['$id']

/** A route of the control API, what it takes and what it answers. */
export interface ControlRoute {
  readonly method: 'GET' | 'POST' | 'DELETE'
  /** As Fastify routes it: `:id` for a part of the path. */
  readonly path: string
  /** The JSON body it reads, when it reads one (`POST /_mock/fixtures` reads a fixture file, YAML or JSON). */
  readonly body?: ControlSchemaId | 'fixtures.schema.json'
  readonly query?: ControlSchemaId
  /** Its answer on success, and that answer's status; a refusal is `control-error.json`. */
  readonly answer: ControlSchemaId | 'health-response.json'
  readonly status: 200 | 201
}

/**
 * Every route of the control API, once: the tests check each against the server's routes and
 * its answers against the schema named here. `/_mock/openapi.json` is an endpoint of the
 * registry (`endpoints.ts`), described there.
 */
export const CONTROL_ROUTES: readonly ControlRoute[] = [
  { method: 'GET', path: '/_mock/health', answer: 'health-response.json', status: 200 },
  { method: 'GET', path: '/_mock/clock', answer: 'clock-state.json', status: 200 },
  { method: 'POST', path: '/_mock/clock/set', body: 'clock-set-request.json', answer: 'clock-state.json', status: 200 },
  {
    method: 'POST', path: '/_mock/clock/advance', body: 'clock-advance-request.json', answer: 'clock-state.json',
    status: 200,
  },
  { method: 'POST', path: '/_mock/clock/freeze', answer: 'clock-state.json', status: 200 },
  { method: 'POST', path: '/_mock/clock/resume', answer: 'clock-state.json', status: 200 },
  { method: 'GET', path: '/_mock/fixtures', answer: 'fixtures-state.json', status: 200 },
  {
    method: 'POST',
    path: '/_mock/fixtures',
    body: 'fixtures.schema.json',
    query: 'fixtures-query.json',
    answer: 'fixtures-state.json',
    status: 200,
  },
  { method: 'POST', path: '/_mock/fixtures/reset', answer: 'fixtures-state.json', status: 200 },
  { method: 'DELETE', path: '/_mock/fixtures/events/:id', answer: 'fixtures-state.json', status: 200 },
  { method: 'GET', path: '/_mock/faults', answer: 'fault-list.json', status: 200 },
  { method: 'POST', path: '/_mock/faults', body: 'fault-rule.json', answer: 'fault-added.json', status: 201 },
  { method: 'DELETE', path: '/_mock/faults', answer: 'fault-list.json', status: 200 },
  { method: 'DELETE', path: '/_mock/faults/:id', answer: 'fault-list.json', status: 200 },
  { method: 'GET', path: '/_mock/journal', query: 'journal-query.json', answer: 'journal-answer.json', status: 200 },
  { method: 'DELETE', path: '/_mock/journal', answer: 'journal-answer.json', status: 200 },
]
