import { writeFileSync, mkdtempSync, readFileSync } from 'node:fs'
import { cpus, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { request } from 'undici'
import type { Format } from '../../contracts/wire-format.js'
import { createDataset } from '../../fixtures/create-dataset.js'
import { registrantsOf, type WebcastEvent } from '../../fixtures/dataset.js'
import { parseEventSpec } from '../../fixtures/event-specs.js'
import type { Registrant } from '../../fixtures/registrant.js'
import { writeReport } from '../../server/render/report-formats.js'
import { wallClockOf } from '../../contracts/wire-time.js'
import { CAN_PIN, startChild, type Child } from './children.js'
import { measureLoad, type LoadResult } from './load.js'

/**
 * `npm run bench`: every scenario of the benchmark issue, each against its baseline measured in
 * the same run, printed as a markdown table and written to `test/bench/results.md`.
 */

const here = (file: string): string => fileURLToPath(new URL(file, import.meta.url))
const MOCK = here('./mock-server.js')
const CEILING = here('./ceiling-server.js')
/** The command users run: the bundled entry `npm run build` writes. */
const CLI = here('../../bin/cli.js')
const LOGIN_QUERY = '?ver=2.0&username=demo%40example.com&password=demo'
const SECONDS = Number(process.env.BENCH_SECONDS ?? '4')

interface Row {
  scenario: string
  result: string
  p50: string
  p99: string
  baseline: string
  ratio: string
  target: string
  met: string
}
const rows: Row[] = []
const scratch = mkdtempSync(join(tmpdir(), 'webcast-bench-'))

const fmt = (n: number, digits = 0): string =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })
function record (row: Omit<Row, 'met'>, met: boolean | undefined): void {
  rows.push({ ...row, met: met === undefined ? '' : met ? 'yes' : '**no**' })
  process.stdout.write(`${row.scenario}: ${row.result} (${row.ratio} of ${row.baseline}; target ${row.target})\n`)
}

async function fetchBody (url: string): Promise<{ body: Buffer, contentType: string }> {
  const response = await request(url)
  return { body: Buffer.from(await response.body.arrayBuffer()), contentType: String(response.headers['content-type']) }
}

/** Serves the bytes a URL of the mock returned from bare node:http and bare Fastify, and measures all three. */
async function againstCeiling (name: string, mock: Child, path: string, target: number | undefined): Promise<void> {
  const { body, contentType } = await fetchBody(mock.url.replace(/\/api$/, '') + path)
  const file = join(scratch, `${rows.length}.body`)
  writeFileSync(file, body)
  const ours = await measureLoad({ url: mock.url.replace(/\/api$/, ''), path }, SECONDS)
  const ceilings: Record<string, LoadResult> = {}
  for (const kind of ['http', 'fastify']) {
    const baseline = await startChild(CEILING, [kind, file, contentType])
    ceilings[kind] = await measureLoad({ url: baseline.url }, SECONDS)
    await baseline.stop()
  }
  const ceiling = ceilings.http as LoadResult
  const ratio = ours.requestsPerSecond / ceiling.requestsPerSecond
  const errors = ours.errors + ours.non2xx
  record({
    scenario: `${name} (${fmt(body.length / 1024, 1)} KB)`,
    result: `${fmt(ours.requestsPerSecond)} req/s${errors > 0 ? ` (${errors} errors)` : ''}`,
    p50: `${ours.p50Ms} ms`,
    p99: `${ours.p99Ms} ms`,
    baseline: `node:http ${fmt(ceiling.requestsPerSecond)} req/s; ` +
      `bare Fastify ${fmt(ceilings.fastify?.requestsPerSecond ?? 0)}`,
    ratio: `${fmt(ratio, 2)}x`,
    target: target === undefined ? 'reported' : `>= ${target}x`,
  }, target === undefined ? undefined : ratio >= target)
}

async function login (mock: Child): Promise<string> {
  const { body } = await fetchBody(`${mock.url}/login/json${LOGIN_QUERY}`)
  const answer = JSON.parse(body.toString()) as {
    convey_api: { result: { success: { sessionid: { value: string }, userid: { value: string } } } }
  }
  const success = answer.convey_api.result.success
  return `si=${success.sessionid.value}&ui=${success.userid.value}`
}

/** Streams one report to the end; time to first byte, total time and bytes. */
async function stream (url: string): Promise<{ ttfbMs: number, totalMs: number, bytes: number }> {
  const started = performance.now()
  const response = await request(url)
  let ttfbMs = 0
  let bytes = 0
  for await (const chunk of response.body) {
    if (bytes === 0) ttfbMs = performance.now() - started
    bytes += (chunk as Buffer).length
  }
  return { ttfbMs, totalMs: performance.now() - started, bytes }
}

