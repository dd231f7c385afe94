import type { FastifyInstance } from 'fastify'
import packageJson from '../../package.json' with { type: 'json' }
import { CONTENT_TYPES } from '../../contracts/wire-format.js'
import { openApiPayload } from '../render/openapi-payload.js'
import { routeEndpoint } from './endpoint-routes.js'

/**
 * `GET /_mock/openapi.json`: the OpenAPI 3.1 document of every endpoint, format, parameter and
 * error, for tools that read one (client generators, API explorers, request validators). It
 * depends on the registries alone, so it is built once per server, when first asked for: not
 * every start needs it.
 */
export async function openApiRoutes (app: FastifyInstance): Promise<void> {
  let body: string | undefined
  routeEndpoint(app, 'openapi', (format) => async (_request, reply) =>
    reply.type(CONTENT_TYPES[format]).send(body ??= openApiPayload(packageJson.version)))
}
