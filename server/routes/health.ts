import type { FastifyInstance } from 'fastify'
import packageJson from '../../package.json' with { type: 'json' }
import { CONTENT_TYPES } from '../../contracts/wire-format.js'
import { healthPayload } from '../render/health-payload.js'
import { routeEndpoint } from './endpoint-routes.js'

/**
 * `GET /_mock/health`: answers 200 while the mock serves, for readiness checks (a container's
 * `HEALTHCHECK`, a CI step waiting for the mock). While the mock shuts down it answers
 * `shutting_down` (503) like every other path.
 */
export async function healthRoutes (app: FastifyInstance): Promise<void> {
  const body = healthPayload(packageJson.version)
  routeEndpoint(app, 'health', (format) => async (_request, reply) => reply.type(CONTENT_TYPES[format]).send(body))
}
