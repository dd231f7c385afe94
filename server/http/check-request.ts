import type { FastifyReply, FastifyRequest } from 'fastify'
import type { AudienceReportRequest, EventListRequest, LoginRequest } from '../../contracts/response-types.js'
import { parametersOf } from '../../contracts/parameters.js'
import { checkParams, collectParams } from './request-params.js'

/** The header that lists, percent-encoded and comma-separated, every parameter an endpoint ignored. */
const IGNORED_PARAMETERS_HEADER = 'x-webcast-mock-ignored'

/**
 * A `preValidation` hook: checks the parameters of any route that serves an endpoint,
 * keeps them on `request.apiParams`, and lists the parameters the endpoint does not know in
 * {@link IGNORED_PARAMETERS_HEADER}, so that a typo such as `excl_domains` is visible.
 */
export async function checkRequest (request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const endpoint = request.routeOptions.config.endpoint
  if (endpoint === undefined) return
  const raw = collectParams(request)
  const known = new Set<string>(parametersOf(endpoint))
  const ignored = Object.keys(raw).filter((name) => !known.has(name))
  if (ignored.length > 0) reply.header(IGNORED_PARAMETERS_HEADER, ignored.map(encodeURIComponent).join(','))
  request.apiParams = checkParams(endpoint, raw)
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
