import { execFileSync, fork } from 'node:child_process'
import { once } from 'node:events'
import { fileURLToPath } from 'node:url'
import type { Format } from '../../contracts/wire-format.js'
import { wallClockOf } from '../../contracts/wire-time.js'
import { createDataset } from '../../fixtures/create-dataset.js'
import { registrantsOf, type WebcastEvent } from '../../fixtures/dataset.js'
import { parseEventSpec } from '../../fixtures/event-specs.js'
import type { Registrant } from '../../fixtures/registrant.js'
import { writeReport } from '../../server/render/report-formats.js'
import { readReportQuery } from '../../server/report/report-query.js'
import { startMock } from '../../server/start-mock.js'

/**
 * The CPU-bound parts of the mock, run under callgrind to count their instructions:
 * `node cpu-parts.js registrants|answering`. After loading and building what they need, each
 * part runs {@link PASSES} times, and the process asks callgrind (`callgrind_control --dump`) to
 * write and zero its count after each pass: the fewest of the passes after the first is what a
 * part costs once the code is warm (a pass may also meet a garbage collection the others miss).
 * The answering parts serve requests from a client in a process of its own, which callgrind
 * does not follow, so only the server's side is counted (the kernel's never is).
 */
export const REGISTRANTS = 10_000
/** Requests per pass of the parts that answer requests. */
export const REQUESTS = 200
export const PASSES = 4
/** The filters of the benchmark's "3 filters" report. */
export const THREE_FILTERS = { live_viewers: 'on', excl_domain: 'gmail.com', tz: 'America/New_York' }

/** Each part: what it does, and the run it belongs to. */
export const PARTS = {
  'generating registrants': ['10,000 registrants of an event too large to keep them', 'registrants'],
  'writing JSON': ['a JSON report of 10,000 registrants built beforehand', 'registrants'],
  'writing XML': ['an XML report of them', 'registrants'],
  'writing CSV': ['a CSV report of them', 'registrants'],
  'JSON.stringify': ['of the same registrants', 'registrants'],
  'checking 3 filters': ['on each of them', 'registrants'],
  'answering a login': ['a JSON login over HTTP', 'answering'],
  'answering a report asked again': ['the 1,000-registrant JSON report, from the cache, over HTTP', 'answering'],
  'answering a filtered report asked again': ['the same with 3 filters', 'answering'],
} as const
export type Part = keyof typeof PARTS
export type Run = (typeof PARTS)[Part][1]

/** The label of a part's pass in callgrind's dumps. */
export const passLabel = (part: Part, pass: number): string => `${part.replaceAll(' ', '_')}#${pass}`

function dump (label: string): void {
  execFileSync('callgrind_control', [`--dump=${label}`, String(process.pid)], { stdio: 'ignore' })
}

async function passes (part: Part, pass: () => Promise<unknown>): Promise<void> {
  for (let n = 1; n <= PASSES; n++) {
    await pass()
    dump(passLabel(part, n))
  }
}

function write (format: Format, event: WebcastEvent, registrants: readonly Registrant[]): number {
  const { head, body } = writeReport(format, {
    header: { currentDateTime: '2026-11-28 00:00:00', currentTimeZone: 'GMT' },
    event,
    registrants,
    wallClock: wallClockOf('GMT'),
  })
  let bytes = head.length
  for (const chunk of body) bytes += chunk.length
  return bytes
}

async function overRegistrants (): Promise<void> {
  // Registrants of events up to 20,000 are kept once generated; those of larger ones never are.
  const specs = [String(REGISTRANTS), '100000'].map((text, at) => parseEventSpec(text, at))
  const events = createDataset({ seed: 1, extraEvents: specs.filter((spec) => spec !== undefined) }).events
  const [event, large] = events.slice(-2)
  if (event === undefined || large === undefined) throw new Error('no event')
  const registrants = [...registrantsOf(event)]
  const { predicates } = readReportQuery({ ei: event.id, ...THREE_FILTERS })
  dump('setup')
  await passes('generating registrants', async () => {
    for (let index = 0; index < REGISTRANTS; index++) large.registrantAt(index)
  })
  await passes('writing JSON', async () => write('json', event, registrants))
  await passes('writing XML', async () => write('xml', event, registrants))
  await passes('writing CSV', async () => write('csv', event, registrants))
  await passes('JSON.stringify', async () => JSON.stringify(registrants).length)
  await passes('checking 3 filters', async () => registrants.filter((r) => predicates.every((keep) => keep(r))).length)
}

/** The mock as `npm start` runs it, and a client in another process that asks it `REQUESTS` times per pass. */
async function answering (): Promise<void> {
  // A clock that stands still: under callgrind a pass lasts seconds, and each new second would
  // otherwise give the cached report a new head, as many times as the pass happened to last.
  const mock = await startMock({
    dataset: createDataset({ seed: 1 }),
    sessionSecret: 'bench',
    log: { level: 'info' },
    clock: () => Date.UTC(2026, 10, 28),
  })
  const client = fork(fileURLToPath(import.meta.url), ['client'])
  const ask = async (url: string): Promise<void> => {
    const done = once(client, 'message')
    client.send({ url, times: REQUESTS })
    await done
  }
  const login = `${mock.baseUrl}/login/json?ver=2.0&username=demo%40example.com&password=demo`
  const answer = await (await fetch(login)).json() as {
    convey_api: { result: { success: { sessionid: { value: string }, userid: { value: string } } } }
  }
  const { sessionid, userid } = answer.convey_api.result.success
  const report = `${mock.baseUrl}/reporting/audience_reports/json?ver=2.0&si=${sessionid.value}&ui=${userid.value}` +
    `&ei=${mock.dataset.events[0]?.id ?? ''}`
  dump('setup')
  await passes('answering a login', async () => { await ask(login) })
  await passes('answering a report asked again', async () => { await ask(report) })
  await passes('answering a filtered report asked again', async () => {
    await ask(`${report}&${new URLSearchParams(THREE_FILTERS).toString()}`)
  })
  client.kill()
  await mock.close()
}

/** The client: asks a URL as often as told, one request after another, reading each answer whole. */
function serveAsClient (): void {
  process.on('message', (message: { url: string, times: number }) => {
    void (async () => {
      for (let i = 0; i < message.times; i++) await (await fetch(message.url)).arrayBuffer()
      process.send?.('done')
    })()
  })
}

const run = process.argv[2]
if (run === 'client') serveAsClient()
else if (run === 'registrants') await overRegistrants()
else if (run === 'answering') await answering()
