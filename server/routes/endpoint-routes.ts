import type { FastifyInstance, RouteHandlerMethod } from 'fastify'
import { ENDPOINTS, pathOf, type EndpointName } from '../../contracts/endpoints.js'

/**
 * Routes one endpoint of the registry (`contracts/endpoints.ts`): a route per format, at the
 * format's path, for the endpoint's methods. The endpoint rides in the route's config, so that
 * `check-request.ts` checks its parameters and the self-check its answers.
 *
 * @example
 * routeEndpoint(app, 'eventList', (format) => async (request, reply) => reply.send(…))
 */
export function routeEndpoint<E extends EndpointName> (
  app: FastifyInstance,
  name: E,
  handlerFor: (format: (typeof ENDPOINTS)[E]['formats'][number]) => RouteHandlerMethod,
): void {
  const endpoint = ENDPOINTS[name]
  for (const format of endpoint.formats) {
    const url = pathOf(endpoint, format)
    app.route({ method: [...endpoint.methods], url, config: { format, endpoint: name }, handler: handlerFor(format) })
  }
}
