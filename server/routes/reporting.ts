import type { FastifyInstance } from 'fastify'
import { requireSession } from '../http/require-session.js'
import type { ServerContext } from '../http/server-context.js'
import { audienceReportRoutes } from './audience-reports.js'
import { eventListRoutes } from './event-list.js'

/**
 * `/api/reporting/…`: every route here needs a session, checked once for the whole scope
 * (Fastify's encapsulation), and the event list and audience reports are plugins inside it.
 */
export async function reportingRoutes (app: FastifyInstance, options: { context: ServerContext }): Promise<void> {
  requireSession(app, options.context)
  await app.register(eventListRoutes, options)
  await app.register(audienceReportRoutes, options)
}
