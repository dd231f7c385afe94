import type { FastifyInstance } from 'fastify'
import { ENDPOINTS, pathOf } from '../../contracts/endpoints.js'
import { PARAMETER_KINDS, PARAMETERS, parametersOf, type ParameterDefinition } from '../../contracts/parameters.js'
import { isExpiredAsOf } from '../../fixtures/as-of.js'
import type { Dataset, WebcastEvent } from '../../fixtures/dataset.js'
import type { Registrant } from '../../fixtures/registrant.js'
import type { Clock } from '../time/clock.js'
import { refuseUnlessAllowed } from './control-access.js'
import { eachRegistrant, eventStats, type EventStats } from './event-stats.js'

/** What the console's data routes read. */
export interface DataApiOptions {
  /** The data served now: read on every request, since fixtures may be loaded while the mock runs. */
  readonly data: { readonly dataset: Dataset }
  /** The moment the data stands at (`startMock`'s `clock.dataNow`). */
  readonly dataClock: Clock
  /** As for the control API: other machines need it as `Authorization: Bearer TOKEN`. */
  readonly token?: string
}

/** A data route's failure: an HTTP status, a stable code and a sentence, as the control API answers. */
class DataError extends Error {
  constructor (readonly status: number, readonly code: string, message: string) {
    super(message)
  }
}

/** The most registrants one page holds. */
const MAX_PAGE = 200

/** Counts kept per moment counted: a large event is read once for each. */
const STATS_KEPT = 16

/** One event as the console lists it; times ISO 8601 in UTC. */
export interface EventRow {
  readonly id: string
  readonly title: string
  readonly kind: WebcastEvent['kind']
  readonly liveStart: string
  readonly liveEnd: string
  readonly simliveStart: string | null
  readonly simliveEnd: string | null
  readonly expired: boolean
  readonly registrants: number
}

/** One registrant as the console's table shows it, as of the data's moment. */
interface RegistrantRow {
  readonly index: number
  readonly email: string
  readonly name: string
  readonly company: string
  readonly registered: string
  readonly sti: string | null
  readonly sessions: readonly string[]
  readonly minutes: number
  readonly questions: number
  readonly surveys: number
}

/** A page of registrants: `total` is `null` while a search has not read to the end. */
export interface RegistrantPage {
  readonly offset: number
  readonly limit: number
  readonly q: string
  readonly rows: readonly RegistrantRow[]
  readonly total: number | null
  readonly more: boolean
}

/** One field of the report form, from the parameter registry. */
export interface FormParameter {
  readonly name: string
  readonly kind: string
  readonly required: boolean
  readonly filter: boolean
  readonly secret: boolean
  readonly summary: string
  /** What a value looks like, in words. */
  readonly format: string
  readonly pattern: string | null
  /** The only values it takes, when the registry lists them. */
  readonly allowed: readonly string[] | null
  readonly default: string | null
  readonly conflicts: readonly string[]
}

/** What the report form is built from. */
export interface ReportForm {
  readonly formats: readonly string[]
  readonly paths: Readonly<Record<string, string>>
  readonly parameters: readonly FormParameter[]
}

const iso = (ms: number): string => new Date(ms).toISOString()
const isoOrNull = (ms: number | undefined): string | null => (ms === undefined ? null : iso(ms))

function eventRow (event: WebcastEvent, now: number): EventRow {
  return {
    id: event.id,
    title: event.title,
    kind: event.kind,
    liveStart: iso(event.schedStart),
    liveEnd: iso(event.schedEnd),
    simliveStart: isoOrNull(event.simliveStart),
    simliveEnd: isoOrNull(event.simliveEnd),
    expired: isExpiredAsOf(event, now),
    registrants: event.registrantCount,
  }
}

function registrantRow (registrant: Registrant, index: number): RegistrantRow {
  return {
    index,
    email: registrant.email,
    name: `${registrant.fname} ${registrant.lname}`.trim(),
    company: registrant.company,
    registered: iso(registrant.regDate),
    sti: registrant.sti ?? null,
    sessions: registrant.sessions.map((session) => session.kind),
    minutes: Math.round(registrant.sessions.reduce((sum, s) => sum + s.end - s.start, 0) / 60_000),
    questions: registrant.questions.length,
    surveys: registrant.surveys.length,
  }
}

const matches = (registrant: Registrant, needle: string): boolean =>
  [registrant.email, registrant.fname, registrant.lname, registrant.company]
    .some((field) => field.toLowerCase().includes(needle))

function wholeNumber (query: Readonly<Record<string, string | undefined>>, name: string, fallback: number): number {
  const text = query[name]
  if (text === undefined || text === '') return fallback
  if (!/^\d{1,9}$/.test(text)) throw new DataError(400, 'invalid_query', `${name} must be a whole number, not "${text}"`)
  return Number(text)
}

