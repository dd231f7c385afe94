import { Readable } from 'node:stream'
import type { FastifyInstance } from 'fastify'
import { AudienceReportRequestSchema } from '../../contracts/request-schemas.js'
import { CONTENT_TYPES } from '../../contracts/wire-format.js'
import { canView } from '../../fixtures/dataset.js'
import { ApiError } from '../api-error.js'
import { inBatches, writeReport } from '../render/report-formats.js'
import { readReportQuery } from '../report/report-query.js'
import { selectRegistrants } from '../report/select-registrants.js'
import { envelopeHeader, type ServerContext } from '../server-context.js'
import { wireTimeFormatter } from '../wire-time.js'

const PATHS = {
  xml: '/api/reporting/audience_reports',
  json: '/api/reporting/audience_reports/json',
  csv: '/api/reporting/audience_reports/csv',
} as const

/**
 * `audience_reports` (XML), `/json` and `/csv`, over GET or POST: the registrants of one event
 * that pass every filter sent. Every error is found before the first byte; then the report
 * streams, and stops being generated when the client goes away.
 * Registered inside the reporting scope, so a session is already checked.
 */
export function audienceReportRoutes (app: FastifyInstance, context: ServerContext): void {
  for (const format of ['xml', 'json', 'csv'] as const) {
    app.route({
      method: ['GET', 'POST'],
      url: PATHS[format],
      config: { format, requestContract: AudienceReportRequestSchema },
      handler: async (request, reply) => {
        const query = readReportQuery(request.apiParams)
        const event = context.dataset.eventById(query.eventId)
        if (event === undefined) throw new ApiError('event_not_found', { parameter: 'ei', detail: `(${query.eventId})` })
        if (request.account === null || !canView(request.account, event.id)) throw new ApiError('event_forbidden', { parameter: 'ei' })
        const pieces = writeReport(format, {
          header: envelopeHeader(context.clock, query.zone),
          event,
          registrants: selectRegistrants(event, query.predicates),
          formatTime: wireTimeFormatter(query.zone),
        })
        return reply.type(CONTENT_TYPES[format]).send(Readable.from(inBatches(pieces), { objectMode: false }))
      },
    })
  }
}
