/**
 * JSON Schemas (draft 2020-12) for every response, as its JSON body or, equally, as its XML
 * document decoded by the client's decoder (`client/decode-xml.ts`): one tree, two spellings.
 * Every leaf is a string, exactly as in XML. Objects are closed (`additionalProperties: false`)
 * so that a field the contracts do not know shows up as drift.
 */
import { REGISTRATION_ATTRIBUTES, REPORT_CSV_COLUMNS, SESSION_LISTS, WIRE_TIME_PATTERN } from './wire-format.js'

const wireTime = { type: 'string', pattern: WIRE_TIME_PATTERN } as const
const hex40 = { type: 'string', pattern: '^[0-9a-f]{40}$' } as const
const eventId = { type: 'string', pattern: '^\\d{7}$' } as const

/** Definitions shared by every response schema through `$ref`. */
const EnvelopeSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'envelope.json',
  $defs: {
    wireTime,
    eventId,
    header: {
      type: 'object',
      required: ['version', 'currentDateTime', 'currentTimeZone', 'result'],
      properties: {
        version: { const: '2.0' },
        currentDateTime: wireTime,
        currentTimeZone: { type: 'string', minLength: 1 },
        result: true,
      },
    },
    describedValue: {
      type: 'object',
      additionalProperties: false,
      required: ['description', 'value'],
      properties: { description: { type: 'string' }, value: hex40 },
    },
  },
} as const

function envelopeOf (result: object): object {
  return {
    type: 'object',
    additionalProperties: false,
    required: ['convey_api'],
    properties: {
      convey_api: {
        type: 'object',
        $ref: 'envelope.json#/$defs/header',
        unevaluatedProperties: false,
        properties: { result },
      },
    },
  }
}

function successWith (success: object): object {
  return {
    type: 'object',
    additionalProperties: false,
    required: ['returnCode', 'success'],
    properties: { returnCode: { const: '1' }, success },
  }
}

/** Any failure, from any endpoint. */
const ErrorResponseSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'error-response.json',
  ...envelopeOf({
    type: 'object',
    additionalProperties: false,
    required: ['returnCode', 'error'],
    properties: {
      returnCode: { type: 'string', pattern: '^\\d+$', not: { const: '1' } },
      error: {
        type: 'object',
        additionalProperties: false,
        required: ['code', 'description'],
        properties: {
          code: { type: 'string', pattern: '^[a-z_]+$' },
          description: { type: 'string', minLength: 1 },
          parameter: { type: 'string', minLength: 1 },
        },
      },
    },
  }),
} as const

/** `GET /api/login[/json]` succeeded. */
const LoginResponseSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'login-response.json',
  ...envelopeOf(successWith({
    type: 'object',
    additionalProperties: false,
    required: ['sessionid', 'userid'],
    properties: {
      sessionid: { $ref: 'envelope.json#/$defs/describedValue' },
      userid: { $ref: 'envelope.json#/$defs/describedValue' },
    },
  })),
} as const

/** `/api/reporting/eventlist[/json]` succeeded. */
const EventListResponseSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'event-list-response.json',
  ...envelopeOf(successWith({
    type: 'object',
    additionalProperties: false,
    required: ['event_list'],
    properties: {
      event_list: {
        type: 'object',
        additionalProperties: false,
        required: ['core_event'],
        properties: {
          core_event: {
            type: 'object',
            additionalProperties: false,
            required: ['event_info'],
            properties: {
              event_info: {
                type: 'array',
                items: {
                  type: 'object',
                  additionalProperties: false,
                  required: ['id', 'sched_start', 'sched_end', 'expired', 'title'],
                  properties: {
                    id: { $ref: 'envelope.json#/$defs/eventId' },
                    sched_start: { $ref: 'envelope.json#/$defs/wireTime' },
                    sched_end: { $ref: 'envelope.json#/$defs/wireTime' },
                    expired: { enum: ['true', 'false'] },
                    title: { type: 'string' },
                  },
                },
              },
            },
          },
        },
      },
    },
  })),
} as const

const text = { type: 'string' } as const

function closedObject (properties: Record<string, unknown>, optional: readonly string[] = []): object {
  return {
    type: 'object',
    additionalProperties: false,
    required: Object.keys(properties).filter((key) => !optional.includes(key)),
    properties,
  }
}

function listOf (item: string, schema: object): object {
  return closedObject({ [item]: { type: 'array', items: schema } })
}

