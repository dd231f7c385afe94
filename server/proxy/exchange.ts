import { formatOfPath, type Format } from '../../contracts/wire-format.js'

/**
 * One request and its answer as the proxy saw them: what the checker, the recorder and the
 * replay read. The body is held only up to a bound: a larger answer keeps its head only.
 */
export interface Exchange {
  readonly method: string
  /** The path under the API's base, from `/api` on, without the query: `/api/reporting/audience_reports/json`. */
  readonly path: string
  /** The parameters, from the query and a form body, in the order sent. */
  readonly params: ReadonlyArray<readonly [string, string]>
  readonly status: number
  /** The answer's headers, as the target sent them, names in lower case. */
  readonly headers: Readonly<Record<string, string>>
  /** The answer's body, whole unless `truncated`, then its head only. */
  readonly body: string
  /** The answer was larger than the bound, so `body` is its head only. */
  readonly truncated: boolean
  /** How many bytes the answer's body had. */
  readonly bytes: number
}

/**
 * The format an exchange's path asks for.
 *
 * @example
 * formatOf({ path: '/api/login/json' }) // 'json'
 */
export function formatOf (exchange: Pick<Exchange, 'path'>): Format {
  return formatOfPath(exchange.path)
}

/**
 * The parameters as an object, the last value of a name winning, as the mock reads them.
 *
 * @example
 * paramsObject({ params: [['ei', '4851630']] }) // { ei: '4851630' }
 */
export function paramsObject (exchange: Pick<Exchange, 'params'>): Record<string, string> {
  return Object.fromEntries(exchange.params)
}

/**
 * The path and query, as sent.
 *
 * @example
 * pathAndQuery({ path: '/api/login', params: [['ver', '2.0']] }) // '/api/login?ver=2.0'
 */
export function pathAndQuery (exchange: Pick<Exchange, 'path' | 'params'>): string {
  const query = new URLSearchParams(exchange.params.map(([name, value]): [string, string] => [name, value])).toString()
  return query === '' ? exchange.path : `${exchange.path}?${query}`
}
