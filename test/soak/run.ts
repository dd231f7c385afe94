/**
 * `npm run soak`: starts `webcast-mock serve` (the shipped entry point) in a child process,
 * drives a mixed workload at it over many connections for a while, and prints the unexpected
 * errors, latency percentiles per kind of request, and the server's resident memory at start,
 * after warm-up and at the end. RSS is sampled every second. Under load it swings by some 25 MB
 * with garbage collection, so "after warm-up" and "at the end" are the floors (lowest samples)
 * of the first and the last fifteen seconds of the measured run: a leak raises the floor. The
 * warm-up is long enough for V8's heap and the report cache to reach their working size (a
 * run with a forced collection every 5 s showed the heap flat at 19 MB after it). Exits 1 on
 * any unexpected error or on RSS growth of 20 MB or more after warm-up. `WEBCAST_SOAK_SECONDS`
 * (60), `WEBCAST_SOAK_CONNECTIONS` (200) and `WEBCAST_SOAK_WARMUP_SECONDS` (20) change the run.
 */
import { setTimeout as sleep } from 'node:timers/promises'
import { Pool } from 'undici'
import { startChild } from '../bench/children.js'
import { LARGE_EVENT, pickRequest, soakDataset, type SoakRequest, type SoakSession } from './workload.js'

const SECONDS = Number(process.env.WEBCAST_SOAK_SECONDS ?? 60)
const WARMUP_SECONDS = Number(process.env.WEBCAST_SOAK_WARMUP_SECONDS ?? 20)
const CONNECTIONS = Number(process.env.WEBCAST_SOAK_CONNECTIONS ?? 200)
/** Below the server's default streaming limit (8), so `server_busy` is never a correct answer. */
const LARGE_IN_FLIGHT = 4
const RSS_GROWTH_LIMIT_MB = 20
const EDGE = 512

interface Outcome { readonly kind: SoakRequest['kind'], readonly ms: number, readonly problem: string | undefined }

/**
 * Sends one request, reads its body keeping only its first and last bytes, and says what is
 * wrong with it, if anything.
 */
async function send (pool: Pool, request: SoakRequest): Promise<Outcome> {
  const started = performance.now()
  const what = `${request.method} ${request.path}`
  try {
    const response = await pool.request({
      method: request.method,
      path: request.path,
      ...(request.body === undefined
        ? {}
        : { body: request.body, headers: { 'content-type': 'application/x-www-form-urlencoded' } }),
    })
    let head = Buffer.alloc(0)
    let tail = Buffer.alloc(0)
    for await (const chunk of response.body as AsyncIterable<Buffer>) {
      if (head.length < EDGE) head = Buffer.concat([head, chunk]).subarray(0, EDGE)
      tail = Buffer.concat([tail, chunk]).subarray(-EDGE)
    }
    const ms = performance.now() - started
    const text = head.length < EDGE ? head.toString() : `${head.toString()}…${tail.toString()}`
    const edges = head.length < EDGE ? text : `${head.toString()}${tail.toString()}`
    if (response.statusCode !== request.status) {
      return { kind: request.kind, ms, problem: `HTTP ${response.statusCode} for ${what}: ${text.slice(0, 300)}` }
    }
    if (!request.expect.test(edges)) {
      return { kind: request.kind, ms, problem: `unexpected body for ${what}: ${text.slice(0, 300)}` }
    }
    return { kind: request.kind, ms, problem: undefined }
  } catch (error) {
    return { kind: request.kind, ms: performance.now() - started, problem: `${(error as Error).message} for ${what}` }
  }
}

function percentile (sorted: readonly number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))] ?? 0
}

async function login (pool: Pool): Promise<SoakSession> {
  const username = 'demo@example.com'
  const password = 'demo'
  const response = await pool.request({
    method: 'GET',
    path: `/api/login/json?ver=2.0&username=${username}&password=${password}`,
  })
  const body = await response.body.json() as {
    convey_api: { result: { success: { sessionid: { value: string }, userid: { value: string } } } }
  }
  const { sessionid, userid } = body.convey_api.result.success
  return { si: sessionid.value, ui: userid.value, username, password }
}

