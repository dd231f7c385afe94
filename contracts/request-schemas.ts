/**
 * JSON Schemas (draft 2020-12) for the parameters of every request, as the server receives them
 * after the query string and a form-encoded body are merged. Values are strings on the wire; an
 * empty value counts as absent (see `contracts/README.md`).
 */

const text256 = { type: 'string', minLength: 1, maxLength: 256 } as const
const alphanumeric = { type: 'string', minLength: 1, maxLength: 128, pattern: '^[A-Za-z0-9]+$' } as const
const onOff = { type: 'string', pattern: '^([oO][nN]|[oO][fF][fF])$', description: '"on" or "off" (any case)' } as const
const pipeList = { type: 'string', maxLength: 2048, description: 'values separated by |, at most 2048 characters' } as const
const usDate = { type: 'string', pattern: '^\\d{2}/\\d{2}/\\d{4}$', description: 'a date as mm/dd/yyyy' } as const

/** Definitions shared by every request schema through `$ref`. */
export const ParametersSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'parameters.json',
  $defs: {
    ver: { type: 'string', enum: ['2.0'], description: '"2.0"' },
    username: { ...text256, description: 'the admin username, 1 to 256 characters' },
    password: { ...text256, description: 'the admin password, 1 to 256 characters' },
    sessionId: { ...alphanumeric, description: 'the session id from login (letters and digits)' },
    userId: { ...alphanumeric, description: 'the user id from login (letters and digits)' },
    eventId: { type: 'string', pattern: '^\\d{7}$', description: 'a 7-digit event id' },
    timeZone: { type: 'string', maxLength: 64, pattern: '^[A-Za-z0-9_+\\-/]+$', description: 'an IANA time zone name, GMT or UTC' },
    onOff,
    pipeList,
    usDate,
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

/**
 * `GET|POST /api/reporting/audience_reports[/json|/csv]`: every parameter of the documentation.
 * Filters are checked for form here; their meaning is in `contracts/README.md`.
 */
export const AudienceReportRequestSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'audience-report-request.json',
  type: 'object',
  required: ['ver', 'si', 'ui', 'ei'],
  properties: {
    ver: { $ref: 'parameters.json#/$defs/ver' },
    si: { $ref: 'parameters.json#/$defs/sessionId' },
    ui: { $ref: 'parameters.json#/$defs/userId' },
    ei: { $ref: 'parameters.json#/$defs/eventId' },
    tz: { $ref: 'parameters.json#/$defs/timeZone' },
    date_range_start: { $ref: 'parameters.json#/$defs/usDate' },
    date_range_end: { $ref: 'parameters.json#/$defs/usDate' },
    dr_regs: { $ref: 'parameters.json#/$defs/onOff' },
    dr_sessions: { $ref: 'parameters.json#/$defs/onOff' },
    sti_filter: { $ref: 'parameters.json#/$defs/pipeList' },
    excl_domain: { $ref: 'parameters.json#/$defs/pipeList' },
    incl_domain: { $ref: 'parameters.json#/$defs/pipeList' },
    users_qa: { $ref: 'parameters.json#/$defs/onOff' },
    user_survey: { $ref: 'parameters.json#/$defs/onOff' },
    no_shows: { $ref: 'parameters.json#/$defs/onOff' },
    live_viewers: { $ref: 'parameters.json#/$defs/onOff' },
    od_viewers: { $ref: 'parameters.json#/$defs/onOff' },
    simlive_viewers: { $ref: 'parameters.json#/$defs/onOff' },
  },
} as const

/** The audience-report parameters that narrow the report (all but `ver`, `si`, `ui`, `ei`, `tz`). */
export type ReportFilterParameter = Exclude<keyof typeof AudienceReportRequestSchema.properties, 'ver' | 'si' | 'ui' | 'ei' | 'tz'>

/** Parameters of an audience-report request, as strings on the wire. */
export type AudienceReportRequest = { ver: '2.0', si: string, ui: string, ei: string, tz?: string } & Partial<Record<ReportFilterParameter, string>>

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
export const REQUEST_SCHEMAS = [ParametersSchema, LoginRequestSchema, EventListRequestSchema, AudienceReportRequestSchema] as const
