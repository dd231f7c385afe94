import { request, type Dispatcher } from 'undici'
import type { EventInfo } from '../contracts/response-types.js'
import { describeViolations, validateContract, type SchemaId } from '../contracts/validator.js'
import { FORMAT_SUFFIX, type Format } from '../contracts/wire-format.js'
import { CsvParser, rowsOf, sniffDelimiter } from '../contracts/decode-csv.js'
import { attendeeFromCsvRow, reportFromTree, type AudienceReport, type ReportAttendee } from './audience-report.js'
import { WebcastClientError } from './client-error.js'
import { filtersToParams, type ReportFilters } from './report-filters.js'
import { eventsFromTree } from './event-list.js'
import { textOf } from './lenient.js'
import { decodeAnswer, type RawAnswer } from './wire.js'

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
  /**
   * Sees every answer the client reads whole, before it is decoded or checked (not the rows
   * `audienceReportRows` streams): for logs, and for checks of the wire itself, as the contract
   * suite's of the login answer.
   */
  readonly onAnswer?: (answer: RawAnswer) => void
  /**
   * How long to wait for an answer's headers, and then for each next piece of its body, in
   * milliseconds; a wait longer than this is a `TIMEOUT` error. Undici's defaults (300 s each)
   * unless given.
   */
  readonly timeoutMs?: number
}

/** A session: `si` and `ui` for the reporting endpoints. */
export interface Session {
  readonly sessionId: string
  readonly userId: string
}

/** The Reporting API, one method per endpoint, and one for answers as they came. */
export interface WebcastClient {
  /**
   * Logs in now, in JSON unless XML is asked for (as the public PHP consumer does); other
   * methods log in by themselves when they need to.
   */
  login: (options?: { format?: 'xml' | 'json' }) => Promise<Session>
  /** Every event the account may view, expired ones included. */
  listEvents: () => Promise<EventInfo[]>
  /** One event's audience report, filtered; JSON unless another format is asked for. */
  audienceReport: (eventId: string, filters?: ReportFilters, options?: { format?: Format }) => Promise<AudienceReport>
  /** One event's audience report as CSV, one attendee at a time, for reports of any size. */
  audienceReportRows: (eventId: string, filters?: ReportFilters) => AsyncGenerator<ReportAttendee, void, undefined>
  /**
   * Sends one GET with exactly the parameters given and returns the answer as it came: through
   * the same dispatcher, base URL and `NETWORK_ERROR` as every other call, but nothing decoded,
   * nothing checked, no session added and no second login. For what the typed methods cannot
   * ask: a malformed request, an unknown path, the status and content type of an error.
   *
   * @example
   * const { sessionId: si, userId: ui } = await client.login()
   * const answer = await client.exchange('/reporting/audience_reports/csv', { ver: '2.0', si, ui, ei: '12' })
   * answer.status // the status an invalid parameter travels with in CSV
   */
  exchange: (path: string, params: Readonly<Record<string, string>>) => Promise<RawAnswer>
}

const SESSION_ERRORS = new Set(['invalid_session', 'session_expired'])

type Body = Dispatcher.ResponseData['body']
type Params = Readonly<Record<string, string>>
type Credentials = Readonly<{ si: string, ui: string }>
type CsvRow = Record<string, string>

/** A request sent and answered, its body not read yet. */
interface Sent extends Omit<RawAnswer, 'text'> {
  readonly body: Body
}

/** A `result` as a lenient reader sees it, in any format: an error's fields may be missing. */
interface LooseResult {
  returnCode?: string | number
  error?: { code?: string, description?: string, parameter?: string }
}

/** A login answer as a lenient reader sees it. */
interface LooseLogin {
  convey_api?: { result?: { success?: { sessionid?: { value?: unknown }, userid?: { value?: unknown } } } }
}

/** The `result` of a decoded answer: the envelope's in XML and JSON, the error row's in CSV. */
function resultOf (format: Format, decoded: unknown): LooseResult | undefined {
  if (format !== 'csv') return (decoded as { convey_api?: { result?: LooseResult } } | null)?.convey_api?.result
  const [row] = decoded as CsvRow[]
  if (row?.returnCode === undefined) return undefined
  const { returnCode, code = '', description = '', parameter = '' } = row
  return { returnCode, error: { code, description, ...(parameter === '' ? {} : { parameter }) } }
}

