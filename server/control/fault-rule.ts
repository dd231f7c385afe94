import { ERROR_CATALOGUE, type ErrorCode } from '../../contracts/error-catalogue.js'
import { endpointList, pathOf } from '../../contracts/endpoints.js'
import { PARAMETERS, PARAMETER_KINDS } from '../../contracts/parameters.js'
import { CONTENT_TYPES, type Format } from '../../contracts/wire-format.js'
import { closestName } from '../http/closest-name.js'
import { isControlPath } from './control-plane.js'

/** How many times a rule fires before it stops: once, this many times, or for as long as it exists. */
export type FaultTimes = 'once' | 'always' | number

/** A latency drawn anew each time the rule fires, in whole milliseconds from `min` to `max`, both included. */
export interface LatencyRange {
  readonly min: number
  readonly max: number
}

/**
 * A fault to inject: which requests it matches, what it does to them, and how often. Plain data,
 * so that it travels as JSON. Every criterion given must hold; a rule with none matches every
 * request to the API (never one to `/_mock/`). A rule needs at least one action: `latencyMs` and
 * `bytesPerSecond` slow an answer down and go with any other action that leaves a body; `error`,
 * `status`, `reset` and `cutAfterBytes` each replace the answer, so a rule takes one of them.
 *
 * Faults apply to requests that reach an endpoint's handler: well-formed parameters and, on the
 * reporting endpoints, a live session. A request the API refuses anyway gets its refusal.
 *
 * @example
 * const rule: FaultRule = { path: '/api/reporting/audience_reports', error: 'session_expired', times: 'once' }
 */
export interface FaultRule {
  /**
   * An endpoint's path as the endpoint table writes it, which covers each of its formats
   * (`/api/reporting/audience_reports` matches `/json` and `/csv` too), or the path of one format.
   */
  readonly path?: string
  /** The start of the path, such as `/api/reporting/`. */
  readonly pathPrefix?: string
  /** The format the path asks for. */
  readonly format?: Format
  /**
   * The username of the account the request is made for, in any case: the session's on the
   * reporting endpoints, the `username` parameter on login. Parallel test workers that log in as
   * accounts of their own never see each other's faults.
   */
  readonly account?: string
  /** The event id, `ei`. */
  readonly ei?: string
  /** Parameters the request carries with exactly these values, as sent. */
  readonly params?: Readonly<Record<string, string>>
  /** Waits this long before the endpoint answers (or the fault does). */
  readonly latencyMs?: number | LatencyRange
  /** Sends the body no faster than this; the headers go at once. */
  readonly bytesPerSecond?: number
  /** Answers with this error of the catalogue, in the API's envelope and the format the path asks for. */
  readonly error?: ErrorCode
  /**
   * Answers with this bare HTTP status and an empty body, as a proxy or load balancer in front of
   * the API would (a 502, a 504): no envelope, since the API itself never answered.
   */
  readonly status?: number
  /** Resets the connection before any header is sent. */
  readonly reset?: true
  /**
   * Sends the headers and this many bytes of the body, then closes the connection: the client
   * sees fewer bytes than `Content-Length` promised, or a chunked body without its end. A body no
   * longer than this goes whole.
   */
  readonly cutAfterBytes?: number
  /** `'always'` unless given. */
  readonly times?: FaultTimes
  /** The chance, from 0 to 1, that a matching request sets the rule off; 1 unless given. */
  readonly probability?: number
}

/**
 * A rule that cannot be used, naming the field at fault; a `RangeError`, so that code that
 * handles bad arguments in general handles it too.
 *
 * @example
 * try { faults.add({ times: 'twice', reset: true }) } catch (error) {
 *   if (error instanceof FaultRuleError) error.field // 'times'
 * }
 */
export class FaultRuleError extends RangeError {
  override readonly name = 'FaultRuleError'
  /** The field at fault as the rule spells it: `times`, `latencyMs.min`, `params.no_show`. */
  readonly field: string

  constructor (field: string, problem: string) {
    super(`fault rule: ${field} ${problem}`)
    this.field = field
  }
}

/** The longest latency a rule may ask for: a client that waits longer has stopped waiting. */
const MAX_LATENCY_MS = 300_000

