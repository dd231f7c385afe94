import type { FastifyInstance } from 'fastify'
import { EventListRequestSchema } from '../../contracts/request-schemas.js'
import { CONTENT_TYPES } from '../../contracts/wire-format.js'
import { canView } from '../../fixtures/dataset.js'
import { renderSuccess } from '../render/envelope.js'
import { eventListPayload } from '../render/event-list-payload.js'
import { requireSession } from '../require-session.js'
import { audienceReportRoutes } from './audience-reports.js'
import { envelopeHeader, type ServerContext } from '../server-context.js'

/**
 * `/api/reporting/…`: every route here needs a session, checked once for the whole scope.
 * `eventlist` (XML) and `eventlist/json` list every event the account may view, expired ones
 * included, over GET or POST; the audience reports are in `audience-reports.ts`.
 */
export async function reportingRoutes (app: FastifyInstance, options: { context: ServerContext }): Promise<void> {
  const { context } = options
  requireSession(app, context)
  for (const format of ['xml', 'json'] as const) {
    const url = format === 'xml' ? '/api/reporting/eventlist' : '/api/reporting/eventlist/json'
    app.route({
      method: ['GET', 'POST'],
      url,
      config: { format, requestContract: EventListRequestSchema, responseContract: 'eventlist-response.json' },
      handler: async (request, reply) => {
        const account = request.account
        const events = account === null ? [] : context.dataset.events.filter((event) => canView(account, event.id))
        return reply.type(CONTENT_TYPES[format]).send(renderSuccess(format, envelopeHeader(context.clock), eventListPayload(events)))
      },
    })
  }
  audienceReportRoutes(app, context)
}