/** Why an answer is refused, if it is: the API's own error first, then an HTTP status other than 200. */
function refusalOf (result: LooseResult | undefined, status: number, path: string): WebcastClientError | undefined {
  if (result?.returnCode !== undefined && String(result.returnCode) !== '1') {
    const { error } = result
    return new WebcastClientError('API_ERROR', error?.description ?? `returnCode ${result.returnCode}`, {
      status,
      returnCode: Number(result.returnCode),
      ...(error?.code === undefined ? {} : { apiCode: error.code }),
      ...(error?.parameter === undefined ? {} : { parameter: error.parameter }),
    })
  }
  return status === 200 ? undefined : new WebcastClientError('HTTP_ERROR', `HTTP ${status} from ${path}`, { status })
}

function undecodable (format: Format, path: string, status: number, error: unknown): WebcastClientError {
  const message = `the ${format.toUpperCase()} answer from ${path} could not be read: ${(error as Error).message}`
  return new WebcastClientError('DECODE_ERROR', message, { status, cause: error })
}

/** Undici's codes for a wait longer than its `headersTimeout` or `bodyTimeout`. */
const TIMEOUT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT'])

const timedOut = (error: unknown): boolean => TIMEOUT_CODES.has(String((error as { code?: unknown }).code))

function brokenOff (path: string, status: number, error: unknown): WebcastClientError {
  const code = timedOut(error) ? 'TIMEOUT' : 'NETWORK_ERROR'
  return new WebcastClientError(code, `the answer from ${path} broke off: ${(error as Error).message}`, {
    status,
    cause: error,
  })
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
  const through = {
    ...(options.dispatcher === undefined ? {} : { dispatcher: options.dispatcher }),
    ...(options.timeoutMs === undefined ? {} : { headersTimeout: options.timeoutMs, bodyTimeout: options.timeoutMs }),
  }
  let session: Session | undefined

  /** Sends one GET: the one place a request leaves the client. `path` in the answer has the query. */
  async function send (path: string, params: Params): Promise<Sent> {
    const query = new URLSearchParams(params).toString()
    const sent = query === '' ? path : `${path}?${query}`
    try {
      const response = await request(`${base}${sent}`, { method: 'GET', ...through })
      const contentType = String(response.headers['content-type'] ?? '')
      return { status: response.statusCode, contentType, body: response.body, path: sent }
    } catch (error) {
      const code = timedOut(error) ? 'TIMEOUT' : 'NETWORK_ERROR'
      throw new WebcastClientError(code, `no answer from ${base}${path}: ${(error as Error).message}`, { cause: error })
    }
  }

  /** One request, its answer read whole. */
  async function exchange (path: string, params: Params): Promise<RawAnswer> {
    const { body, ...head } = await send(path, params)
    let text: string
    try {
      text = await body.text()
    } catch (error) {
      throw brokenOff(path, head.status, error)
    }
    const answer = { ...head, text }
    options.onAnswer?.(answer)
    return answer
  }

  /** One request, read whole, decoded, refused or checked: every call but the streaming one. */
  async function call (path: string, params: Params, format: Format, contract: SchemaId): Promise<unknown> {
    const { status, text } = await exchange(path, params)
    let decoded: unknown
    try {
      decoded = decodeAnswer(format, text)
    } catch (error) {
      // What a proxy answers for an API that did not (a bare 502, a page of HTML) is the status's failure.
      if (status !== 200) {
        throw new WebcastClientError('HTTP_ERROR', `HTTP ${status} from ${path}`, { status, cause: error })
      }
      throw undecodable(format, path, status, error)
    }
    const refusal = refusalOf(resultOf(format, decoded), status, path)
    if (refusal !== undefined) throw refusal
    if (options.validate === true) {
      for (const value of format === 'csv' ? decoded as unknown[] : [decoded]) check(contract, value, path)
    }
    return decoded
  }

  /** A CSV body's records, as they arrive. */
  async function * csvRecords (body: Body, path: string, status: number): AsyncGenerator<string[], void, undefined> {
    // The delimiter is read off the first piece, which holds the header: a lenient reader takes `;` too.
    let parser: CsvParser | undefined
    const utf8 = new TextDecoder('utf-8')
    try {
      try {
        for await (const chunk of body) {
          const text = utf8.decode(chunk as Buffer, { stream: true })
          parser ??= new CsvParser(sniffDelimiter(text))
          yield * parser.push(text)
        }
      } catch (error) {
        throw brokenOff(path, status, error)
      }
      let last: string[][]
      try {
        parser ??= new CsvParser()
        last = [...parser.push(utf8.decode()), ...parser.end()]
      } catch (error) {
        throw undecodable('csv', path, status, error)
      }
      yield * last
    } finally {
      body.destroy()
    }
  }

  /**
   * The streaming twin of `call`: sends, reads up to the header, and refuses the answer as `call`
   * would (an error row, then the HTTP status), so that `withSession` can log in again before
   * any row is handed out. A report is left streaming.
   */
  async function openCsv (path: string, params: Params): Promise<{
    header: string[]
    records: AsyncGenerator<string[], void, undefined>
  }> {
    const { status, body } = await send(path, params)
    const records = csvRecords(body, path, status)
    try {
      const first = await records.next()
      const header = first.done === true ? [] : first.value
      const errorRecords: string[][] = []
      if (header[0] === 'returnCode') for await (const record of records) errorRecords.push(record)
      const refusal = refusalOf(resultOf('csv', rowsOf(header, errorRecords)), status, path)
      if (refusal !== undefined) throw refusal
      return { header, records }
    } catch (error) {
      await records.return()
      throw error
    }
  }

  function check (contract: SchemaId, value: unknown, path: string): void {
    const violations = validateContract(contract, value)
    if (violations.length > 0) {
      const message = `the answer from ${path} breaks ${contract}:\n${describeViolations(violations)}`
      throw new WebcastClientError('CONTRACT_VIOLATION', message)
    }
  }

  async function login ({ format = 'json' }: { format?: 'xml' | 'json' } = {}): Promise<Session> {
    const path = `/login${FORMAT_SUFFIX[format]}`
    const params = { ver: '2.0', username: options.username, password: options.password }
    const tree = await call(path, params, format, 'login-response.json') as LooseLogin
    const { sessionid, userid } = tree.convey_api?.result?.success ?? {}
    const [sessionId, userId] = [textOf(sessionid?.value), textOf(userid?.value)]
    if (sessionId === undefined || userId === undefined) {
      throw new WebcastClientError('CONTRACT_VIOLATION', `the answer from ${path} has no session id and user id`)
    }
    session = { sessionId, userId }
    return session
  }

  /** Runs a call with a session, logging in first if there is none and again, once, if it is refused. */
  async function withSession<T> (run: (credentials: Credentials) => Promise<T>): Promise<T> {
    const current = session ?? await login()
    try {
      return await run({ si: current.sessionId, ui: current.userId })
    } catch (error) {
      if (!(error instanceof WebcastClientError) || !SESSION_ERRORS.has(error.apiCode ?? '')) throw error
      const fresh = await login()
      return await run({ si: fresh.sessionId, ui: fresh.userId })
    }
  }

  const reportPath = (format: Format): string => `/reporting/audience_reports${FORMAT_SUFFIX[format]}`
  const reportParams = (credentials: Credentials, eventId: string, filters: ReportFilters): Params =>
    ({ ver: '2.0', ...credentials, ei: eventId, ...filtersToParams(filters) })

  return {
    login,
    listEvents: async () => await withSession(async (credentials) => {
      const path = `/reporting/eventlist${FORMAT_SUFFIX.json}`
      return eventsFromTree(await call(path, credentials, 'json', 'event-list-response.json'))
    }),
    audienceReport: async (eventId, filters = {}, { format = 'json' } = {}) =>
      await withSession(async (credentials) => {
        const contract = format === 'csv' ? 'report-csv-row.json' : 'audience-report-response.json'
        const decoded = await call(reportPath(format), reportParams(credentials, eventId, filters), format, contract)
        if (format === 'csv') return { format, attendees: (decoded as CsvRow[]).map(attendeeFromCsvRow) }
        return reportFromTree(format, decoded)
      }),
    audienceReportRows: async function * (eventId, filters = {}) {
      const path = reportPath('csv')
      const { header, records } = await withSession(async (credentials) =>
        await openCsv(path, reportParams(credentials, eventId, filters)))
      for await (const record of records) {
        const [row = {}] = rowsOf(header, [record])
        if (options.validate === true) check('report-csv-row.json', row, path)
        yield attendeeFromCsvRow(row)
      }
    },
    exchange,
  }
}
