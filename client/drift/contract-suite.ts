import { setTimeout as sleep } from 'node:timers/promises'
import { request, type Dispatcher } from 'undici'
import { attendeeFromCsvRow, reportFromTree, type ReportAttendee } from '../audience-report.js'
import { decodeCsvRows } from '../../contracts/decode-csv.js'
import { decodeXml } from '../../contracts/decode-xml.js'
import type { AudienceReportResponse, EventListResponse, LoginResponse } from '../../contracts/response-types.js'
import { validateContract, type SchemaId } from '../../contracts/validator.js'
import { ERROR_CATALOGUE, type ErrorCode } from '../../contracts/error-catalogue.js'
import { CONTENT_TYPES, type Format } from '../../contracts/wire-format.js'
import { Findings, redactRequest, severityOf } from './findings.js'

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

const SUFFIX: Record<Format, string> = { xml: '', json: '/json', csv: '/csv' }
const MAX_REMOTE_REQUESTS = 45
const REMOTE_PACE_MS = 300

interface Answer { status: number, contentType: string, text: string, path: string }

/**
 * The contract suite: what must hold on data we do not control, checked against any target,
 * every problem recorded as a finding instead of stopping at the first. Against a remote
 * service it is read-only and gentle: at most 45 requests (it sends 30), 300 ms apart.
 *
 * @example
 * const findings = await runContractSuite({ name: 'mock', baseUrl: 'http://127.0.0.1:4010/api',
 *   username: 'demo@example.com', password: 'demo', eventId: undefined, remote: false })
 * findings.breaking.length // 0 when nothing drifted
 */