/** The event `mock-server.js SIZE` adds after the default ones: the one the scenarios read. */
function addedEvent (size: number): WebcastEvent {
  const spec = parseEventSpec(String(size), 0)
  const event = spec === undefined ? undefined : createDataset({ seed: 1, extraEvents: [spec] }).events.at(-1)
  if (event === undefined) throw new Error(`no event of ${size} registrants`)
  return event
}

interface Timed { ms: number, bytes: number }

/** How long `JSON.stringify` takes to turn registrants, already built, into text; and how much text. */
function stringifyOnce (registrants: readonly Registrant[]): Timed {
  const started = performance.now()
  const text = JSON.stringify(registrants)
  return { ms: performance.now() - started, bytes: Buffer.byteLength(text) }
}

/** The same for the mock's report writer alone, in this process: no generating, no socket. */
function writeOnce (format: Format, event: WebcastEvent, registrants: readonly Registrant[]): Timed {
  const started = performance.now()
  const { head, body } = writeReport(format, {
    header: { currentDateTime: '2026-11-28 00:00:00', currentTimeZone: 'GMT' },
    event,
    registrants,
    wallClock: wallClockOf('GMT'),
  })
  let bytes = Buffer.byteLength(head)
  for (const chunk of body) bytes += chunk.length
  return { ms: performance.now() - started, bytes }
}

type Stream = Awaited<ReturnType<typeof stream>>

/**
 * Three rounds, each `JSON.stringify` over the event's registrants, already built, then the
 * report writer alone over the same, then the report streamed in each format. Alternating them
 * lets a slow spell of the machine fall on all sides of a ratio; the fastest of each counts.
 */
async function streamingRounds (
  url: string,
  session: string,
  event: WebcastEvent,
): Promise<{ baselines: Timed[], writers: Record<Format, Timed[]>, streams: Record<Format, Stream[]> }> {
  const registrants = [...registrantsOf(event)]
  const baselines: Timed[] = []
  const writers: Record<Format, Timed[]> = { json: [], xml: [], csv: [] }
  const streams: Record<Format, Stream[]> = { json: [], xml: [], csv: [] }
  for (let round = 0; round < 3; round++) {
    baselines.push(stringifyOnce(registrants))
    for (const [format] of FORMATS) writers[format].push(writeOnce(format, event, registrants))
    for (const [format, suffix] of FORMATS) {
      streams[format].push(await stream(`${url}/reporting/audience_reports${suffix}?ver=2.0&${session}&ei=${event.id}`))
    }
  }
  return { baselines, writers, streams }
}

function uniqueQueries (session: string, eventId: string, format: string): () => string {
  const zones = ['GMT', 'UTC', 'America/New_York', 'Europe/Berlin', 'Asia/Kolkata', 'Australia/Sydney']
  const filters = [
    'no_shows=on', 'live_viewers=on', 'od_viewers=on', 'users_qa=on', 'user_survey=on',
    'incl_domain=acme.com', 'excl_domain=gmail.com', 'sti_filter=inbound|linkedin',
  ]
  let n = 0
  return () => {
    n++
    const picked = filters.filter((_, i) => ((n * 2654435761) >>> i) % 3 === 0).slice(0, 3)
    const days = String(1 + (n % 28)).padStart(2, '0')
    const zone = zones[n % zones.length] ?? 'GMT'
    return `/api/reporting/audience_reports${format}?ver=2.0&${session}&ei=${eventId}&tz=${zone}` +
      `&date_range_start=02/${days}/2026&dr_sessions=off&n=${n}${picked.length > 0 ? `&${picked.join('&')}` : ''}`
  }
}

async function coldStart (spawnOnce: () => Promise<number>, runs = 5): Promise<number> {
  const times: number[] = []
  for (let i = 0; i < runs; i++) times.push(await spawnOnce())
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)] ?? 0
}

const FORMATS = [['json', '/json'], ['xml', ''], ['csv', '/csv']] as const