/** The audience report's parameters as the console's report form needs them, from the registry. */
function reportForm (): ReportForm {
  const endpoint = ENDPOINTS.audienceReport
  return {
    formats: endpoint.formats,
    paths: Object.fromEntries(endpoint.formats.map((format) => [format, pathOf(endpoint, format)])),
    parameters: parametersOf('audienceReport').map((name) => {
      const definition: ParameterDefinition = PARAMETERS[name]
      const kind = PARAMETER_KINDS[definition.kind]
      return {
        name,
        kind: definition.kind,
        required: definition.endpoints.audienceReport === 'required',
        filter: definition.filter === true,
        secret: definition.secret,
        summary: definition.summary,
        format: kind.description,
        pattern: 'pattern' in kind ? kind.pattern : null,
        allowed: 'enum' in kind ? kind.enum : null,
        default: definition.default ?? null,
        conflicts: definition.conflicts ?? [],
      }
    }),
  }
}

/**
 * What the console shows of the mock's data, under `/_mock/data/`, in JSON: the events with
 * their windows, each event's counts and viewing over time (`/stats`), its registrants a page
 * at a time (`/registrants?offset=&limit=&q=`), the report form derived from the parameter
 * registry (`/report-form`) and the demo login (`/login`). A large event is read a slice per
 * turn of the event loop and never held whole. Same rule as the control API: this machine only,
 * unless a token is given.
 *
 * @example
 * curl 'localhost:4010/_mock/data/events/4851630/registrants?q=acme&limit=20'
 */
export async function dataApiRoutes (app: FastifyInstance, options: DataApiOptions): Promise<void> {
  const { data, dataClock, token } = options
  const stats = new Map<string, Promise<EventStats>>()
  app.setErrorHandler(async (error, _request, reply) => {
    const known = error instanceof DataError ? error : new DataError(500, 'internal_error', (error as Error).message)
    return await reply.code(known.status).send({ error: { code: known.code, message: known.message } })
  })
  app.addHook('onRequest', refuseUnlessAllowed(token))

  const eventOf = (id: string): WebcastEvent => {
    const event = data.dataset.eventById(id)
    if (event === undefined) throw new DataError(404, 'unknown_event', `no event has the id ${id}`)
    return event
  }

  app.get('/_mock/data/events', async () => {
    const now = dataClock()
    return { asOf: iso(now), events: data.dataset.events.map((event) => eventRow(event, now)) }
  })

  app.get<{ Params: { id: string } }>('/_mock/data/events/:id/stats', async (request) => {
    const event = eventOf(request.params.id)
    const now = dataClock()
    const key = `${event.id}@${now}`
    let counted = stats.get(key)
    if (counted === undefined) {
      counted = eventStats(event, now)
      stats.set(key, counted)
      if (stats.size > STATS_KEPT) stats.delete(stats.keys().next().value ?? key)
    }
    return await counted
  })

  app.get<{ Params: { id: string }, Querystring: Record<string, string | undefined> }>(
    '/_mock/data/events/:id/registrants',
    async (request): Promise<RegistrantPage> => {
      const event = eventOf(request.params.id)
      const offset = wholeNumber(request.query, 'offset', 0)
      const limit = Math.min(MAX_PAGE, Math.max(1, wholeNumber(request.query, 'limit', 50)))
      const needle = (request.query.q ?? '').trim().toLowerCase()
      const now = dataClock()
      const rows: RegistrantRow[] = []
      if (needle === '') {
        const end = Math.min(event.registrantCount, offset + limit)
        if (offset < end) {
          await eachRegistrant(event, offset, now, (registrant, index) => {
            rows.push(registrantRow(registrant, index))
            return index + 1 < end
          })
        }
        return { offset, limit, q: '', rows, total: event.registrantCount, more: end < event.registrantCount }
      }
      const seen = { skipped: 0, more: false }
      await eachRegistrant(event, 0, now, (registrant, index) => {
        if (!matches(registrant, needle)) return true
        if (seen.skipped < offset) seen.skipped++
        else if (rows.length < limit) rows.push(registrantRow(registrant, index))
        else seen.more = true
        return !seen.more
      })
      return { offset, limit, q: needle, rows, total: seen.more ? null : seen.skipped + rows.length, more: seen.more }
    },
  )

  app.get('/_mock/data/report-form', async () => reportForm())

  app.get('/_mock/data/login', async () => {
    const admin = data.dataset.accounts[0]
    if (admin === undefined) throw new DataError(404, 'no_account', 'the dataset has no account to log in with')
    return { username: admin.username, password: admin.password }
  })
}
