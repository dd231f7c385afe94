import type { FastifyInstance } from 'fastify'
import { isSecret, PARAMETERS, parametersOf } from '../../contracts/parameters.js'
import { CONTENT_TYPES } from '../../contracts/wire-format.js'
import { canView } from '../../fixtures/dataset.js'
import { ApiError } from '../http/api-error.js'
import { sessionAccount } from '../http/require-session.js'
import { offerToLane } from '../http/served-again.js'
import { writeReport, type ReportParts } from '../render/report-formats.js'
import { routeEndpoint } from './endpoint-routes.js'
import { ReportCache } from '../report/report-cache.js'
import { readReportQuery } from '../report/report-query.js'
import { selectRegistrants } from '../report/select-registrants.js'
import { takingTurns } from '../report/taking-turns.js'
import { envelopeHeader, type ServerContext } from '../http/server-context.js'
import { formatWireTime, wallClockOf } from '../../contracts/wire-time.js'

const CACHE_BYTES = 64 * 1024 * 1024

/** The parameters that make a report what it is: every one but the secrets, in registry order. */
const REPORT_DEFINING = parametersOf('audienceReport').filter((name) => !isSecret(name))

/**
 * What makes two requests ask for the same report body: the format, the moment the data stands
 * at, the generation of the data served (a fixture loaded, an event removed: no body of the data
 * before is served after), and every parameter but the secrets (a name the registry does not know
 * counts as secret, and never reaches `apiParams`).
 */
function cacheKey (format: string, params: Readonly<Record<string, string>>, now: number, generation: number): string {
  return JSON.stringify([format, now, generation, ...REPORT_DEFINING.map((name) => params[name] ?? null)])
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
    const params = request.apiParams
    const now = context.dataClock()
    const { dataset, generation } = context.data
    const key = cacheKey(format, params, now, generation)
    // A query answered from the cache passed every check of its parameters when it was first
    // answered, and they cannot have changed since: only the event and the account are checked.
    const checked = cache.has(key) ? undefined : readReportQuery(params)
    const eventId = params.ei ?? ''
    const event = dataset.eventById(eventId)
    if (event === undefined) throw new ApiError('event_not_found', { parameter: 'ei', detail: `(${eventId})` })
    if (request.account === null || !canView(request.account, event.id)) {
      throw new ApiError('event_forbidden', { parameter: 'ei' })
    }
    const zone = checked?.zone ?? params.tz ?? PARAMETERS.tz.default
    const header = envelopeHeader(context.clock, zone)
    const render = (): ReportParts => writeReport(format, {
      header,
      event,
      registrants: selectRegistrants(event, (checked ?? readReportQuery(params)).predicates, now),
      wallClock: wallClockOf(zone),
    })
    reply.type(CONTENT_TYPES[format])
    if (event.registrantCount > context.streamReportsAbove) {
      const slots = context.streamingReports
      if (!slots.tryTake()) {
        reply.header('retry-after', '1')
        throw new ApiError('server_busy', { detail: `(${slots.inUse} in flight)` })
      }
      reply.raw.once('close', slots.release)
      const { head, body } = render()
      return reply.send(takingTurns(headThenBody(head, body)))
    }
    const answer = cache.answer(key, header.currentDateTime, render)
    // A query asked once is no sign it will be asked again: only one answered from the cache goes
    // to the lane, so that a stream of unique queries costs the lane nothing.
    if (checked !== undefined) return reply.send(answer)
    const stamp = header.currentDateTime
    // What the answer was made from, besides its parameters: the data at its moment, the second
    // the envelope shows, a live session whose account may see the event.
    offerToLane(context.servedAgain, request, reply, answer, () => {
      if (context.data.generation !== generation || context.dataClock() !== now) return undefined
      if (formatWireTime(context.clock(), zone) !== stamp) return undefined
      const account = sessionAccount(context, params.si, params.ui)
      return typeof account === 'string' || !canView(account, eventId) ? undefined : account
    })
    return reply.send(answer)
  })
}

