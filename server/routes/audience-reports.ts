import { Readable } from 'node:stream'
import type { FastifyInstance } from 'fastify'
import { isSecret } from '../../contracts/parameters.js'
import { CONTENT_TYPES } from '../../contracts/wire-format.js'
import { canView } from '../../fixtures/dataset.js'
import { ApiError } from '../http/api-error.js'
import { writeReport } from '../render/report-formats.js'
import { routeEndpoint } from './endpoint-routes.js'
import { ReportCache } from '../report/report-cache.js'
import { readReportQuery } from '../report/report-query.js'
import { selectRegistrants } from '../report/select-registrants.js'
import { takingTurns } from '../report/taking-turns.js'
import { envelopeHeader, type ServerContext } from '../http/server-context.js'
import { wallClockOf } from '../../contracts/wire-time.js'

const CACHE_BYTES = 64 * 1024 * 1024

/**
 * What makes two requests ask for the same report body: every parameter but the secrets, the
 * moment the data stands at, and the generation of the data served (a fixture loaded, an event
 * removed: no body of the data before is served after).
 */
function cacheKey (format: string, params: Readonly<Record<string, string>>, now: number, generation: number): string {
  const names = Object.keys(params).filter((name) => !isSecret(name)).sort()
  return JSON.stringify([format, now, generation, ...names.map((name) => [name, params[name]])])
}

function * headThenBody (head: string, body: Iterable<Buffer>): Generator<Buffer, void, undefined> {
  yield Buffer.from(head)
  yield * body
}

/**
 * `audience_reports` (XML), `/json` and `/csv`, over GET or POST: the registrants of one event
 * that pass every filter sent. Every error is found before the first byte. A report of a small
 * event is rendered whole and its body cached for the next identical query; a large one
 * streams, and stops being generated when the client goes away.
 * Registered inside the reporting scope, so a session is already checked.
 */
export async function audienceReportRoutes (app: FastifyInstance, options: { context: ServerContext }): Promise<void> {
  const { context } = options
  const cache = new ReportCache(CACHE_BYTES)
  routeEndpoint(app, 'audienceReport', (format) => async (request, reply) => {
    const query = readReportQuery(request.apiParams)
    const { dataset, generation } = context.data
    const event = dataset.eventById(query.eventId)
    if (event === undefined) throw new ApiError('event_not_found', { parameter: 'ei', detail: `(${query.eventId})` })
    if (request.account === null || !canView(request.account, event.id)) {
      throw new ApiError('event_forbidden', { parameter: 'ei' })
    }
    const now = context.dataClock()
    const { head, body } = writeReport(format, {
      header: envelopeHeader(context.clock, query.zone),
      event,
      registrants: selectRegistrants(event, query.predicates, now),
      wallClock: wallClockOf(query.zone),
    })
    reply.type(CONTENT_TYPES[format])
    if (event.registrantCount > context.streamReportsAbove) {
      const slots = context.streamingReports
      if (!slots.tryTake()) {
        reply.header('retry-after', '1')
        throw new ApiError('server_busy', { detail: `(${slots.inUse} in flight)` })
      }
      reply.raw.once('close', slots.release)
      return reply.send(Readable.from(takingTurns(headThenBody(head, body)), { objectMode: false }))
    }
    const key = cacheKey(format, request.apiParams, now, generation)
    let rendered = cache.get(key)
    if (rendered === undefined) {
      rendered = Buffer.concat([...body])
      cache.set(key, rendered)
    }
    return reply.send(Buffer.concat([Buffer.from(head), rendered]))
  })
}
