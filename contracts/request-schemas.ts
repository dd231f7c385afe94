/**
 * JSON Schemas (draft 2020-12) for the parameters of every request, as the server receives them
 * after the query string and a form-encoded body are merged. Values are strings on the wire; an
 * empty value counts as absent (see `contracts/README.md`).
 */

const text256 = { type: 'string', minLength: 1, maxLength: 256 } as const
const alphanumeric = { type: 'string', minLength: 1, maxLength: 128, pattern: '^[A-Za-z0-9]+$' } as const

/** Definitions shared by every request schema through `$ref`. */
export const ParametersSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'parameters.json',
  $defs: {
    ver: { type: 'string', enum: ['2.0'], description: 'API version, always "2.0".' },
    username: { ...text256, description: 'Reporting admin username (an email).' },
    password: { ...text256, description: 'Reporting admin password.' },
    sessionId: { ...alphanumeric, description: 'Session id from login (`si`).' },
    userId: { ...alphanumeric, description: 'User id from login (`ui`).' },
  },
} as const

/** `GET /api/login[/json]` */
export const LoginRequestSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'login-request.json',
  type: 'object',
  required: ['ver', 'username', 'password'],
  properties: {
    ver: { $ref: 'parameters.json#/$defs/ver' },
    username: { $ref: 'parameters.json#/$defs/username' },
    password: { $ref: 'parameters.json#/$defs/password' },
  },
} as const

/**
 * `GET|POST /api/reporting/eventlist[/json]`. `ver` is optional here (the docs do not list it)
 * but must be 2.0 when present.
 */
export const EventListRequestSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'eventlist-request.json',
  type: 'object',
  required: ['si', 'ui'],
  properties: {
    ver: { $ref: 'parameters.json#/$defs/ver' },
    si: { $ref: 'parameters.json#/$defs/sessionId' },
    ui: { $ref: 'parameters.json#/$defs/userId' },
  },
} as const

/** Parameters of a login request. */
export interface LoginRequest {
  ver: '2.0'
  username: string
  password: string
}

/** Parameters of an event-list request. */
export interface EventListRequest {
  ver?: '2.0'
  si: string
  ui: string
}

/** Every request schema, for registration with the validator. */
export const REQUEST_SCHEMAS = [ParametersSchema, LoginRequestSchema, EventListRequestSchema] as const
