import type { EndpointName } from './endpoints.js'

/**
 * Every request parameter of the API, declared once. The request schemas, the validators and
 * types compiled from them, the server's reading of the values, the log redaction, the client's
 * filter types and encoding, and the tables in `contracts/README.md` all derive from this table
 * (`test/contracts/registries.test.ts` checks every derived place). Values travel as strings.
 */

/**
 * How a value is written on the wire. Each kind is one definition in the `parameters.json`
 * schema, checked there for form; what it means is the reader's (server) and writer's (client).
 */
export const PARAMETER_KINDS = {
  version: { type: 'string', enum: ['2.0'], description: '"2.0"' },
  text: { type: 'string', minLength: 1, maxLength: 256, description: '1 to 256 characters' },
  token: {
    type: 'string', minLength: 1, maxLength: 128, pattern: '^[A-Za-z0-9]+$',
    description: 'the value login gave (letters and digits)',
  },
  eventId: { type: 'string', pattern: '^\\d{7}$', description: 'a 7-digit event id' },
  zone: {
    type: 'string', maxLength: 64, pattern: '^[A-Za-z0-9_+\\-/]+$',
    description: 'an IANA time zone name, GMT or UTC',
  },
  usDate: { type: 'string', pattern: '^\\d{2}/\\d{2}/\\d{4}$', description: 'a date as mm/dd/yyyy' },
  onOff: { type: 'string', pattern: '^([oO][nN]|[oO][fF][fF])$', description: '"on" or "off" (any case)' },
  pipeList: { type: 'string', maxLength: 2048, description: 'values separated by |, at most 2048 characters' },
} as const

/** A kind of value; see {@link PARAMETER_KINDS}. */
export type ParameterKind = keyof typeof PARAMETER_KINDS


/** One parameter. */
export interface ParameterDefinition {
  readonly kind: ParameterKind
  /** The endpoints that take it, and whether each requires it. */
  readonly endpoints: Readonly<Partial<Record<EndpointName, 'required' | 'optional'>>>
  /** A secret never reaches a log line or a report (password, session id, user id). */
  readonly secret: boolean
  /** What the server reads when it is absent; an empty value counts as absent. */
  readonly default?: string
  /** Narrows an audience report: one predicate on a registrant, in `server/report/filters.ts`. */
  readonly filter?: true
  /** Parameters it cannot be sent with: `conflicting_parameters`, naming this one. */
  readonly conflicts?: readonly string[]
  /** What it does, for the tables in `contracts/README.md` and the generated types. */
  readonly summary: string
}

const REPORT = { audienceReport: 'optional' } as const
const FILTER = { endpoints: REPORT, secret: false, filter: true } as const

/**
 * The parameters, in the order a request's problems are reported: the first missing one, then
 * the first malformed one in this order. The documentation's own order within each endpoint.
 *
 * @example
 * PARAMETERS.no_shows.kind // 'onOff'
 */
export const PARAMETERS = {
  ver: {
    kind: 'version', secret: false, summary: 'API version',
    endpoints: { login: 'required', eventList: 'optional', audienceReport: 'required' },
  },
  username: { kind: 'text', secret: false, summary: 'the admin username', endpoints: { login: 'required' } },
  password: { kind: 'text', secret: true, summary: 'the admin password', endpoints: { login: 'required' } },
  si: {
    kind: 'token', secret: true, summary: 'the session id from login',
    endpoints: { eventList: 'required', audienceReport: 'required' },
  },
  ui: {
    kind: 'token', secret: true, summary: 'the user id from login',
    endpoints: { eventList: 'required', audienceReport: 'required' },
  },
  ei: { kind: 'eventId', secret: false, summary: 'the event', endpoints: { audienceReport: 'required' } },
  tz: { kind: 'zone', secret: false, default: 'GMT', summary: 'the zone every time is shown in', endpoints: REPORT },
  date_range_start: { kind: 'usDate', ...FILTER, summary: 'first day of the date range' },
  date_range_end: { kind: 'usDate', ...FILTER, summary: 'last day of the date range' },
  dr_regs: { kind: 'onOff', ...FILTER, default: 'on', summary: 'the range applies to registrations' },
  dr_sessions: { kind: 'onOff', ...FILTER, default: 'on', summary: 'the range applies to viewing sessions' },
  sti_filter: { kind: 'pipeList', ...FILTER, summary: 'source tracking ids' },
  excl_domain: {
    kind: 'pipeList', ...FILTER, conflicts: ['incl_domain'], summary: 'email domains left out',
  },
  incl_domain: { kind: 'pipeList', ...FILTER, summary: 'email domains kept' },
  users_qa: { kind: 'onOff', ...FILTER, summary: 'asked a question' },
  user_survey: { kind: 'onOff', ...FILTER, summary: 'answered the survey' },
  no_shows: { kind: 'onOff', ...FILTER, summary: 'watched nothing' },
  live_viewers: { kind: 'onOff', ...FILTER, summary: 'watched live' },
  od_viewers: { kind: 'onOff', ...FILTER, summary: 'watched on demand' },
  simlive_viewers: { kind: 'onOff', ...FILTER, summary: 'watched a sim-live rebroadcast' },
} as const satisfies Record<string, ParameterDefinition>

/** A parameter's wire name. */
export type ParameterName = keyof typeof PARAMETERS

/** The parameters that narrow an audience report. */
export type FilterParameter = {
  [P in ParameterName]: (typeof PARAMETERS)[P] extends { filter: true } ? P : never
}[ParameterName]

/** The registry as a list, built once: the server walks it on every report. */
const PARAMETER_LIST = Object.entries(PARAMETERS) as ReadonlyArray<readonly [ParameterName, ParameterDefinition]>

/** Each endpoint's parameters, built on first use and kept: the server reads them on every request. */
const PARAMETERS_OF = new Map<EndpointName, readonly ParameterName[]>()

/**
 * The registry as a list, for code that walks it.
 *
 * @example
 * parameterList().filter(([, p]) => p.secret).map(([name]) => name) // ['password', 'si', 'ui']
 */
export function parameterList (): ReadonlyArray<readonly [ParameterName, ParameterDefinition]> {
  return PARAMETER_LIST
}

/**
 * The parameters one endpoint takes, in registry order.
 *
 * @example
 * parametersOf('login') // ['ver', 'username', 'password']
 */
export function parametersOf (endpoint: EndpointName): readonly ParameterName[] {
  let names = PARAMETERS_OF.get(endpoint)
  if (names === undefined) {
    names = PARAMETER_LIST.filter(([, p]) => p.endpoints[endpoint] !== undefined).map(([name]) => name)
    PARAMETERS_OF.set(endpoint, names)
  }
  return names
}

/**
 * Whether a parameter's value must stay out of logs and reports: the registry's secrets, and any
 * name it does not know, since a mistyped `pasword=` can carry a secret too.
 *
 * @example
 * isSecret('password') // true
 * isSecret('no_shows') // false
 */
export function isSecret (name: string): boolean {
  return (PARAMETERS as Partial<Record<string, ParameterDefinition>>)[name]?.secret ?? true
}