const server = await startChild('dist/bin/cli.js', [
  'serve', '--port', '0', '--log-level', 'warn', '--add-event', LARGE_EVENT,
])
const origin = new URL(server.url).origin
const pool = new Pool(origin, { connections: CONNECTIONS, pipelining: 1 })
const dataset = soakDataset()
const session = await login(pool)
const rssAtStartMb = server.rssMb()

let seed = 0x2f6e2b1
const draw = (): number => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31
  return seed / 2 ** 31
}

const outcomes: Outcome[] = []
const rssSamplesMb: number[] = []
let largeInFlight = 0
let measuring = false
const stopAt = performance.now() + (WARMUP_SECONDS + SECONDS) * 1000
setTimeout(() => { measuring = true }, WARMUP_SECONDS * 1000)
const sampler = setInterval(() => { if (measuring) rssSamplesMb.push(server.rssMb()) }, 1000)

const floor = (values: readonly number[]): number => Math.min(...values)

async function worker (): Promise<void> {
  while (performance.now() < stopAt) {
    let request = pickRequest(dataset, session, draw)
    while (request.kind === 'report-large' && largeInFlight >= LARGE_IN_FLIGHT) {
      request = pickRequest(dataset, session, draw)
    }
    if (request.kind === 'report-large') largeInFlight++
    const counted = measuring
    const outcome = await send(pool, request)
    if (request.kind === 'report-large') largeInFlight--
    if (counted || outcome.problem !== undefined) outcomes.push(outcome)
  }
}

process.stdout.write(
  `soak: ${CONNECTIONS} connections, ${WARMUP_SECONDS} s warm-up + ${SECONDS} s against ${server.url}\n`,
)
await Promise.all(Array.from({ length: CONNECTIONS }, worker))
clearInterval(sampler)
const rssAfterWarmupMb = floor(rssSamplesMb.slice(0, 15))
const rssAtEndMb = floor(rssSamplesMb.slice(-15))
await sleep(1000)
const rssSettledMb = server.rssMb()
const peakRssMb = server.peakRssMb()
await pool.close()
await server.stop()

const problems = outcomes.flatMap((outcome) => outcome.problem ?? [])
const lines = [`| kind | requests | p50 ms | p99 ms | max ms |`, '| --- | ---: | ---: | ---: | ---: |']
for (const kind of ['login', 'eventlist', 'report-small', 'report-large', 'bad', 'all'] as const) {
  const times = outcomes
    .filter((outcome) => kind === 'all' || outcome.kind === kind)
    .map((outcome) => outcome.ms)
    .sort((a, b) => a - b)
  lines.push(`| ${kind} | ${times.length} | ${percentile(times, 0.5).toFixed(1)} | ` +
    `${percentile(times, 0.99).toFixed(1)} | ${(times.at(-1) ?? 0).toFixed(1)} |`)
}
const growthMb = rssAtEndMb - rssAfterWarmupMb
process.stdout.write([
  ...lines,
  '',
  `requests measured: ${outcomes.length} in ${SECONDS} s (${(outcomes.length / SECONDS).toFixed(0)}/s); ` +
    'bad requests answered with their expected error envelopes',
  `unexpected errors: ${problems.length}`,
  ...problems.slice(0, 10).map((problem) => `  ${problem}`),
  `server RSS: ${rssAtStartMb.toFixed(1)} MB at start, ${rssAfterWarmupMb.toFixed(1)} MB after warm-up, ` +
    `${rssAtEndMb.toFixed(1)} MB at the end (${rssSettledMb.toFixed(1)} MB 1 s after the load stopped), ` +
    `peak ${peakRssMb.toFixed(1)} MB; samples: ${rssSamplesMb.map((mb) => mb.toFixed(0)).join(' ')}`,
  `RSS growth after warm-up: ${growthMb >= 0 ? '+' : ''}${growthMb.toFixed(1)} MB (limit < ${RSS_GROWTH_LIMIT_MB} MB)`,
  '',
].join('\n'))
process.exitCode = problems.length === 0 && growthMb < RSS_GROWTH_LIMIT_MB ? 0 : 1
