import { setTimeout as sleep } from 'node:timers/promises'
import type { Dispatcher } from 'undici'
import { attendeeFromCsvRow, emailDomain, reportFromTree, type ReportAttendee } from '../audience-report.js'
import { WebcastClientError } from '../client-error.js'
import { createClient, type Session, type WebcastClient } from '../create-client.js'
import { filtersToParams, type CalendarDay, type ReportFilters } from '../report-filters.js'
import { decodeAnswer, type RawAnswer } from '../wire.js'
import type { AudienceReportResponse, EventListResponse, LoginResponse } from '../../contracts/response-types.js'
import { validateContract, type SchemaId } from '../../contracts/validator.js'
import { ERROR_CATALOGUE, type ErrorCode } from '../../contracts/error-catalogue.js'
import { CONTENT_TYPES, FORMAT_SUFFIX, type Format } from '../../contracts/wire-format.js'
import { Findings, redactRequest, severityOf, type Severity } from './findings.js'

/**
 * What the contract suite runs against.
 *
 * @example
 * const target: ContractTarget = { name: 'staging', baseUrl: 'https://api.webcasts.com/api',
 *   username: 'me@example.com', password: process.env.PASSWORD ?? '', eventId: '1087592', remote: true }
 */
export interface ContractTarget {
  /** How reports name it, e.g. the base URL. */
  readonly name: string
  /** Ends with `/api`, like `https://api.webcasts.com/api`. */
  readonly baseUrl: string
  readonly username: string
  readonly password: string
  /** The event to read reports of; the first listed event unless given. */
  readonly eventId: string | undefined
  /** A service we do not run: the suite is gentle with it (few requests, paced). */
  readonly remote: boolean
}

const MAX_REMOTE_REQUESTS = 45
const REMOTE_PACE_MS = 300
const REPORT_PATH = '/reporting/audience_reports'

type Credentials = Readonly<{ si: string, ui: string }>

/**
 * One run of the suite: the client every request goes through, the pace and budget for a
 * remote service, the findings, and the session ids every excerpt is cleaned of.
 */
class SuiteRun {
  readonly findings = new Findings()
  readonly #client: WebcastClient
  #sent = 0
  #secrets: string[] = []
  #lastAnswer: RawAnswer | undefined