/** The actions that replace the answer; a rule takes at most one. */
const ANSWERS = ['error', 'status', 'reset', 'cutAfterBytes'] as const

/**
 * Every path of the API (the control plane excluded), with the formats a rule with that path
 * matches: an endpoint's own path covers all its formats, a format's path that format alone.
 */
const API_PATHS: ReadonlyMap<string, readonly Format[]> = new Map(endpointList()
  .filter(([, endpoint]) => !isControlPath(endpoint.path))
  .flatMap(([, endpoint]) => [
    ...endpoint.formats.map((format) => [pathOf(endpoint, format), [format]] as const),
    [endpoint.path, endpoint.formats] as const,
  ]))

const show = (value: unknown): string => {
  // JSON.stringify gives undefined for these, whatever its type says.
  const bare = value === undefined || typeof value === 'function' || typeof value === 'symbol'
  const text = bare ? String(value) : JSON.stringify(value)
  return text.length > 80 ? `${text.slice(0, 77)}...` : text
}

const suggest = (name: string, known: Iterable<string>): string => {
  const closest = closestName(name, known)
  return closest === undefined ? '' : `; did you mean ${closest}?`
}

function wholeNumber (field: string, value: unknown, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `from ${min}` : `from ${min} to ${max}`
    throw new FaultRuleError(field, `must be a whole number ${range}, not ${show(value)}`)
  }
  return value
}

function text (field: string, value: unknown): string {
  if (typeof value !== 'string' || value === '' || value.length > 256) {
    throw new FaultRuleError(field, `must be a string of 1 to 256 characters, not ${show(value)}`)
  }
  return value
}

function plainObject (field: string, value: unknown): Readonly<Record<string, unknown>> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new FaultRuleError(field, `must be an object, not ${show(value)}`)
  }
  return value as Record<string, unknown>
}

/** Each field's check, in the order a checked rule lists its fields: the value as kept, or a `FaultRuleError`. */
const FIELD_CHECKS: { readonly [K in keyof FaultRule]-?: (value: unknown) => NonNullable<FaultRule[K]> } = {
  path: (value) => {
    const path = text('path', value)
    if (isControlPath(path)) throw new FaultRuleError('path', `${path} is on the control plane, which takes no faults`)
    if (!API_PATHS.has(path)) {
      throw new FaultRuleError('path', `${path} is no endpoint's path${suggest(path, API_PATHS.keys())}`)
    }
    return path
  },
  pathPrefix: (value) => {
    const prefix = text('pathPrefix', value)
    if (![...API_PATHS.keys()].some((path) => path.startsWith(prefix))) {
      throw new FaultRuleError('pathPrefix', `${prefix} starts no endpoint's path (the control plane takes no faults)`)
    }
    return prefix
  },
  format: (value) => {
    if (typeof value !== 'string' || !Object.hasOwn(CONTENT_TYPES, value)) {
      throw new FaultRuleError('format', `must be one of ${Object.keys(CONTENT_TYPES).join(', ')}, not ${show(value)}`)
    }
    return value as Format
  },
  account: (value) => text('account', value),
  ei: (value) => {
    if (typeof value !== 'string' || !new RegExp(PARAMETER_KINDS.eventId.pattern).test(value)) {
      throw new FaultRuleError('ei', `must be ${PARAMETER_KINDS.eventId.description}, not ${show(value)}`)
    }
    return value
  },
  params: (value) => {
    const given = plainObject('params', value)
    const names = Object.keys(given).sort()
    return Object.fromEntries(names.map((name) => {
      if (!Object.hasOwn(PARAMETERS, name)) {
        const hint = suggest(name, Object.keys(PARAMETERS))
        throw new FaultRuleError(`params.${name}`, `is no parameter of the API${hint}`)
      }
      return [name, text(`params.${name}`, given[name])]
    }))
  },
  latencyMs: (value) => {
    if (typeof value === 'number') return wholeNumber('latencyMs', value, 0, MAX_LATENCY_MS)
    if (typeof value !== 'object' || value === null) {
      throw new FaultRuleError('latencyMs', `must be a number of milliseconds or { min, max }, not ${show(value)}`)
    }
    const range = plainObject('latencyMs', value)
    const extra = Object.keys(range).find((key) => key !== 'min' && key !== 'max')
    if (extra !== undefined) throw new FaultRuleError(`latencyMs.${extra}`, 'is not a field of a range: min, max')
    const min = wholeNumber('latencyMs.min', range.min, 0, MAX_LATENCY_MS)
    const max = wholeNumber('latencyMs.max', range.max, min, MAX_LATENCY_MS)
    return { min, max }
  },
  bytesPerSecond: (value) => wholeNumber('bytesPerSecond', value, 1),
  error: (value) => {
    if (typeof value !== 'string' || !Object.hasOwn(ERROR_CATALOGUE, value)) {
      const known = Object.keys(ERROR_CATALOGUE)
      throw new FaultRuleError('error', `must be a code of the error catalogue, not ${show(value)}` +
        (typeof value === 'string' ? suggest(value, known) : ''))
    }
    return value as ErrorCode
  },
  status: (value) => wholeNumber('status', value, 200, 599),
  reset: (value) => {
    if (value !== true) throw new FaultRuleError('reset', `must be true, not ${show(value)}`)
    return value
  },
  cutAfterBytes: (value) => wholeNumber('cutAfterBytes', value, 0),
  times: (value) => {
    if (value === 'once' || value === 'always') return value
    if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 1) return value
    throw new FaultRuleError('times', `must be "once", "always" or a whole number from 1, not ${show(value)}`)
  },
  probability: (value) => {
    if (typeof value !== 'number' || !(value >= 0 && value <= 1)) {
      throw new FaultRuleError('probability', `must be a number from 0 to 1, not ${show(value)}`)
    }
    return value
  },
}

