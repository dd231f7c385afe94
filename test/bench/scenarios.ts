import { request } from 'undici'
import type { Format } from '../../contracts/wire-format.js'
import { THREE_FILTERS } from './cpu-parts.js'

/** How long each load run lasts and how many turns each pair of servers takes (`BENCH_SECONDS`, `BENCH_ROUNDS`). */
export const PLAN = {
  seconds: Number(process.env.BENCH_SECONDS ?? '2'),
  rounds: Math.max(5, Number(process.env.BENCH_ROUNDS ?? '5')),
}

export const FORMATS = [['json', '/json'], ['xml', ''], ['csv', '/csv']] as const satisfies
  ReadonlyArray<[Format, string]>
const LOGIN_QUERY = 'ver=2.0&username=demo%40example.com&password=demo'

/** A request the benchmark loads a server with, again and again, and what it should reach against its baseline. */
export interface LoadScenario {
  readonly name: string
  /** The path and query, given the session parameters and the 1,000-registrant event's id. */
  readonly path: (session: string, eventId: string) => string
  readonly atLeast: number
  /** Whether the 99th percentile of latency has a target (at most twice the baseline's). */
  readonly p99: boolean
}

const filtered = new URLSearchParams(THREE_FILTERS).toString()

/** What a CI suite repeats most: a login, and the same report asked again, in each format, plain and filtered. */
export const LOAD_SCENARIOS: readonly LoadScenario[] = [
  { name: 'login, json', path: () => `/api/login/json?${LOGIN_QUERY}`, atLeast: 0.6, p99: false },
  ...FORMATS.flatMap(([format, suffix]) => [
    {
      name: `report 1,000 registrants, ${format}, asked again`,
      path: (session: string, eventId: string) =>
        `/api/reporting/audience_reports${suffix}?ver=2.0&${session}&ei=${eventId}`,
      atLeast: 0.9,
      p99: true,
    },
    {
      name: `report 1,000 registrants, ${format}, 3 filters, asked again`,
      path: (session: string, eventId: string) =>
        `/api/reporting/audience_reports${suffix}?ver=2.0&${session}&ei=${eventId}&${filtered}`,
      atLeast: 0.9,
      p99: true,
    },
  ]),
]

/** Logs in to a mock at `origin`; the session as query parameters. */
export async function login (origin: string): Promise<string> {
  const response = await request(`${origin}/api/login/json?${LOGIN_QUERY}`)
  const answer = await response.body.json() as {
    convey_api: { result: { success: { sessionid: { value: string }, userid: { value: string } } } }
  }
  const success = answer.convey_api.result.success
  return `si=${success.sessionid.value}&ui=${success.userid.value}`
}

/** Reads a whole answer: its bytes, content type, time to the first byte and to the last. */
export async function fetchAnswer (url: string):
Promise<{ body: Buffer, contentType: string, firstByteMs: number, totalMs: number }> {
  const started = performance.now()
  const response = await request(url)
  let firstByteMs = 0
  const chunks: Buffer[] = []
  for await (const chunk of response.body) {
    if (chunks.length === 0) firstByteMs = performance.now() - started
    chunks.push(chunk as Buffer)
  }
  if (response.statusCode !== 200) throw new Error(`${url} answered ${response.statusCode}`)
  return { body: Buffer.concat(chunks), contentType: String(response.headers['content-type']), firstByteMs,
    totalMs: performance.now() - started }
}

/** Streams a whole answer without keeping it: bytes, time to the first byte and to the last. */
export async function streamAnswer (url: string): Promise<{ bytes: number, firstByteMs: number, totalMs: number }> {
  const started = performance.now()
  const response = await request(url)
  let firstByteMs = 0
  let bytes = 0
  for await (const chunk of response.body) {
    if (bytes === 0) firstByteMs = performance.now() - started
    bytes += (chunk as Buffer).length
  }
  if (response.statusCode !== 200) throw new Error(`${url} answered ${response.statusCode}`)
  return { bytes, firstByteMs, totalMs: performance.now() - started }
}

/** Time zones in a fixed order: each makes a report query never asked before, so it is not served from the cache. */
export const FRESH_ZONES = Intl.supportedValuesOf('timeZone')