  constructor (readonly target: ContractTarget, dispatcher: Dispatcher | undefined) {
    this.#client = createClient({
      baseUrl: target.baseUrl,
      username: target.username,
      password: target.password,
      ...(dispatcher === undefined ? {} : { dispatcher }),
      onAnswer: (answer) => { this.#lastAnswer = answer },
    })
  }

  /** Waits its turn, or refuses to send more than a remote service should get. */
  async #pace (): Promise<void> {
    if (this.target.remote) {
      if (this.#sent >= MAX_REMOTE_REQUESTS) {
        throw new Error(`the suite would send more than ${MAX_REMOTE_REQUESTS} requests to a remote service`)
      }
      if (this.#sent > 0) await sleep(REMOTE_PACE_MS)
    }
    this.#sent++
  }

  /** One request, in its turn, answered as it came. */
  async get (path: string, params: Record<string, string>): Promise<RawAnswer> {
    await this.#pace()
    return await this.#client.exchange(path, params)
  }

  /**
   * Logs in through the client, in its turn: the session when the client accepted the answer, and
   * the answer itself either way, for the suite's own checks. No answer at all is thrown.
   */
  async logIn (): Promise<{ session: Session | undefined, answer: RawAnswer }> {
    await this.#pace()
    let session: Session | undefined
    try {
      session = await this.#client.login()
      this.#secrets = [session.sessionId, session.userId]
    } catch (error) {
      if (!(error instanceof WebcastClientError) || this.#lastAnswer === undefined) throw error
    }
    if (this.#lastAnswer === undefined) throw new Error('the client logged in without an answer')
    return { session, answer: this.#lastAnswer }
  }

  finding (severity: Severity, check: string, message: string, answer?: RawAnswer): void {
    let excerpt = answer?.text.slice(0, 300) ?? ''
    for (const secret of this.#secrets) excerpt = excerpt.replaceAll(secret, '[redacted]')
    const request = answer === undefined ? '' : redactRequest(answer.path)
    this.findings.add({ severity, check, message, request, excerpt })
  }

  /** The decoded answer, or undefined after a breaking finding when it is not the format asked for. */
  decode (format: Format, answer: RawAnswer, check: string): unknown {
    try {
      return decodeAnswer(format, answer.text)
    } catch (error) {
      this.finding('breaking', check, `the answer is not ${format.toUpperCase()}: ${(error as Error).message}`, answer)
      return undefined
    }
  }

  /** Records each violation of a contract at its severity; false when one of them breaks. */
  conforms (schema: SchemaId, value: unknown, check: string, answer: RawAnswer): boolean {
    let ok = true
    for (const violation of validateContract(schema, value)) {
      const severity = severityOf(violation)
      if (severity === 'breaking') ok = false
      const where = `${violation.path || '/'}${violation.property === undefined ? '' : ` (${violation.property})`}`
      this.finding(severity, check, `${where}: ${violation.message}`, answer)
    }
    return ok
  }
}

/** A logged-in run with the event whose reports it reads. */
interface Scope {
  readonly run: SuiteRun
  readonly session: Credentials
  readonly eventId: string
}

/**
 * The contract suite: what must hold on data we do not control, checked against any target,
 * every problem recorded as a finding instead of stopping at the first. Every request goes
 * through the client. Against a remote service it is read-only and gentle: at most 45 requests
 * (it sends 30), 300 ms apart.
 *
 * @example
 * const findings = await runContractSuite({ name: 'mock', baseUrl: 'http://127.0.0.1:4010/api',
 *   username: 'demo@example.com', password: 'demo', eventId: undefined, remote: false })
 * findings.breaking.length // 0 when nothing drifted
 */
export async function runContractSuite (target: ContractTarget, options: { dispatcher?: Dispatcher } = {}):
Promise<Findings> {
  const run = new SuiteRun(target, options.dispatcher)
  const login = await checkLogin(run)
  if (login === undefined) return run.findings
  const eventId = await checkEventList(run, login.session)
  if (eventId === undefined) return run.findings
  const scope: Scope = { run, session: login.session, eventId }

  const all = await checkFormatsAgree(scope)
  await checkFilterInvariants(scope, all)
  await checkDomainFilters(scope, all)
  await checkBadInputs(scope)
  await probeErrorKinds(scope)
  await probeDateRangeRule(scope, all)
  await probeOddities(scope, login)
  return run.findings
}

/** A login the suite can go on with: its session, and its answer for a later probe. */
interface Login {
  readonly session: Credentials
  readonly tree: LoginResponse
  readonly answer: RawAnswer
}

/** Logs in through the client and checks the answer; undefined, after a breaking finding, when that fails. */
async function checkLogin (run: SuiteRun): Promise<Login | undefined> {
  const { session, answer } = await run.logIn()
  const tree = run.decode('json', answer, 'login/json is JSON') as LoginResponse | undefined
  const check = 'login/json meets its contract'
  if (tree === undefined || !run.conforms('login-response.json', tree, check, answer) || session === undefined) {
    run.finding('breaking', 'login', 'cannot log in; nothing else was checked', answer)
    return undefined
  }
  return { session: { si: session.sessionId, ui: session.userId }, tree, answer }
}

/** Checks the event list and picks the event to read reports of. */
async function checkEventList (run: SuiteRun, session: Credentials): Promise<string | undefined> {
  const answer = await run.get(`/reporting/eventlist${FORMAT_SUFFIX.json}`, session)
  const list = run.decode('json', answer, 'eventlist/json is JSON') as EventListResponse | undefined
  if (list !== undefined) run.conforms('event-list-response.json', list, 'eventlist/json meets its contract', answer)
  const events = list?.convey_api.result.success.event_list.core_event.event_info ?? []
  const eventId = run.target.eventId ?? events[0]?.id
  if (eventId === undefined) run.finding('breaking', 'eventlist', 'no event to read reports of', answer)
  return eventId
}

/** One report, checked (status, content type, format, contract); undefined when it cannot be read. */
async function report (scope: Scope, format: Format, filters: ReportFilters, check: string):
Promise<ReportAttendee[] | undefined> {
  const { run } = scope
  const params = { ver: '2.0', ...scope.session, ei: scope.eventId, ...filtersToParams(filters) }
  const answer = await run.get(`${REPORT_PATH}${FORMAT_SUFFIX[format]}`, params)
  if (answer.status !== 200) run.finding('breaking', check, `HTTP ${answer.status}`, answer)
  if (!answer.contentType.startsWith(CONTENT_TYPES[format].split(';')[0] ?? '')) {
    run.finding('breaking', check, `content type ${answer.contentType}`, answer)
  }
  const decoded = run.decode(format, answer, check)
  if (decoded === undefined) return undefined
  if (format === 'csv') {
    const rows = decoded as Array<Record<string, string>>
    for (const row of rows) if (!run.conforms('report-csv-row.json', row, check, answer)) return undefined
    return rows.map(attendeeFromCsvRow)
  }
  if (!run.conforms('audience-report-response.json', decoded, check, answer)) return undefined
  return reportFromTree(format, decoded as AudienceReportResponse).attendees
}

const emails = (attendees: readonly ReportAttendee[] | undefined): string[] => (attendees ?? []).map((a) => a.email)

/** The unfiltered report in the three formats; the JSON one, which later checks compare against. */
async function checkFormatsAgree (scope: Scope): Promise<ReportAttendee[] | undefined> {
  const all = await report(scope, 'json', {}, 'report/json meets its contract')
  const allXml = await report(scope, 'xml', {}, 'report/xml meets its contract')
  const allCsv = await report(scope, 'csv', {}, 'report/csv meets its contract')
  const strip = (attendees: readonly ReportAttendee[] | undefined): string =>
    JSON.stringify((attendees ?? []).map(({ detail: _detail, ...rest }) => rest))
  for (const [name, attendees] of [['XML', allXml], ['CSV', allCsv]] as const) {
    if (strip(attendees) !== strip(all)) {
      scope.run.finding('breaking', 'the three formats agree', `${name} and JSON list different registrants or values`)
    }
  }
  return all
}

type Invariant = readonly [name: string, filters: ReportFilters, holds: (a: ReportAttendee) => boolean]

const INVARIANTS: readonly Invariant[] = [
  ['no_shows', { no_shows: true }, (a) => a.liveSessions + a.odSessions + a.simliveSessions === 0],
  ['live_viewers', { live_viewers: true }, (a) => a.liveSessions > 0],
  ['od_viewers', { od_viewers: true }, (a) => a.odSessions > 0],
  ['simlive_viewers', { simlive_viewers: true }, (a) => a.simliveSessions > 0],
  ['users_qa', { users_qa: true }, (a) => a.questions > 0],
  ['user_survey', { user_survey: true }, (a) => a.surveys > 0],
]

/**
 * Each on/off filter, and `sti_filter` on up to two sources the report shows, returns only
 * registrants that satisfy it, all of them in the unfiltered report; no_shows and live_viewers
 * share no one.
 */
async function checkFilterInvariants (scope: Scope, all: readonly ReportAttendee[] | undefined): Promise<void> {
  const { run } = scope
  const everyone = new Set(emails(all))
  const stis = [...new Set((all ?? []).flatMap((a) => a.sti ?? []))].slice(0, 2)
  const stiInvariant: Invariant = ['sti_filter', { sti_filter: stis }, (a) => stis.includes(a.sti ?? '')]
  const invariants = stis.length > 0 ? [...INVARIANTS, stiInvariant] : INVARIANTS
  const kept = new Map<string, string[]>()
  for (const [name, filters, holds] of invariants) {
    const attendees = await report(scope, 'json', filters, `${name} report meets its contract`)
    if (attendees === undefined) continue
    kept.set(name, emails(attendees))
    const wrong = attendees.filter((a) => !holds(a))
    if (wrong.length > 0) {
      const example = wrong[0]?.email ?? ''
      run.finding('breaking', `every registrant returned satisfies ${name}`, `${wrong.length} do not, e.g. ${example}`)
    }
    const extra = attendees.filter((a) => !everyone.has(a.email))
    if (extra.length > 0) {
      const message = `${extra.length} registrants are not in the unfiltered report`
      run.finding('breaking', `${name} is a subset of the unfiltered report`, message)
    }
  }
  const noShows = new Set(kept.get('no_shows') ?? [])
  if ((kept.get('live_viewers') ?? []).some((email) => noShows.has(email))) {
    run.finding('breaking', 'no_shows and live_viewers are disjoint', 'someone is in both')
  }
}

/**
 * On the first two domains of the report: `incl_domain` keeps only its domain and unites on `|`,
 * and `excl_domain` is its complement.
 */
async function checkDomainFilters (scope: Scope, all: readonly ReportAttendee[] | undefined): Promise<void> {
  const domains = [...new Set(emails(all).map(emailDomain))].slice(0, 2)
  if (domains.length !== 2) return
  const { run } = scope
  const [a = '', b = ''] = domains
  const everyone = new Set(emails(all))
  const included = async (list: string[]): Promise<string[]> =>
    emails(await report(scope, 'json', { incl_domain: list }, 'incl_domain report meets its contract'))
  const inA = new Set(await included([a]))
  const inB = new Set(await included([b]))
  const inBoth = await included([a, b])
  const notA = emails(await report(scope, 'json', { excl_domain: [a] }, 'excl_domain report meets its contract'))
  if ([...inA].some((email) => emailDomain(email) !== a)) {
    run.finding('breaking', 'every registrant returned satisfies incl_domain', `someone outside ${a}`)
  }
  if (JSON.stringify([...inBoth].sort()) !== JSON.stringify([...inA, ...inB].sort())) {
    const message = `${inBoth.length} returned, ${inA.size + inB.size} expected`
    run.finding('breaking', 'incl_domain=A|B is the union of A and of B', message)
  }
  if (JSON.stringify([...notA].sort()) !== JSON.stringify([...everyone].filter((email) => !inA.has(email)).sort())) {
    const message = `${notA.length} returned, ${everyone.size - inA.size} expected`
    run.finding('breaking', 'excl_domain=A is the complement of incl_domain=A', message)
  }
}

/** Wire values no typed filter can carry, each with the error code it should get. */
const BAD_INPUTS: ReadonlyArray<readonly [name: string, params: Record<string, string>, code: ErrorCode]> = [
  ['an ei that is not 7 digits', { ei: '12' }, 'invalid_parameter'],
  ['incl_domain with excl_domain', { incl_domain: 'a.com', excl_domain: 'b.com' }, 'conflicting_parameters'],
  ['a date that is not mm/dd/yyyy', { date_range_start: '2026-13-45' }, 'invalid_parameter'],
  ['an on/off filter with another value', { no_shows: 'maybe' }, 'invalid_parameter'],
]

/** Each bad input gets an error envelope, with the documented code (informational when another). */
async function checkBadInputs (scope: Scope): Promise<void> {
  const { run } = scope
  for (const [name, filters, code] of BAD_INPUTS) {
    const params = { ver: '2.0', ...scope.session, ei: scope.eventId, ...filters }
    const answer = await run.get(`${REPORT_PATH}${FORMAT_SUFFIX.json}`, params)
    probeErrorWire(run, code, 'json', answer)
    const tree = run.decode('json', answer, `${name} gets an error envelope`)
    if (tree === undefined) continue
    run.conforms('error-response.json', tree, `${name} gets an error envelope`, answer)
    const seen = (tree as { convey_api?: { result?: { error?: { code?: string } } } }).convey_api?.result?.error?.code
    if (seen !== code) {
      run.finding('informational', `${name} gets ${code}`, `the error code is ${seen ?? 'absent'}`, answer)
    }
  }
}

/** Records how an error kind travels (HTTP status, content type) against what `contracts/README.md` assumes. */
function probeErrorWire (run: SuiteRun, code: ErrorCode, format: Format, answer: RawAnswer): void {
  const assumed = `HTTP ${ERROR_CATALOGUE[code].httpStatus}, ${CONTENT_TYPES[format]}`
  const seen = `HTTP ${answer.status}, ${answer.contentType}`
  const message = `${seen}${seen === assumed ? ' (as assumed)' : `; assumed ${assumed}`}`
  run.finding('informational', `probe: how ${code} travels in ${format.toUpperCase()}`, message, answer)
}

/** How other error kinds travel, in each format. */
async function probeErrorKinds (scope: Scope): Promise<void> {
  const { run, session, eventId } = scope
  const { username, password } = run.target
  const errorKinds: Array<[ErrorCode, Format, string, Record<string, string>]> = [
    ['invalid_credentials', 'json', '/login', { ver: '2.0', username, password: `${password}-wrong` }],
    ['event_not_found', 'json', REPORT_PATH, { ver: '2.0', ...session, ei: '0000001' }],
    ['invalid_parameter', 'xml', REPORT_PATH, { ver: '2.0', ...session, ei: eventId, tz: 'Not/AZone' }],
    ['invalid_parameter', 'csv', REPORT_PATH, { ver: '2.0', ...session, ei: eventId, no_shows: 'maybe' }],
  ]
  for (const [code, format, endpoint, params] of errorKinds) {
    probeErrorWire(run, code, format, await run.get(`${endpoint}${FORMAT_SUFFIX[format]}`, params))
  }
}

/**
 * Asks for one date range three ways (registrations only, sessions only, both, the default)
 * and says whether "both" behaved as AND (our assumption) or as OR of the other two.
 */
async function probeDateRangeRule (scope: Scope, all: readonly ReportAttendee[] | undefined): Promise<void> {
  const check = 'probe: the date-range combination rule (dr_regs with dr_sessions)'
  const regDays = (all ?? []).map((a) => a.regDate.slice(0, 10)).sort()
  const viewDays = (all ?? []).flatMap((a) => a.lastView?.slice(0, 10) ?? []).sort()
  const from = regDays[Math.floor(regDays.length / 2)]
  const to = [regDays.at(-1) ?? '', viewDays.at(-1) ?? ''].sort().at(-1)
  if (from === undefined || to === undefined || to === '') {
    scope.run.finding('informational', check, 'inconclusive: the event has no registrants to choose a range from')
    return
  }
  const range: ReportFilters = { date_range_start: from as CalendarDay, date_range_end: to as CalendarDay }
  const ranged = async (filters: ReportFilters): Promise<string[]> =>
    emails(await report(scope, 'json', filters, 'a date-range report meets its contract'))
  const regsOnly = new Set(await ranged({ ...range, dr_sessions: false }))
  const sessionsOnly = new Set(await ranged({ ...range, dr_regs: false }))
  const both = (await ranged(range)).sort()
  const and = [...regsOnly].filter((email) => sessionsOnly.has(email)).sort()
  const or = [...new Set([...regsOnly, ...sessionsOnly])].sort()
  const same = (a: readonly string[], b: readonly string[]): boolean => JSON.stringify(a) === JSON.stringify(b)
  const rule = same(and, or)
    ? 'inconclusive (both alone keep the same people)'
    : same(both, and) ? 'AND (as assumed)' : same(both, or) ? 'OR, not AND as assumed' : 'neither AND nor OR'
  const { date_range_start: start = '', date_range_end: end = '' } = filtersToParams(range)
  const counts = `registrations alone ${regsOnly.size}, sessions alone ${sessionsOnly.size}, both ${both.length}`
  scope.run.finding('informational', check, `${start}–${end}: ${counts}: ${rule}`)
}

const returnCodeOf = (answer: RawAnswer): string => /"returnCode":\s*"?(\d+)/.exec(answer.text)?.[1] ?? '?'

/** What the documentation leaves open: a missing `ver`, swapped ids, `returnCode`'s type, an unknown path. */
async function probeOddities (scope: Scope, login: Login): Promise<void> {
  const { run, session } = scope
  const { username, password } = run.target
  const noVer = await run.get(`/login${FORMAT_SUFFIX.json}`, { username, password })
  const noVerSeen = `HTTP ${noVer.status}, ${noVer.contentType}, returnCode ${returnCodeOf(noVer)}`
  run.finding('informational', 'probe: login without ver', noVerSeen, noVer)
  const swapped = await run.get(`/reporting/eventlist${FORMAT_SUFFIX.json}`, { si: session.ui, ui: session.si })
  const swappedSeen = `HTTP ${swapped.status}, returnCode ${returnCodeOf(swapped)}`
  run.finding('informational', 'probe: event list with si and ui swapped', swappedSeen, swapped)
  const returnCode = (login.tree.convey_api.result as { returnCode: unknown }).returnCode
  const returnCodeType = `returnCode is a ${typeof returnCode}`
  run.finding('informational', 'probe: the JSON envelope\'s returnCode type', returnCodeType, login.answer)
  const unknown = await run.get(`/reporting/nothing${FORMAT_SUFFIX.json}`, session)
  run.finding('informational', 'probe: an unknown path', `HTTP ${unknown.status}, ${unknown.contentType}`, unknown)
}