async function main (): Promise<void> {
  process.stdout.write(
    `webcast-mock benchmark: ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, Node ${process.version}; ` +
    `servers ${CAN_PIN ? 'pinned to core 0 with taskset' : 'unpinned'}\n`,
  )
  const mock = await startChild(MOCK, ['100000'])
  const session = await login(mock)
  const defaultDataset = createDataset({ seed: 1 })
  const thousand = defaultDataset.events[0]?.id ?? ''
  const hundredThousandEvent = addedEvent(100_000)
  const millionEvent = addedEvent(1_000_000)

  await againstCeiling('login/json', mock, `/api/login/json${LOGIN_QUERY}`, 0.5)
  await againstCeiling('login (XML)', mock, `/api/login${LOGIN_QUERY}`, undefined)
  for (const [format, suffix] of FORMATS) {
    const report = `/api/reporting/audience_reports${suffix}?ver=2.0&${session}&ei=${thousand}`
    await againstCeiling(`report 1,000 registrants, ${format}, same query`, mock, report, 0.5)
    await againstCeiling(`report 1,000 registrants, ${format}, 3 filters`, mock,
      `${report}&live_viewers=on&excl_domain=gmail.com&tz=America/New_York`, 0.5)
  }
  for (const [format, suffix] of FORMATS) {
    const target = format === 'xml' ? 300 : 500
    const result = await measureLoad({
      url: mock.url.replace(/\/api$/, ''),
      nextPath: uniqueQueries(session, thousand, suffix),
    }, SECONDS)
    const errors = result.errors + result.non2xx
    record({
      scenario: `report 1,000 registrants, ${format}, unique queries`,
      result: `${fmt(result.requestsPerSecond)} req/s${errors > 0 ? ` (${errors} errors)` : ''}`,
      p50: `${result.p50Ms} ms`,
      p99: `${result.p99Ms} ms`,
      baseline: '-',
      ratio: '-',
      target: `>= ${target} req/s`,
    }, result.requestsPerSecond >= target)
  }

  const { baselines, writers, streams } = await streamingRounds(mock.url, session, hundredThousandEvent)
  const baseline = baselines.reduce((a, b) => (a.ms < b.ms ? a : b))
  const stringify = {
    mbps: baseline.bytes / 1e6 / (baseline.ms / 1000),
    perSecond: hundredThousandEvent.registrantCount / (baseline.ms / 1000),
  }
  const stringifyRate = `JSON.stringify of the same registrants ${fmt(stringify.mbps, 1)} MB/s ` +
    `(${fmt(stringify.perSecond)} registrants/s)`
  for (const [format] of FORMATS) {
    const best = streams[format].reduce((a, b) => (a.totalMs < b.totalMs ? a : b))
    const mbps = best.bytes / 1e6 / (best.totalMs / 1000)
    const perSecond = 100_000 / (best.totalMs / 1000)
    const target = format === 'xml' ? 0.6 : 1.0
    // The target compares rates in MB/s; registrants/s is shown beside it, since a compact
    // format (CSV is 24 MB where JSON is 64 MB) moves the same registrants in fewer bytes.
    record({
      scenario: `report 100,000 registrants streamed, ${format} (${fmt(best.bytes / 1e6, 1)} MB)`,
      result: `${fmt(mbps, 1)} MB/s (${fmt(perSecond)} registrants/s), first byte ${fmt(best.ttfbMs, 1)} ms`,
      p50: '-',
      p99: '-',
      baseline: stringifyRate,
      ratio: `${fmt(mbps / stringify.mbps, 2)}x (by registrants ${fmt(perSecond / stringify.perSecond, 2)}x)`,
      target: `>= ${target}x, first byte < 100 ms`,
    }, mbps / stringify.mbps >= target && best.ttfbMs < 100)
  }
  for (const [format] of FORMATS) {
    const best = writers[format].reduce((a, b) => (a.ms < b.ms ? a : b))
    const mbps = best.bytes / 1e6 / (best.ms / 1000)
    const perSecond = hundredThousandEvent.registrantCount / (best.ms / 1000)
    record({
      scenario: `report writer alone, ${format}, over the same registrants already built (in the benchmark's process)`,
      result: `${fmt(mbps, 1)} MB/s (${fmt(perSecond)} registrants/s)`,
      p50: '-',
      p99: '-',
      baseline: stringifyRate,
      ratio: `${fmt(mbps / stringify.mbps, 2)}x (by registrants ${fmt(perSecond / stringify.perSecond, 2)}x)`,
      target: 'reported',
    }, undefined)
  }
  const idleRss = mock.rssMb()
  await mock.stop()

  for (const [format, suffix] of FORMATS) {
    const big = await startChild(MOCK, ['1000000'])
    const bigSession = await login(big)
    // Two small reports first, of generated registrants in the same format: the first report
    // after start builds the dataset's value pools and warms the code (about 100 ms, once).
    const report = `${big.url}/reporting/audience_reports${suffix}?ver=2.0&${bigSession}`
    for (let warm = 0; warm < 2; warm++) await stream(`${report}&ei=${defaultDataset.events[7]?.id ?? ''}`)
    const run = await stream(`${report}&ei=${millionEvent.id}`)
    const peak = big.peakRssMb()
    await big.stop()
    record({
      scenario: `report 1,000,000 registrants, ${format} (${fmt(run.bytes / 1e6)} MB)`,
      result: `peak RSS ${fmt(peak, 1)} MB, ${fmt(run.totalMs / 1000, 1)} s, first byte ${fmt(run.ttfbMs, 1)} ms`,
      p50: '-',
      p99: '-',
      baseline: '-',
      ratio: '-',
      target: '< 200 MB',
    }, peak < 200)
  }

  let perSecond = 0
  for (let round = 0; round < 3; round++) {
    const started = performance.now()
    let count = 0
    for (const registrant of registrantsOf(millionEvent)) count += registrant.regDate > 0 ? 1 : 0
    perSecond = Math.max(perSecond, count / ((performance.now() - started) / 1000))
  }
  record({
    scenario: 'dataset iteration (data only)',
    result: `${fmt(perSecond)} registrants/s`,
    p50: '-',
    p99: '-',
    baseline: '-',
    ratio: '-',
    target: '>= 500,000/s',
  }, perSecond >= 500_000)

  const loginBody = join(scratch, 'login.body')
  writeFileSync(loginBody, '{}')
  const ours = await coldStart(async () => {
    const started = performance.now()
    const child = await startChild(CLI, ['serve', '--port', '0', '--log-level', 'warn'])
    await fetchBody(`${child.url}/login/json${LOGIN_QUERY}`)
    const elapsed = performance.now() - started
    await child.stop()
    return elapsed
  })
  const bare = await coldStart(async () => {
    const started = performance.now()
    const child = await startChild(CEILING, ['fastify', loginBody, 'text/json'])
    await fetchBody(`${child.url}/api/login/json`)
    const elapsed = performance.now() - started
    await child.stop()
    return elapsed
  })
  record({
    scenario: 'cold start to the first answered login (median of 5)',
    result: `${fmt(ours)} ms`,
    p50: '-',
    p99: '-',
    baseline: `bare Fastify ${fmt(bare)} ms`,
    ratio: `${fmt(ours / bare, 2)}x`,
    target: '<= 1.25x',
  }, ours / bare <= 1.25)

  const plain = await startChild(MOCK, [])
  const withMillion = await startChild(MOCK, ['1000000'])
  const bareFastify = await startChild(CEILING, ['fastify', loginBody, 'text/json'])
  const [plainRss, millionRss, bareRss] = [plain.rssMb(), withMillion.rssMb(), bareFastify.rssMb()]
  await Promise.all([plain.stop(), withMillion.stop(), bareFastify.stop()])
  record({
    scenario: 'resident memory, default dataset, idle',
    result: `${fmt(plainRss, 1)} MB (${fmt(plainRss - bareRss, 1)} MB over bare Fastify)`,
    p50: '-',
    p99: '-',
    baseline: `bare Fastify ${fmt(bareRss, 1)} MB`,
    ratio: '-',
    target: '< 50 MB over bare Fastify',
  }, plainRss - bareRss < 50)
  record({
    scenario: 'declaring a 1,000,000-registrant event, unread',
    result: `+${fmt(millionRss - plainRss, 1)} MB`,
    p50: '-',
    p99: '-',
    baseline: `default dataset ${fmt(plainRss, 1)} MB`,
    ratio: '-',
    target: '< 10 MB',
  }, millionRss - plainRss < 10)
  record({
    scenario: 'resident memory after the load runs above',
    result: `${fmt(idleRss, 1)} MB`,
    p50: '-',
    p99: '-',
    baseline: '-',
    ratio: '-',
    target: 'reported',
  }, undefined)

  const header = '| scenario | result | p50 | p99 | baseline (same run) | ratio | target | met |\n' +
    '| --- | --- | --- | --- | --- | --- | --- | --- |\n'
  const tableRow = (r: Row): string =>
    `| ${r.scenario} | ${r.result} | ${r.p50} | ${r.p99} | ${r.baseline} | ${r.ratio} | ${r.target} | ${r.met} |`
  const table = header + rows.map(tableRow).join('\n') + '\n'
  const memoryKb = Number(readFileSync('/proc/meminfo', 'utf8').match(/MemTotal:\s+(\d+)/)?.[1] ?? 0)
  const machine = `${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, ` +
    `${fmt(memoryKb / 1024 / 1024, 0)} GiB, Node ${process.version}`
  const text = `# Benchmark results\n\n${new Date().toISOString().slice(0, 10)} on ${machine}. ` +
    `Servers ${CAN_PIN ? 'pinned to core 0, load generator (autocannon) on core 1' : 'unpinned'}; ` +
    `${SECONDS} s per load run after a 1 s warm-up, 16 connections.\n\n${table}`
  writeFileSync(here('../../../test/bench/results.md'), text)
  process.stdout.write(`\n${table}`)
}

await main()