const FIELDS = Object.keys(FIELD_CHECKS) as Array<keyof FaultRule>

/**
 * Checks a rule as it came (from code, or as JSON over HTTP) and returns it as kept: the fields
 * given, in a fixed order, `params` sorted by name. Throws a {@link FaultRuleError} naming the
 * first field that is wrong.
 *
 * @example
 * checkFaultRule({ error: 'session_expired', times: 'once' }) // { error: 'session_expired', times: 'once' }
 * checkFaultRule({ error: 'session_expird' }) // throws: fault rule: error must be … did you mean session_expired?
 */
export function checkFaultRule (value: unknown): FaultRule {
  const given = plainObject('rule', value)
  for (const name of Object.keys(given)) {
    if (!Object.hasOwn(FIELD_CHECKS, name)) {
      throw new FaultRuleError(name, `is not a field of a fault rule${suggest(name, FIELDS)}`)
    }
  }
  const rule: Record<string, unknown> = {}
  for (const name of FIELDS) {
    if (given[name] !== undefined) rule[name] = FIELD_CHECKS[name](given[name])
  }
  return checkTogether(rule)
}

/** What no single field shows: an action at all, one answer at most, and criteria that can all hold. */
function checkTogether (rule: FaultRule): FaultRule {
  const answers = ANSWERS.filter((name) => rule[name] !== undefined)
  if (answers.length === 0 && rule.latencyMs === undefined && rule.bytesPerSecond === undefined) {
    throw new FaultRuleError('action', `is missing: give latencyMs, bytesPerSecond, ${ANSWERS.join(', ')}`)
  }
  const [first, second] = answers
  if (second !== undefined) {
    throw new FaultRuleError(second, `cannot go with ${first ?? ''}: a rule replaces the answer one way`)
  }
  if (rule.bytesPerSecond !== undefined && (rule.status !== undefined || rule.reset !== undefined)) {
    throw new FaultRuleError('bytesPerSecond', `has no body to slow down with ${first ?? ''}`)
  }
  if (rule.path !== undefined) {
    if (rule.pathPrefix !== undefined && !rule.path.startsWith(rule.pathPrefix)) {
      const problem = `${rule.pathPrefix} does not start path ${rule.path}: the rule never matches`
      throw new FaultRuleError('pathPrefix', problem)
    }
    const formats = API_PATHS.get(rule.path) ?? []
    if (rule.format !== undefined && !formats.includes(rule.format)) {
      throw new FaultRuleError('format', `${rule.format} is not a format of path ${rule.path}: ${formats.join(', ')}`)
    }
  }
  return rule
}
