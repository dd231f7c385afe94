import { emailDomain } from '../../contracts/filter-semantics.js'
import type {
  FixtureEvent, FixtureFile, FixtureGenerate, FixtureProportions, FixtureRegistrant, FixtureSession,
} from '../../contracts/fixture-types.generated.js'
import type { Format } from '../../contracts/wire-format.js'
import { reportFromTree } from '../../client/audience-report.js'
import { readingOf, type Reading } from '../../client/drift/readings.js'
import { eventsFromTree } from '../../client/event-list.js'
import { fieldOf, textOf } from '../../client/lenient.js'
import { decodeAnswer } from '../../client/wire.js'
import { byFrequency, profileOf, timingOf } from './audience-profile.js'
import { formatOf } from './exchange.js'
import { readRecording, type RecordedExchange } from './recorder.js'

/** A recording fixtures cannot be learned from: the message says why. */
export class LearnError extends Error {
  override readonly name = 'LearnError'
}

/** What `learnFixtures` reads and how. */
export interface LearnOptions {
  /** The folder `webcast-mock proxy --record` wrote. */
  readonly recording: string
  /** Event titles become `Event ID`. */
  readonly redactTitles: boolean
  /** The recorded (redacted) registrants are kept one by one, instead of a generator profile. */
  readonly keepRegistrants: boolean
}

const FIVE_MINUTES = 5 * 60_000
/** The most email domains a profile lists, the most frequent; registrants of the others get these. */
const MOST_DOMAINS = 100

/**
 * The generator's chances that give an audience this profile: each way of watching among the
 * registrants who could (registered before the live or sim-live window's last five minutes, as
 * the generator has it), drawn each on its own, so no-shows follow from them; questions among
 * live and sim-live viewers, survey answers among viewers, an `sti` among registrants.
 */
function chancesOf (readings: readonly Reading[], liveEnd: number, simliveEnd: number | undefined):
FixtureProportions {
  const { fractions } = profileOf(readings)
  const share = (part: number, whole: number): number =>
    (whole === 0 ? 0 : Math.min(1, Math.round(part / whole * 1000) / 1000))
  const could = (end: number | undefined): number => (end === undefined
    ? 0
    : readings.filter((r) => r.subject.regDate < end - FIVE_MINUTES).length)
  const watched = (kind: string): number =>
    readings.filter((r) => r.subject.sessions.some((s) => s.kind === kind)).length
  return {
    live: share(watched('live'), could(liveEnd)),
    simlive: share(watched('simlive'), could(simliveEnd)),
    on_demand: fractions.on_demand ?? 0,
    qa: fractions.qa ?? 0,
    survey: fractions.survey ?? 0,
    sti: fractions.sti ?? 0,
  }
}

/** A successful answer's decoded tree, or undefined. */
function successTree (exchange: RecordedExchange, format: Format): unknown {
  if (exchange.response.truncated || format === 'csv') return undefined
  try {
    const tree = decodeAnswer(format, exchange.response.body)
    const returnCode = textOf(fieldOf(fieldOf(fieldOf(tree, 'convey_api'), 'result'), 'returnCode'))
    return returnCode === '1' ? tree : undefined
  } catch {
    return undefined
  }
}

const REQUEST_ONLY = new Set(['ver', 'si', 'ui', 'ei'])
const isoOf = (instant: number): string => new Date(instant).toISOString().replace(/\.\d{3}Z$/, 'Z')
const isoOfWire = (wire: string): string => `${wire.replace(' ', 'T')}Z`

/**
 * A fixture file (`contracts/fixtures.schema.json`, `mode: replace`) learned from a recording:
 * each event of a recorded event list whose unfiltered report (XML or JSON, in GMT) was recorded
 * too, with its id, window and expiry as recorded, its kind from the ways its registrants
 * watched, and either a generator profile (the count and proportions of the report) or the
 * recorded registrants themselves. Throws a {@link LearnError} when the recording has no such
 * event.
 *
 * @example
 * writeFileSync('team.json', learnFixtures({ recording: 'rec', redactTitles: true, keepRegistrants: false }))
 */
export function learnFixtures (options: LearnOptions): string {
  let exchanges
  try {
    exchanges = readRecording(options.recording)
  } catch (error) {
    throw new LearnError(`cannot read the recording ${options.recording}: ` +
      ((error as NodeJS.ErrnoException).code ?? (error as Error).message))
  }
  const listed = new Map<string, ReturnType<typeof eventsFromTree>[number]>()
  const reports = new Map<string, Reading[]>()
  for (const exchange of exchanges) {
    const format = formatOf(exchange.request)
    const tree = successTree(exchange, format)
    if (tree === undefined || format === 'csv') continue
    if (exchange.request.path.startsWith('/api/reporting/eventlist')) {
      for (const event of eventsFromTree(tree)) listed.set(event.id, event)
    }
    const params = Object.fromEntries(exchange.request.params)
    const unfiltered = Object.keys(params).every((name) => REQUEST_ONLY.has(name))
    if (exchange.request.path.startsWith('/api/reporting/audience_reports') && unfiltered && params.ei !== undefined) {
      reports.set(params.ei, reportFromTree(format, tree).attendees.map(readingOf))
    }
  }
  const events = [...listed.values()].filter((event) => reports.has(event.id)).map((event) =>
    learnedEvent(event, reports.get(event.id) ?? [], options))
  if (events.length === 0) {
    throw new LearnError(`${options.recording} holds no event list with the unfiltered XML or JSON report of one ` +
      'of its events: record GET /reporting/eventlist and /reporting/audience_reports?ei=ID through the proxy')
  }
  const file: FixtureFile = { mode: 'replace', events }
  return `${JSON.stringify(file, null, 2)}\n`
}

