import type { Format } from '../../contracts/wire-format.js'
import { wallClockOf } from '../../contracts/wire-time.js'
import { createDataset } from '../../fixtures/create-dataset.js'
import { parseEventSpec } from '../../fixtures/event-specs.js'
import { writeReport } from '../../server/render/report-formats.js'
import { selectRegistrants } from '../../server/report/select-registrants.js'
import { startMock } from '../../server/start-mock.js'

/**
 * The mock as the benchmark runs it: the default dataset plus the events named on the command
 * line (`node mock-server.js 100000 1000000`), a fixed session secret, and the default log level
 * writing to standard output, as `npm start` does.
 *
 * Started with an IPC channel, it also answers `{ render: { eventId, format, zone } }` with the
 * milliseconds its own process takes to generate the event's registrants and write its report
 * with no HTTP in between, and `{ lastRequest: true }` with the milliseconds it spent on the last
 * request it answered: a report never asked before, timed both ways in the process that serves
 * it.
 */
const extraEvents = process.argv.slice(2)
  .map((text, position) => parseEventSpec(text, position))
  .filter((spec) => spec !== undefined)
const mock = await startMock({
  dataset: createDataset({ seed: 1, extraEvents }),
  sessionSecret: 'bench',
  log: { level: process.env.BENCH_LOG_LEVEL ?? 'info' },
})

/** A report rendered whole in this process, as the route renders it, minus HTTP and the cache. */
export interface RenderRequest { readonly eventId: string, readonly format: Format, readonly zone: string }

function render ({ eventId, format, zone }: RenderRequest): number {
  const event = mock.dataset.eventById(eventId)
  if (event === undefined) throw new Error(`no event ${eventId}`)
  const started = performance.now()
  const { head, body } = writeReport(format, {
    header: { currentDateTime: '2026-11-28 00:00:00', currentTimeZone: zone },
    event,
    registrants: selectRegistrants(event, [], mock.clock.dataNow()),
    wallClock: wallClockOf(zone),
  })
  let bytes = head.length
  for (const chunk of body) bytes += chunk.length
  if (bytes === 0) throw new Error('an empty report')
  return performance.now() - started
}

/** The milliseconds the mock spent on the last request, from its arrival to its answer's end (its journal). */
function lastRequestMs (): number {
  return mock.journal.list({ since: mock.journal.lastSeq - 1 })[0]?.durationMs ?? Number.NaN
}

process.on('message', (message: { render: RenderRequest } | { lastRequest: true }) => {
  process.send?.({ ms: 'render' in message ? render(message.render) : lastRequestMs() })
})
process.stdout.write(`listening on ${mock.baseUrl}\n`)
