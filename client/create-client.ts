import { request, type Dispatcher } from 'undici'
import type { AudienceReportResponse, EventInfo, EventListResponse, LoginResponse } from '../contracts/response-types.js'
import { describeViolations, validateContract, type SchemaId } from '../contracts/validator.js'
import type { Format } from '../contracts/wire-format.js'
import { attendeeFromCsvRow, reportFromTree, type AudienceReport, type ReportAttendee } from './audience-report.js'
import { WebcastClientError } from './client-error.js'
import { CsvParser, rowsOf } from '../contracts/decode-csv.js'
import { decodeXml } from '../contracts/decode-xml.js'
import { filtersToParams, type ReportFilters } from './report-filters.js'

/** Where the API is and who logs in. */
export interface ClientOptions {
  /** Ends with `/api`: `https://api.webcasts.com/api`, or a mock's `baseUrl`. */
  readonly baseUrl: string
  readonly username: string
  readonly password: string
  /** An undici dispatcher (an `Agent`, a `MockAgent`); undici's global one unless given. */
  readonly dispatcher?: Dispatcher
  /** Check every response against the contracts and throw `CONTRACT_VIOLATION` when one breaks. */
  readonly validate?: boolean
}

/** A session: `si` and `ui` for the reporting endpoints. */
export interface Session {
  readonly sessionId: string
  readonly userId: string
}

/** The Reporting API, one method per endpoint. */
export interface WebcastClient {
  /** Logs in now; other methods log in by themselves when they need to. */
  login: () => Promise<Session>
  /** Every event the account may view, expired ones included. */
  listEvents: () => Promise<EventInfo[]>
  /** One event's audience report, filtered; JSON unless another format is asked for. */
  audienceReport: (eventId: string, filters?: ReportFilters, options?: { format?: Format }) => Promise<AudienceReport>
  /** One event's audience report as CSV, one attendee at a time, for reports of any size. */
  audienceReportRows: (eventId: string, filters?: ReportFilters) => AsyncGenerator<ReportAttendee, void, undefined>
}

const SESSION_ERRORS = new Set(['invalid_session', 'session_expired'])
const SUFFIX: Record<Format, string> = { xml: '', json: '/json', csv: '/csv' }

interface ErrorTree { convey_api?: { result?: { returnCode?: string | number, error?: { code?: string, description?: string, parameter?: string } } } }

function apiError (result: NonNullable<NonNullable<ErrorTree['convey_api']>['result']>, status: number): WebcastClientError {
  const { error } = result
  return new WebcastClientError('API_ERROR', error?.description ?? `returnCode ${result.returnCode ?? '?'}`, {
    status,
    returnCode: Number(result.returnCode),
    ...(error?.code === undefined ? {} : { apiCode: error.code }),
    ...(error?.parameter === undefined ? {} : { parameter: error.parameter }),
  })
}

function csvError (header: readonly string[], records: readonly string[][], status: number): WebcastClientError {
  const [row = {}] = rowsOf(header, records)
  return apiError({ returnCode: row.returnCode ?? '', error: { code: row.code ?? '', description: row.description ?? '', ...(row.parameter === '' || row.parameter === undefined ? {} : { parameter: row.parameter }) } }, status)
}

/**
 * A typed client for the Webcasts.com Reporting API, for the real service and the mock alike.
 * It logs in lazily, logs in again once when a session is refused, decodes XML, JSON and CSV
 * into the same objects, and throws only `WebcastClientError`.
 *
 * @example
 * const client = createClient({ baseUrl: 'https://api.webcasts.com/api', username, password })
 * const report = await client.audienceReport('1087592', { no_shows: true, incl_domain: ['acme.com'] })
 * console.log(report.attendees.map((a) => a.email))
 */
