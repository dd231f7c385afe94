import { fileURLToPath } from 'node:url'
import { request } from 'undici'
import { createDataset } from '../../fixtures/create-dataset.js'
import { parseEventSpec } from '../../fixtures/event-specs.js'
import { FORMAT_SUFFIX, type Format } from '../../contracts/wire-format.js'
import { startChild } from './children.js'

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url))
const SIZE = 1_000_000

/** What streaming one large report through the proxy cost. */
export interface ProxyStreamFigures {
  readonly format: Format
  /** The proxy's peak resident memory, in MB (Linux `VmHWM`). */
  readonly peakRssMb: number
  readonly seconds: number
  readonly firstByteMs: number
  readonly bytes: number
}

/**
 * Starts the mock with an event of a million registrants and `webcast-mock proxy` in front of
 * it, each in a child process, streams the event's report through the proxy in each format
 * (each proxy fresh, so each peak is its format's), and measures the proxy.
 *
 * @example
 * for (const figures of await proxyStream()) console.log(figures)
 */
export async function proxyStream (formats: readonly Format[] = ['xml', 'json', 'csv']): Promise<ProxyStreamFigures[]> {
  const spec = parseEventSpec(String(SIZE), 0)
  const eventId = spec === undefined ? undefined : createDataset({ seed: 1, extraEvents: [spec] }).events.at(-1)?.id
  if (eventId === undefined) throw new Error('no event of a million registrants')
  const mock = await startChild(here('./mock-server.js'), [String(SIZE)], { BENCH_LOG_LEVEL: 'warn' })
  const figures: ProxyStreamFigures[] = []
  try {
    for (const format of formats) {
      const proxy = await startChild(here('../../server/cli/main.js'), ['proxy', '--target', mock.url, '--port', '0'])
      try {
        const loginAnswer = await request(`${proxy.url}/login/json?ver=2.0&username=demo@example.com&password=demo`)
        const login = await loginAnswer.body.json() as {
          convey_api: { result: { success: { sessionid: { value: string }, userid: { value: string } } } }
        }
        const { sessionid, userid } = login.convey_api.result.success
        const started = performance.now()
        const answer = await request(`${proxy.url}/reporting/audience_reports${FORMAT_SUFFIX[format]}?ver=2.0` +
          `&si=${sessionid.value}&ui=${userid.value}&ei=${eventId}`)
        let firstByteMs = 0
        let bytes = 0
        for await (const chunk of answer.body as AsyncIterable<Buffer>) {
          if (bytes === 0) firstByteMs = performance.now() - started
          bytes += chunk.length
        }
        figures.push({
          format,
          peakRssMb: Math.round(proxy.peakRssMb()),
          seconds: Math.round((performance.now() - started) / 100) / 10,
          firstByteMs: Math.round(firstByteMs),
          bytes,
        })
      } finally {
        await proxy.stop()
      }
    }
  } finally {
    await mock.stop()
  }
  return figures
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const figures of await proxyStream()) process.stdout.write(`${JSON.stringify(figures)}\n`)
}