const viewingSession = closedObject({
  start: { $ref: 'envelope.json#/$defs/wireTime' },
  end: { $ref: 'envelope.json#/$defs/wireTime' },
  duration: { type: 'string', pattern: '^\\d+$' },
})

/** One `attendee`: registration attributes, sessions, questions and survey answers. */
const AttendeeSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'attendee.json',
  ...closedObject({
    email: { type: 'string', minLength: 3, pattern: '@' },
    ...Object.fromEntries(REGISTRATION_ATTRIBUTES.map((name) => [name, text])),
    reg_date: { $ref: 'envelope.json#/$defs/wireTime' },
    sti: { type: 'string', minLength: 1 },
    session: closedObject(Object.fromEntries(
      SESSION_LISTS.map(({ list, item }) => [list, listOf(item, viewingSession)]),
    )),
    questions_list: listOf('question', closedObject({ time: { $ref: 'envelope.json#/$defs/wireTime' }, text })),
    surveys_list: listOf('survey', closedObject({
      question: text,
      answer: text,
      time: { $ref: 'envelope.json#/$defs/wireTime' },
    })),
  }, ['sti']),
} as const

/** `/api/reporting/audience_reports[/json]` succeeded (XML decoded, or JSON). */
const AudienceReportResponseSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'audience-report-response.json',
  ...envelopeOf(successWith(closedObject({
    eventid: { $ref: 'envelope.json#/$defs/eventId' },
    eventtitle: text,
    attendee_list: listOf('attendee', { $ref: 'attendee.json' }),
  }))),
} as const

/** One row of a CSV audience report, keyed by its header. */
const ReportCsvRowSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'report-csv-row.json',
  ...closedObject({
    ...Object.fromEntries(REPORT_CSV_COLUMNS.map((column) => [column, text])),
    email: { type: 'string', pattern: '@' },
    reg_date: { $ref: 'envelope.json#/$defs/wireTime' },
    ...Object.fromEntries([
      'live_sessions', 'live_seconds', 'od_sessions', 'od_seconds',
      'simlive_sessions', 'simlive_seconds', 'questions', 'surveys',
    ].map((column) => [column, { type: 'string', pattern: '^\\d+$' }])),
    first_view: { anyOf: [{ const: '' }, { $ref: 'envelope.json#/$defs/wireTime' }] },
    last_view: { anyOf: [{ const: '' }, { $ref: 'envelope.json#/$defs/wireTime' }] },
  }),
} as const

/** The one row of a CSV error, under the header `returnCode,code,description,parameter`. */
const ErrorCsvRowSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'error-csv-row.json',
  type: 'object',
  additionalProperties: false,
  required: ['returnCode', 'code', 'description', 'parameter'],
  properties: {
    returnCode: { type: 'string', pattern: '^\\d+$', not: { const: '1' } },
    code: { type: 'string', pattern: '^[a-z_]+$' },
    description: { type: 'string', minLength: 1 },
    parameter: { type: 'string' },
  },
} as const

/** `GET /_mock/health`: the mock's own answer, outside the API's envelope. */
const HealthResponseSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'health-response.json',
  ...closedObject({
    status: { const: 'ok' },
    version: { type: 'string', minLength: 1, description: "the mock's version" },
  }),
} as const

/**
 * `GET /_mock/openapi.json`: the mock's own answer, the OpenAPI document `contracts/openapi.ts`
 * builds. Loose on purpose: the test of that document validates it against the OpenAPI 3.1
 * specification; this contract holds only what a reader of the answer starts from.
 */
const OpenapiResponseSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'openapi-response.json',
  type: 'object',
  additionalProperties: true,
  required: ['openapi', 'info', 'paths'],
  properties: {
    openapi: { type: 'string', pattern: '^3\\.1\\.\\d+$' },
    info: {
      type: 'object',
      additionalProperties: true,
      required: ['title', 'version'],
      properties: { title: { type: 'string' }, version: { type: 'string', description: "the mock's version" } },
    },
    paths: { type: 'object', additionalProperties: { type: 'object', additionalProperties: true } },
  },
} as const

/** The contract of every answer: each compiles to a type named for its `$id`. */
export const RESPONSE_CONTRACTS = [
  ErrorResponseSchema, LoginResponseSchema, EventListResponseSchema, AudienceReportResponseSchema, ReportCsvRowSchema,
  ErrorCsvRowSchema, HealthResponseSchema, OpenapiResponseSchema,
] as const

/** Every response schema, for registration with the validator: the contracts and what they share. */
export const RESPONSE_SCHEMAS = [EnvelopeSchema, AttendeeSchema, ...RESPONSE_CONTRACTS] as const
