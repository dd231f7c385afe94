import type { FastifyReply, FastifyRequest } from 'fastify'
import type { AudienceReportRequest, EventListRequest, LoginRequest } from '../../contracts/response-types.js'
import { parametersOf } from '../../contracts/parameters.js'
import { ApiError } from './api-error.js'
import { closestName } from './closest-name.js'
import { checkParams, collectParams } from './request-params.js'

/** The header that lists, percent-encoded and comma-separated, every parameter an endpoint ignored. */
const IGNORED_PARAMETERS_HEADER = 'x-webcast-mock-ignored'

/** The header that pairs each ignored parameter close to a known one with it: `no_show=no_shows`. */
const SUGGESTIONS_HEADER = 'x-webcast-mock-did-you-mean'

/**
 * A `preValidation` hook: checks the parameters of any route that serves an endpoint and keeps
 * them on `request.apiParams`. A parameter the endpoint does not take is ignored, as a lenient
 * API would, but named in {@link IGNORED_PARAMETERS_HEADER} and the log, with the known name it
 * is closest to in {@link SUGGESTIONS_HEADER}, so that a typo such as `no_show` is visible; with
 * `strict`, it is an `invalid_parameter` error instead, for CI.
 *
 * @example
 * app.addHook('preValidation', checkRequest({ strict: true }))
 */
export function checkRequest (options: { strict: boolean }):
(request: FastifyRequest, reply: FastifyReply) => Promise<void> {
  return async (request, reply) => {
    const endpoint = request.routeOptions.config.endpoint
    if (endpoint === undefined) return
    const raw = collectParams(request)
    const known: readonly string[] = parametersOf(endpoint)
    const ignored = Object.keys(raw).filter((name) => !known.includes(name))
    if (ignored.length > 0) {
      const suggestions = ignored.flatMap((name) => {
        const closest = closestName(name, known)
        return closest === undefined ? [] : [[name, closest] as const]
      })
      if (options.strict) {
        const [name = ''] = ignored
        const closest = suggestions.find(([typed]) => typed === name)?.[1]
        const suggestion = closest === undefined ? '' : `; did you mean ${closest}?`
        const detail = `${name} is not a parameter of this endpoint${suggestion}`
        throw new ApiError('invalid_parameter', { parameter: name, detail })
      }
      reply.header(IGNORED_PARAMETERS_HEADER, ignored.map(encodeURIComponent).join(','))
      if (suggestions.length > 0) {
        const pairs = suggestions.map((pair) => pair.map(encodeURIComponent).join('='))
        reply.header(SUGGESTIONS_HEADER, pairs.join(','))
      }
      const didYouMean = Object.fromEntries(suggestions)
      request.log.info({ ignored, didYouMean }, 'parameters the endpoint does not take')
    }
    request.apiParams = checkParams(endpoint, raw)
  }
}

/** The parameters of each endpoint, typed as the request contract compiled them. */
interface RequestOf {
  login: LoginRequest
  eventList: EventListRequest
  audienceReport: AudienceReportRequest
}

/**
 * A route's parameters, typed by its request contract: {@link checkRequest} has checked them
 * against that very contract before any handler runs.
 *
 * @example
 * const { username, password } = paramsOf(request, 'login')
 */
export function paramsOf<E extends keyof RequestOf> (request: FastifyRequest, _endpoint: E): RequestOf[E] {
  const checked: Readonly<Record<string, string>> = request.apiParams
  return checked as Partial<RequestOf[E]> as RequestOf[E]
}
