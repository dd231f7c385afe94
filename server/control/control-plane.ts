import { CONTROL_ROUTES, type ControlRoute } from '../../contracts/control-schemas.js'
import { endpointList, pathOf } from '../../contracts/endpoints.js'

/** Where the mock's own endpoints live: the control plane, which faults never touch and the journal never records. */
const CONTROL_PREFIX = '/_mock'

/**
 * Whether a request URL (path and query) is on the control plane: `/_mock`, `/_mock/…` or
 * `/_mock?…`. A prefix test and at most one character read, since every request asks it.
 *
 * @example
 * isControlPath('/_mock/health') // true
 * isControlPath('/_mockery') // false
 */
export function isControlPath (url: string): boolean {
  if (!url.startsWith(CONTROL_PREFIX)) return false
  const next = url.charCodeAt(CONTROL_PREFIX.length)
  return Number.isNaN(next) || next === SLASH || next === QUESTION_MARK
}

const SLASH = 0x2f
const QUESTION_MARK = 0x3f

/**
 * The endpoint's own path for each of its formats' paths: what a fault rule's `path` is compared
 * with besides the request's own, and how the journal knows a login.
 *
 * @example
 * ENDPOINT_PATH_OF.get('/api/login/json') // '/api/login'
 */
export const ENDPOINT_PATH_OF: ReadonlyMap<string, string> = new Map(endpointList()
  .flatMap(([, endpoint]) => endpoint.formats.map((format) => [pathOf(endpoint, format), endpoint.path] as const)))

/**
 * The contract a control API answer meets (`contracts/control-schemas.ts`): its route's answer
 * when it has the route's status, else `control-error.json`; for the self-check.
 *
 * @example
 * controlContractOf('GET', '/_mock/clock', 200) // 'clock-state.json'
 */
export function controlContractOf (
  method: string,
  routeUrl: string | undefined,
  status: number,
): ControlRoute['answer'] | 'control-error.json' {
  const route = CONTROL_ROUTES.find((candidate) => candidate.method === method && candidate.path === routeUrl)
  return route !== undefined && route.status === status ? route.answer : 'control-error.json'
}
