import type { FastifyInstance } from 'fastify'
import { CONTENT_TYPES } from '../../contracts/wire-format.js'
import { canView } from '../../fixtures/dataset.js'
import { envelopeHeader, type ServerContext } from '../http/server-context.js'
import { renderSuccess } from '../render/envelope.js'
import { eventListPayload } from '../render/event-list-payload.js'
import { routeEndpoint } from './endpoint-routes.js'

/**
 * `eventlist` (XML) and `eventlist/json`, over GET or POST: every event the account may view,
 * expired ones included. Registered inside the reporting scope, so a session is already checked.
 */
export async function eventListRoutes (app: FastifyInstance, options: { context: ServerContext }): Promise<void> {
  const { context } = options
  routeEndpoint(app, 'eventList', (format) => async (request, reply) => {
    const account = request.account
    const events = account === null ? [] : context.data.dataset.events.filter((event) => canView(account, event.id))
    const body = renderSuccess(format, envelopeHeader(context.clock), eventListPayload(events, context.dataClock()))
    return reply.type(CONTENT_TYPES[format]).send(body)
  })
}