export function createClient (options: ClientOptions): WebcastClient {
  const base = options.baseUrl.replace(/\/+$/, '')
  let session: Session | undefined

  async function send (path: string, params: Record<string, string>): Promise<{ status: number, body: Dispatcher.ResponseData['body'] }> {
    try {
      const response = await request(`${base}${path}`, { method: 'GET', query: params, ...(options.dispatcher === undefined ? {} : { dispatcher: options.dispatcher }) })
      return { status: response.statusCode, body: response.body }
    } catch (error) {
      throw new WebcastClientError('NETWORK_ERROR', `no answer from ${base}${path}: ${(error as Error).message}`, { cause: error })
    }
  }

  /** One request, read whole, decoded, checked: the one path every non-streaming call takes. */
  async function call<Tree> (path: string, params: Record<string, string>, format: Format, contract: SchemaId): Promise<Tree | Array<Record<string, string>>> {
    const { status, body } = await send(path, params)
    const text = await body.text()
    let decoded: unknown
    try {
      decoded = format === 'json' ? JSON.parse(text) : format === 'xml' ? decodeXml(text) : undefined
    } catch (error) {
      throw new WebcastClientError('DECODE_ERROR', `the ${format.toUpperCase()} answer from ${path} could not be read: ${(error as Error).message}`, { status, cause: error })
    }
    if (format === 'csv') {
      const parser = new CsvParser()
      const [header = [], ...records] = [...parser.push(text), ...parser.end()]
      if (header[0] === 'returnCode') throw csvError(header, records, status)
      if (status !== 200) throw new WebcastClientError('HTTP_ERROR', `HTTP ${status} from ${path}`, { status })
      const rows = rowsOf(header, records)
      if (options.validate === true) for (const row of rows) check('report-csv-row.json', row, path)
      return rows
    }
    const result = (decoded as ErrorTree).convey_api?.result
    if (result?.returnCode !== undefined && String(result.returnCode) !== '1') throw apiError(result, status)
    if (status !== 200) throw new WebcastClientError('HTTP_ERROR', `HTTP ${status} from ${path}`, { status })
    if (options.validate === true) check(contract, decoded, path)
    return decoded as Tree
  }

  function check (contract: SchemaId, value: unknown, path: string): void {
    const violations = validateContract(contract, value)
    if (violations.length > 0) throw new WebcastClientError('CONTRACT_VIOLATION', `the answer from ${path} breaks ${contract}:\n${describeViolations(violations)}`)
  }

  async function login (): Promise<Session> {
    const tree = await call<LoginResponse>('/login/json', { ver: '2.0', username: options.username, password: options.password }, 'json', 'login-response.json') as LoginResponse
    const { sessionid, userid } = tree.convey_api.result.success
    session = { sessionId: sessionid.value, userId: userid.value }
    return session
  }

  /** Runs a call with a session, logging in first if there is none and again, once, if it is refused. */
  async function withSession<T> (run: (params: { si: string, ui: string }) => Promise<T>): Promise<T> {
    const current = session ?? await login()
    try {
      return await run({ si: current.sessionId, ui: current.userId })
    } catch (error) {
      if (!(error instanceof WebcastClientError) || !SESSION_ERRORS.has(error.apiCode ?? '')) throw error
      const fresh = await login()
      return await run({ si: fresh.sessionId, ui: fresh.userId })
    }
  }

  return {
    login,
    listEvents: async () => await withSession(async (credentials) => {
      const tree = await call<EventListResponse>('/reporting/eventlist/json', credentials, 'json', 'eventlist-response.json') as EventListResponse
      return tree.convey_api.result.success.event_list.core_event.event_info
    }),
    audienceReport: async (eventId, filters = {}, { format = 'json' } = {}) => await withSession(async (credentials) => {
      const params = { ver: '2.0', ...credentials, ei: eventId, ...filtersToParams(filters) }
      const decoded = await call<AudienceReportResponse>(`/reporting/audience_reports${SUFFIX[format]}`, params, format, 'audience-report-response.json')
      if (format === 'csv') return { format, attendees: (decoded as Array<Record<string, string>>).map(attendeeFromCsvRow) }
      return reportFromTree(format, decoded as AudienceReportResponse)
    }),
    audienceReportRows: async function * (eventId, filters = {}) {
      const current = session ?? await login()
      const params = { ver: '2.0', si: current.sessionId, ui: current.userId, ei: eventId, ...filtersToParams(filters) }
      const { status, body } = await send('/reporting/audience_reports/csv', params)
      const parser = new CsvParser()
      const utf8 = new TextDecoder('utf-8')
      let header: string[] | undefined
      const pending: string[][] = []
      try {
        for await (const chunk of body) {
          for (const record of parser.push(utf8.decode(chunk as Buffer, { stream: true }))) {
            if (header === undefined) header = record
            else if (header[0] === 'returnCode') pending.push(record)
            else {
              const [row] = rowsOf(header, [record])
              if (row !== undefined) yield attendeeFromCsvRow(row)
            }
          }
        }
      } finally {
        body.destroy()
      }
      const last = [...parser.push(utf8.decode()), ...parser.end()]
      if (header?.[0] === 'returnCode') throw csvError(header, [...pending, ...last], status)
      if (header !== undefined) for (const row of rowsOf(header, last)) yield attendeeFromCsvRow(row)
    },
  }
}