function learnedEvent (
  event: ReturnType<typeof eventsFromTree>[number],
  readings: readonly Reading[],
  options: LearnOptions,
): FixtureEvent {
  const sessions = readings.flatMap((r) => r.subject.sessions)
  const simlive = sessions.filter((s) => s.kind === 'simlive')
  const kind = simlive.length > 0
    ? 'live_simlive'
    : sessions.some((s) => s.kind === 'live') || sessions.length === 0 ? 'live' : 'on_demand'
  const stiCounts = byFrequency(readings.flatMap((r) => r.subject.sti ?? []))
  const sti = stiCounts.map(([value]) => value)
  const simliveEnd = simlive.length === 0 ? undefined : Math.max(...simlive.map((s) => s.end))
  const liveStart = Date.parse(isoOfWire(event.sched_start))
  const timing = timingOf(readings, liveStart)
  const minutes = Object.entries({ live: timing.minutes.live, simlive: timing.minutes.simlive,
    on_demand: timing.minutes.od }).filter((entry): entry is [string, number] => entry[1] !== undefined)
  const domains = byFrequency(readings.map((r) => emailDomain(r.email)).filter((domain) => domain !== ''))
    .slice(0, MOST_DOMAINS)
  const generate: FixtureGenerate = {
    count: readings.length,
    seed: 1,
    proportions: chancesOf(readings, Date.parse(isoOfWire(event.sched_end)), simliveEnd),
    ...(domains.length === 0 ? {} : { domains: Object.fromEntries(domains) }),
    ...(stiCounts.length === 0 ? {} : { sti_weights: Object.fromEntries(stiCounts) }),
    ...(timing.registered === undefined
      ? {}
      : {
          registered: {
            from_days: timing.registered.fromDays,
            to_days: Math.max(timing.registered.toDays, timing.registered.fromDays + 0.01),
          },
        }),
    ...(minutes.length === 0 ? {} : { session_minutes: Object.fromEntries(minutes) }),
  }
  return {
    id: event.id,
    title: options.redactTitles || event.title === '' ? `Event ${event.id}` : event.title,
    kind,
    live: { start: isoOfWire(event.sched_start), end: isoOfWire(event.sched_end) },
    ...(simlive.length === 0
      ? {}
      : {
          simlive: {
            start: isoOf(Math.min(...simlive.map((s) => s.start))),
            end: isoOf(Math.max(...simlive.map((s) => s.end))),
          },
        }),
    expired: event.expired === 'true',
    ...(sti.length === 0 ? {} : { sti }),
    ...(options.keepRegistrants
      ? { registrants: readings.map(registrantOf) }
      : { generate }),
  }
}

const SESSION_KINDS: Readonly<Record<string, FixtureSession['kind']>> = {
  live: 'live', simlive: 'simlive', od: 'on_demand',
}

/** A recorded registrant, as a fixture file gives one. */
function registrantOf (reading: Reading): FixtureRegistrant {
  const { attendee, subject } = reading
  const detail = attendee.detail as unknown
  const items = (list: string, item: string): unknown[] => {
    const node = fieldOf(fieldOf(detail, list), item)
    return Array.isArray(node) ? node as unknown[] : node === undefined ? [] : [node]
  }
  const text = (node: unknown, name: string): string => textOf(fieldOf(node, name)) ?? ''
  return {
    email: attendee.email,
    fname: attendee.fname,
    lname: attendee.lname,
    company: attendee.company,
    title: attendee.title,
    address1: attendee.address1,
    address2: attendee.address2,
    city: attendee.city,
    state: attendee.state,
    country: attendee.country,
    postalcode: attendee.postalcode,
    phone: attendee.phone,
    registered: isoOf(subject.regDate),
    ...(subject.sti === undefined ? {} : { sti: subject.sti }),
    sessions: subject.sessions.map((s) => ({
      kind: SESSION_KINDS[s.kind] ?? 'live', start: isoOf(s.start), end: isoOf(s.end),
    })),
    questions: items('questions_list', 'question').map((q) => ({
      time: isoOfWire(text(q, 'time')), text: text(q, 'text') || '…',
    })),
    surveys: items('surveys_list', 'survey').map((s) => ({
      question: text(s, 'question') || '…', answer: text(s, 'answer'), time: isoOfWire(text(s, 'time')),
    })),
  }
}
