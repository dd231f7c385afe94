import type { FastifyReply, FastifyRequest } from 'fastify'
import { checkParams, collectParams } from './request-params.js'

/** The header that lists, percent-encoded and comma-separated, every parameter an endpoint ignored. */
export const IGNORED_PARAMETERS_HEADER = 'x-webcast-mock-ignored'

/**
 * A `preValidation` hook: checks the parameters of any route that names a request contract,
 * keeps them on `request.apiParams`, and lists the parameters the endpoint does not know in
 * {@link IGNORED_PARAMETERS_HEADER}, so that a typo such as `excl_domains` is visible.
 */
export async function checkRequest (request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const contract = request.routeOptions.config.requestContract
  if (contract === undefined) return
  const raw = collectParams(request)
  const ignored = Object.keys(raw).filter((name) => !Object.hasOwn(contract.properties, name))
  if (ignored.length > 0) reply.header(IGNORED_PARAMETERS_HEADER, ignored.map(encodeURIComponent).join(','))
  request.apiParams = checkParams(contract, raw)
}
