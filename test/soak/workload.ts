import { createDataset } from '../../fixtures/create-dataset.js'
import { parseEventSpec } from '../../fixtures/event-specs.js'
import type { Dataset } from '../../fixtures/dataset.js'

/**
 * The large event the soak adds to the default dataset, as `--add-event` takes it: above the
 * size that is rendered whole, so it streams.
 */
export const LARGE_EVENT = '50000:live_simlive'

/** One request of the mix and what a correct answer to it is. */
export interface SoakRequest {
  /** Groups the figures: `login`, `eventlist`, `report-small`, `report-large`, `bad`. */
  readonly kind: 'login' | 'eventlist' | 'report-small' | 'report-large' | 'bad'
  readonly method: 'GET' | 'POST' | 'PUT'
  /** Path and query, after the origin. */
  readonly path: string
  readonly body?: string
  /** The HTTP status a correct server answers with. */
  readonly status: number
  /** Text the end of a correct body contains: the success code, or the expected error code. */
  readonly expect: RegExp
}

/** What the mix needs to build requests: a session and the events to ask about. */
export interface SoakSession {
  readonly si: string
  readonly ui: string
  readonly username: string
  readonly password: string
}

const SUCCESS = {
  xml: /<returnCode>1<\/returnCode>[\s\S]*<\/convey_api>\n$/,
  json: /"returnCode":"1"[\s\S]*\}$/,
  csv: /^email,fname,/,
}
const FILTERS = [
  '', '&no_shows=on', '&live_viewers=on', '&incl_domain=acme.com|gmail.com', '&excl_domain=gmail.com',
  '&tz=America/New_York', '&date_range_start=03/01/2026&date_range_end=03/31/2026', '&od_viewers=on&dr_regs=off',
]

/** The same dataset the soaked server serves (`--add-event` of {@link LARGE_EVENT}), to know its events' sizes. */
export function soakDataset (): Dataset {
  const spec = parseEventSpec(LARGE_EVENT, 0)
  return createDataset({ seed: 1, extraEvents: spec === undefined ? [] : [spec] })
}

/**
 * Picks the next request of the mix from a number in [0, 1): about 15 % logins, 15 % event
 * lists, 50 % reports of small events in every format with a filter, 2 % reports of the large
 * event, 18 % bad requests of seven kinds, each with the error it must get.
 */
export function pickRequest (dataset: Dataset, session: SoakSession, draw: () => number): SoakRequest {
  const auth = `si=${session.si}&ui=${session.ui}`
  const pick = <T>(items: readonly T[]): T => items[Math.floor(draw() * items.length)] as T
  const roll = draw()
  if (roll < 0.15) {
    return {
      kind: 'login',
      method: 'GET',
      path: `/api/login/json?ver=2.0&username=${encodeURIComponent(session.username)}&password=${session.password}`,
      status: 200,
      expect: SUCCESS.json,
    }
  }
  if (roll < 0.30) {
    const format = pick(['xml', 'json'] as const)
    return {
      kind: 'eventlist',
      method: format === 'xml' ? 'GET' : 'POST',
      path: `/api/reporting/eventlist${format === 'json' ? '/json' : ''}${format === 'xml' ? `?${auth}` : ''}`,
      ...(format === 'json' ? { body: auth } : {}),
      status: 200,
      expect: SUCCESS[format],
    }
  }
  if (roll >= 0.82) return pick(badRequests(auth))
  const format = pick(['xml', 'json', 'csv'] as const)
  const report = `/api/reporting/audience_reports${format === 'xml' ? '' : `/${format}`}?ver=2.0&${auth}`
  if (roll < 0.80) {
    const event = pick(dataset.events.slice(0, -1))
    return {
      kind: 'report-small',
      method: 'GET',
      path: `${report}&ei=${event.id}${pick(FILTERS)}`,
      status: 200,
      expect: SUCCESS[format],
    }
  }
  // Added events come after the default ones: the large one is the last.
  const large = dataset.events.at(-1)
  return {
    kind: 'report-large',
    method: 'GET',
    path: `${report}&ei=${large?.id ?? ''}${pick(FILTERS)}`,
    status: 200,
    expect: SUCCESS[format],
  }
}

function badRequests (auth: string): SoakRequest[] {
  const bad = (path: string, code: string, status = 200, method: SoakRequest['method'] = 'GET'): SoakRequest =>
    ({ kind: 'bad', method, path, status, expect: new RegExp(`"code":"${code}"|<code>${code}</code>`) })
  return [
    bad('/api/login/json?ver=2.0&username=demo@example.com&password=wrong', 'invalid_credentials'),
    bad(`/api/reporting/eventlist/json?si=${'0'.repeat(40)}&ui=${'0'.repeat(40)}`, 'invalid_session'),
    bad(`/api/reporting/audience_reports/json?ver=2.0&${auth}&ei=1234567`, 'event_not_found'),
    bad(`/api/reporting/audience_reports?ver=2.0&${auth}&ei=4851630&tz=Mars/Olympus`, 'invalid_parameter'),
    bad(`/api/reporting/audience_reports/json?ver=2.0&${auth}&ei=4851630&date_range_start=13/45/2026`,
      'invalid_parameter'),
    bad('/api/nothing/here', 'unknown_path', 404),
    bad('/api/login/json?ver=2.0', 'method_not_allowed', 405, 'PUT'),
  ]
}
