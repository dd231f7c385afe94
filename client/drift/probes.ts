import { ERROR_CATALOGUE, type ErrorCode } from '../../contracts/error-catalogue.js'
import { CONTENT_TYPES, FORMAT_SUFFIX, type Format } from '../../contracts/wire-format.js'
import { fieldOf, textOf } from '../lenient.js'
import type { SeenAnswer } from './shape.js'
import type { SuiteRun } from './suite-run.js'

/** A logged-in run and the event whose reports it reads. */
export interface ProbeScope {
  readonly run: SuiteRun
  readonly session: Readonly<{ si: string, ui: string }>
  readonly eventId: string
}

const REPORT_PATH = '/reporting/audience_reports'

/** The `error/code` of a decoded answer, read leniently. */
const errorCodeOf = (tree: unknown): string | undefined =>
  textOf(fieldOf(fieldOf(fieldOf(fieldOf(tree, 'convey_api'), 'result'), 'error'), 'code'))

/**
 * Records a probe: a passed check when the service does as `contracts/README.md` assumes, else
 * an informational finding that says what it does instead.
 */
function probe (run: SuiteRun, check: string, assumed: string, seenText: string, seen: SeenAnswer): void {
  if (seenText === assumed) {
    run.record(check, 'probe', 'passed', `${seenText} (as assumed)`)
    return
  }
  const message = `${seenText}; assumed ${assumed}`
  run.observe([{
    check,
    kind: 'probe',
    severity: 'informational',
    path: '',
    message,
    why: 'A probe of what contracts/README.md assumes where the documentation is silent: ' +
      'the assumption is refuted, nothing breaks.',
    request: seen.request,
    excerpt: run.redact(seen.answer.text.slice(0, 300)),
  }])
  run.record(check, 'probe', 'refuted', message)
}

/** Wire values no typed filter can carry, each with the error code it should get. */
const BAD_INPUTS: ReadonlyArray<readonly [name: string, params: Record<string, string>, code: ErrorCode]> = [
  ['an ei that is not 7 digits', { ei: '12' }, 'invalid_parameter'],
  ['incl_domain with excl_domain', { incl_domain: 'a.com', excl_domain: 'b.com' }, 'conflicting_parameters'],
  ['a date that is not mm/dd/yyyy', { date_range_start: '2026-13-45' }, 'invalid_parameter'],
  ['an on/off filter with another value', { no_shows: 'maybe' }, 'invalid_parameter'],
]

/**
 * Each bad input gets an error envelope (its shape checked with every other answer's), with the
 * documented code: another code is a probe's finding, since the real API's codes are not known.
 * A bad value of a filter the service does not read at all is not judged again.
 *
 * @example
 * await checkBadInputs(scope, failingFilters)
 */
export async function checkBadInputs (scope: ProbeScope, failing: ReadonlySet<string>): Promise<void> {
  const { run } = scope
  for (const [name, filters, code] of BAD_INPUTS) {
    const check = `probe: ${name} gets ${code}`
    const blamed = Object.keys(filters).find((parameter) => failing.has(parameter))
    if (blamed !== undefined) {
      run.record(check, 'probe', 'not judged', `${blamed} fails its filter check: the service does not read it`)
      continue
    }
    const params = { ver: '2.0', ...scope.session, ei: scope.eventId, ...filters }
    const seen = await run.exchange(`${REPORT_PATH}${FORMAT_SUFFIX.json}`, params, 'json')
    const tree = run.readTree(seen, 'audience-report-response.json')
    probe(run, check, `error code ${code}`, `error code ${errorCodeOf(tree) ?? '(none)'}`, seen)
  }
}

/**
 * How other error kinds travel (HTTP status and content type are checked with every answer's,
 * against the error catalogue), in each format.
 *
 * @example
 * await probeErrorKinds(scope)
 */
export async function probeErrorKinds (scope: ProbeScope): Promise<void> {
  const { run, session, eventId } = scope
  const { username, password } = run.target
  const errorKinds: Array<[ErrorCode, Format, string, Record<string, string>]> = [
    ['invalid_credentials', 'json', '/login', { ver: '2.0', username, password: `${password}-wrong` }],
    ['event_not_found', 'json', REPORT_PATH, { ver: '2.0', ...session, ei: '0000001' }],
    ['invalid_parameter', 'xml', REPORT_PATH, { ver: '2.0', ...session, ei: eventId, tz: 'Not/AZone' }],
    ['invalid_parameter', 'csv', REPORT_PATH, { ver: '2.0', ...session, ei: eventId, no_shows: 'maybe' }],
  ]
  for (const [code, format, endpoint, params] of errorKinds) {
    const seen = await run.exchange(`${endpoint}${FORMAT_SUFFIX[format]}`, params, format)
    const assumed = `HTTP ${ERROR_CATALOGUE[code].httpStatus}, ${CONTENT_TYPES[format]}`
    probe(run, `probe: how ${code} travels in ${format.toUpperCase()}`, assumed,
      `HTTP ${seen.answer.status}, ${seen.answer.contentType}`, seen)
  }
}

/** The error code of a JSON answer, or what stands in its place. */
function jsonErrorCode (seen: SeenAnswer): string {
  try {
    return errorCodeOf(JSON.parse(seen.answer.text)) ?? '(none)'
  } catch {
    return '(not JSON)'
  }
}

/**
 * What the documentation leaves open: a login without `ver` (the public consumer sent none), the
 * event list with `si` and `ui` swapped (its table has them the other way round), an unknown path.
 *
 * @example
 * await probeOddities(scope)
 */
export async function probeOddities (scope: ProbeScope): Promise<void> {
  const { run, session } = scope
  const { username, password } = run.target
  const noVer = await run.exchange(`/login${FORMAT_SUFFIX.json}`, { username, password }, 'json')
  probe(run, 'probe: login without ver', 'error code missing_parameter', `error code ${jsonErrorCode(noVer)}`, noVer)
  const swappedSession = { si: session.ui, ui: session.si }
  const swapped = await run.exchange(`/reporting/eventlist${FORMAT_SUFFIX.json}`, swappedSession, 'json')
  probe(run, 'probe: event list with si and ui swapped', 'error code invalid_session',
    `error code ${jsonErrorCode(swapped)}`, swapped)
  const unknown = await run.exchange(`/reporting/nothing${FORMAT_SUFFIX.json}`, session, 'json')
  probe(run, 'probe: an unknown path', `HTTP 404, ${CONTENT_TYPES.json}`,
    `HTTP ${unknown.answer.status}, ${unknown.answer.contentType}`, unknown)
}