export async function runContractSuite (target: ContractTarget, options: { dispatcher?: Dispatcher } = {}): Promise<Findings> {
  const findings = new Findings()
  let sent = 0
  // Known once logged in; every excerpt is cleaned of them.
  let si = '\u0000'
  let ui = '\u0000'

  async function get (path: string, params: Record<string, string>): Promise<Answer> {
    if (target.remote) {
      if (sent >= MAX_REMOTE_REQUESTS) throw new Error(`the suite would send more than ${MAX_REMOTE_REQUESTS} requests to a remote service`)
      if (sent > 0) await sleep(REMOTE_PACE_MS)
    }
    sent++
    const query = new URLSearchParams(params).toString()
    const response = await request(`${target.baseUrl}${path}?${query}`, options.dispatcher === undefined ? {} : { dispatcher: options.dispatcher })
    return { status: response.statusCode, contentType: String(response.headers['content-type'] ?? ''), text: await response.body.text(), path: `${path}?${query}` }
  }

  function finding (severity: Findings['all'][number]['severity'], check: string, message: string, answer: Answer | undefined): void {
    const excerpt = (answer?.text.slice(0, 300) ?? '').replaceAll(si, '[redacted]').replaceAll(ui, '[redacted]')
    findings.add({ severity, check, message, request: answer === undefined ? '' : redactRequest(answer.path), excerpt })
  }

  function decode (format: Format, answer: Answer, check: string): unknown {
    try {
      return format === 'json' ? JSON.parse(answer.text) : format === 'xml' ? decodeXml(answer.text) : decodeCsvRows(answer.text)
    } catch (error) {
      finding('breaking', check, `the answer is not ${format.toUpperCase()}: ${(error as Error).message}`, answer)
      return undefined
    }
  }

  function conforms (schema: SchemaId, value: unknown, check: string, answer: Answer): boolean {
    let ok = true
    for (const violation of validateContract(schema, value)) {
      const severity = severityOf(violation)
      if (severity === 'breaking') ok = false
      finding(severity, check, `${violation.path || '/'}${violation.property === undefined ? '' : ` (${violation.property})`}: ${violation.message}`, answer)
    }
    return ok
  }

  const loginAnswer = await get('/login/json', { ver: '2.0', username: target.username, password: target.password })
  const login = decode('json', loginAnswer, 'login/json is JSON') as LoginResponse | undefined
  if (login === undefined || !conforms('login-response.json', login, 'login/json meets its contract', loginAnswer)) {
    finding('breaking', 'login', 'cannot log in; nothing else was checked', loginAnswer)
    return findings
  }
  si = login.convey_api.result.success.sessionid.value
  ui = login.convey_api.result.success.userid.value
  const session = { si, ui }

  const listAnswer = await get('/reporting/eventlist/json', session)
  const list = decode('json', listAnswer, 'eventlist/json is JSON') as EventListResponse | undefined
  if (list !== undefined) conforms('eventlist-response.json', list, 'eventlist/json meets its contract', listAnswer)
  const events = list?.convey_api.result.success.event_list.core_event.event_info ?? []
  const eventId = target.eventId ?? events[0]?.id
  if (eventId === undefined) {
    finding('breaking', 'eventlist', 'no event to read reports of', listAnswer)
    return findings
  }

  async function report (format: Format, filters: Record<string, string>, check: string): Promise<ReportAttendee[] | undefined> {
    const answer = await get(`/reporting/audience_reports${SUFFIX[format]}`, { ver: '2.0', ...session, ei: eventId ?? '', ...filters })
    if (answer.status !== 200) finding('breaking', check, `HTTP ${answer.status}`, answer)
    if (!answer.contentType.startsWith(CONTENT_TYPES[format].split(';')[0] ?? '')) finding('breaking', check, `content type ${answer.contentType}`, answer)
    const decoded = decode(format, answer, check)
    if (decoded === undefined) return undefined
    if (format === 'csv') {
      const rows = decoded as Array<Record<string, string>>
      for (const row of rows) if (!conforms('report-csv-row.json', row, check, answer)) return undefined
      return rows.map(attendeeFromCsvRow)
    }
    if (!conforms('audience-report-response.json', decoded, check, answer)) return undefined
    return reportFromTree(format, decoded as AudienceReportResponse).attendees
  }

  const emails = (attendees: readonly ReportAttendee[] | undefined): string[] => (attendees ?? []).map((a) => a.email)
  const all = await report('json', {}, 'report/json meets its contract')
  const allXml = await report('xml', {}, 'report/xml meets its contract')
  const allCsv = await report('csv', {}, 'report/csv meets its contract')
  const strip = (attendees: readonly ReportAttendee[] | undefined): unknown => (attendees ?? []).map(({ detail: _detail, ...rest }) => rest)
  if (JSON.stringify(strip(allXml)) !== JSON.stringify(strip(all))) finding('breaking', 'the three formats agree', 'XML and JSON list different registrants or values', undefined)
  if (JSON.stringify(strip(allCsv)) !== JSON.stringify(strip(all))) finding('breaking', 'the three formats agree', 'CSV and JSON list different registrants or values', undefined)

  const everyone = new Set(emails(all))
  const domainOf = (email: string): string => email.slice(email.lastIndexOf('@') + 1).toLowerCase()
  const domains = [...new Set(emails(all).map(domainOf))].slice(0, 2)
  const stis = [...new Set((all ?? []).flatMap((a) => a.sti ?? []))].slice(0, 2)
  const invariants: Array<[string, Record<string, string>, (a: ReportAttendee) => boolean]> = [
    ['no_shows', { no_shows: 'on' }, (a) => a.liveSessions + a.odSessions + a.simliveSessions === 0],
    ['live_viewers', { live_viewers: 'on' }, (a) => a.liveSessions > 0],
    ['od_viewers', { od_viewers: 'on' }, (a) => a.odSessions > 0],
    ['simlive_viewers', { simlive_viewers: 'on' }, (a) => a.simliveSessions > 0],
    ['users_qa', { users_qa: 'on' }, (a) => a.questions > 0],
    ['user_survey', { user_survey: 'on' }, (a) => a.surveys > 0],
    ...(stis.length > 0 ? [['sti_filter', { sti_filter: stis.join('|') }, (a: ReportAttendee) => stis.includes(a.sti ?? '')] as [string, Record<string, string>, (a: ReportAttendee) => boolean]] : []),
  ]
  const kept = new Map<string, string[]>()
  for (const [name, filters, holds] of invariants) {
    const attendees = await report('json', filters, `${name} report meets its contract`)
    if (attendees === undefined) continue
    kept.set(name, emails(attendees))
    const wrong = attendees.filter((a) => !holds(a))
    if (wrong.length > 0) finding('breaking', `every registrant returned satisfies ${name}`, `${wrong.length} do not, e.g. ${wrong[0]?.email ?? ''}`, undefined)
    const extra = attendees.filter((a) => !everyone.has(a.email))
    if (extra.length > 0) finding('breaking', `${name} is a subset of the unfiltered report`, `${extra.length} registrants are not in the unfiltered report`, undefined)
  }
  const noShows = new Set(kept.get('no_shows') ?? [])
  if ((kept.get('live_viewers') ?? []).some((email) => noShows.has(email))) finding('breaking', 'no_shows and live_viewers are disjoint', 'someone is in both', undefined)

  if (domains.length === 2) {
    const [a = '', b = ''] = domains
    const inA = new Set(emails(await report('json', { incl_domain: a }, 'incl_domain report meets its contract')))
    const inB = new Set(emails(await report('json', { incl_domain: b }, 'incl_domain report meets its contract')))
    const inBoth = emails(await report('json', { incl_domain: `${a}|${b}` }, 'incl_domain report meets its contract'))
    const notA = emails(await report('json', { excl_domain: a }, 'excl_domain report meets its contract'))
    if ([...inA].some((email) => domainOf(email) !== a)) finding('breaking', 'every registrant returned satisfies incl_domain', `someone outside ${a}`, undefined)
    if (JSON.stringify([...inBoth].sort()) !== JSON.stringify([...inA, ...inB].sort())) finding('breaking', 'incl_domain=A|B is the union of A and of B', `${inBoth.length} returned, ${inA.size + inB.size} expected`, undefined)
    if (JSON.stringify([...notA].sort()) !== JSON.stringify([...everyone].filter((email) => !inA.has(email)).sort())) {
      finding('breaking', 'excl_domain=A is the complement of incl_domain=A', `${notA.length} returned, ${everyone.size - inA.size} expected`, undefined)
    }
  }

  const badInputs: Array<[string, Record<string, string>, string]> = [
    ['an ei that is not 7 digits', { ei: '12' }, 'invalid_parameter'],
    ['incl_domain with excl_domain', { incl_domain: 'a.com', excl_domain: 'b.com' }, 'conflicting_parameters'],
    ['a date that is not mm/dd/yyyy', { date_range_start: '2026-13-45' }, 'invalid_parameter'],
    ['an on/off filter with another value', { no_shows: 'maybe' }, 'invalid_parameter'],
  ]
  for (const [name, filters, code] of badInputs) {
    const answer = await get('/reporting/audience_reports/json', { ver: '2.0', ...session, ei: eventId, ...filters })
    probeErrorWire(code as ErrorCode, 'json', answer)
    const tree = decode('json', answer, `${name} gets an error envelope`)
    if (tree === undefined) continue
    conforms('error-response.json', tree, `${name} gets an error envelope`, answer)
    const seen = (tree as { convey_api?: { result?: { error?: { code?: string } } } }).convey_api?.result?.error?.code
    if (seen !== code) finding('informational', `${name} gets ${code}`, `the error code is ${seen ?? 'absent'}`, answer)
  }

  /** Records how an error kind travels (HTTP status, content type) against what `contracts/README.md` assumes. */
  function probeErrorWire (code: ErrorCode, format: Format, answer: Answer): void {
    const assumed = `HTTP ${ERROR_CATALOGUE[code].httpStatus}, ${CONTENT_TYPES[format]}`
    const seen = `HTTP ${answer.status}, ${answer.contentType}`
    finding('informational', `probe: how ${code} travels in ${format.toUpperCase()}`, `${seen}${seen === assumed ? ' (as assumed)' : `; assumed ${assumed}`}`, answer)
  }
  const errorKinds: Array<[ErrorCode, Format, string, Record<string, string>]> = [
    ['invalid_credentials', 'json', '/login/json', { ver: '2.0', username: target.username, password: `${target.password}-wrong` }],
    ['event_not_found', 'json', '/reporting/audience_reports/json', { ver: '2.0', ...session, ei: '0000001' }],
    ['invalid_parameter', 'xml', '/reporting/audience_reports', { ver: '2.0', ...session, ei: eventId, tz: 'Not/AZone' }],
    ['invalid_parameter', 'csv', '/reporting/audience_reports/csv', { ver: '2.0', ...session, ei: eventId, no_shows: 'maybe' }],
  ]
  for (const [code, format, path, params] of errorKinds) probeErrorWire(code, format, await get(path, params))

  await probeDateRangeRule()

  /**
   * Asks for one date range three ways (registrations only, sessions only, both, the default)
   * and says whether "both" behaved as AND (our assumption) or as OR of the other two.
   */
  async function probeDateRangeRule (): Promise<void> {
    const check = 'probe: the date-range combination rule (dr_regs with dr_sessions)'
    const regDays = (all ?? []).map((a) => a.regDate.slice(0, 10)).sort()
    const viewDays = (all ?? []).flatMap((a) => a.lastView?.slice(0, 10) ?? []).sort()
    const from = regDays[Math.floor(regDays.length / 2)]
    const to = [regDays.at(-1) ?? '', viewDays.at(-1) ?? ''].sort().at(-1)
    if (from === undefined || to === undefined || to === '') {
      finding('informational', check, 'inconclusive: the event has no registrants to choose a range from', undefined)
      return
    }
    const usDate = (day: string): string => `${day.slice(5, 7)}/${day.slice(8, 10)}/${day.slice(0, 4)}`
    const range = { date_range_start: usDate(from), date_range_end: usDate(to) }
    const regsOnly = new Set(emails(await report('json', { ...range, dr_sessions: 'off' }, 'a date-range report meets its contract')))
    const sessionsOnly = new Set(emails(await report('json', { ...range, dr_regs: 'off' }, 'a date-range report meets its contract')))
    const both = emails(await report('json', range, 'a date-range report meets its contract')).sort()
    const and = [...regsOnly].filter((email) => sessionsOnly.has(email)).sort()
    const or = [...new Set([...regsOnly, ...sessionsOnly])].sort()
    const same = (a: readonly string[], b: readonly string[]): boolean => JSON.stringify(a) === JSON.stringify(b)
    const rule = same(and, or) ? 'inconclusive (both alone keep the same people)' : same(both, and) ? 'AND (as assumed)' : same(both, or) ? 'OR, not AND as assumed' : 'neither AND nor OR'
    finding('informational', check, `${range.date_range_start}–${range.date_range_end}: registrations alone ${regsOnly.size}, sessions alone ${sessionsOnly.size}, both ${both.length}: ${rule}`, undefined)
  }

  const noVer = await get('/login/json', { username: target.username, password: target.password })
  finding('informational', 'probe: login without ver', `HTTP ${noVer.status}, ${noVer.contentType}, returnCode ${/"returnCode":\s*"?(\d+)/.exec(noVer.text)?.[1] ?? '?'}`, noVer)
  const swapped = await get('/reporting/eventlist/json', { si: ui, ui: si })
  finding('informational', 'probe: event list with si and ui swapped', `HTTP ${swapped.status}, returnCode ${/"returnCode":\s*"?(\d+)/.exec(swapped.text)?.[1] ?? '?'}`, swapped)
  finding('informational', 'probe: the JSON envelope\'s returnCode type', `returnCode is a ${typeof (login.convey_api.result as { returnCode: unknown }).returnCode}`, loginAnswer)
  const unknownPath = await get('/reporting/nothing/json', session)
  finding('informational', 'probe: an unknown path', `HTTP ${unknownPath.status}, ${unknownPath.contentType}`, unknownPath)
  return findings
}
