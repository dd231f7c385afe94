import t from 'tap'
import { createDataset, type Dataset } from '../../fixtures/index.js'
import { buildTestServer, type TestServer } from '../helpers/test-server.js'

const FORMATS = ['', '/json', '/csv']

/** Every event's report in every format, requested in the order given, keyed by event and format. */
async function reportsOf (
  server: TestServer,
  dataset: Dataset,
  order: 'forward' | 'backward',
): Promise<Map<string, string>> {
  const session = await server.login()
  const requests = dataset.events.flatMap((event) => FORMATS.map((format) => ({ event: event.id, format })))
  if (order === 'backward') requests.reverse()
  const bodies = new Map<string, string>()
  for (const { event, format } of requests) {
    const response = await server.app.inject({
      url: `/api/reporting/audience_reports${format}`,
      query: { ver: '2.0', ...session, ei: event, tz: 'America/New_York' },
    })
    bodies.set(`${event}${format}`,
      response.body.replace(/<currentDateTime>[^<]*<\/currentDateTime>|"currentDateTime":"[^"]*"/, ''))
  }
  return bodies
}

t.test(
  'two servers built from the same seed return byte-identical reports, whatever order they are asked in',
  async (t) => {
    const first = createDataset({ seed: 1 })
    const second = createDataset({ seed: 1 })
    const forward = await reportsOf(buildTestServer(t, { dataset: first }), first, 'forward')
    const backward = await reportsOf(buildTestServer(t, { dataset: second }), second, 'backward')
    t.equal(forward.size, first.events.length * FORMATS.length)
    t.same([...forward.keys()].filter((key) => forward.get(key) !== backward.get(key)), [], 'no report differs')

    const other = createDataset({ seed: 2 })
    const otherReports = await reportsOf(buildTestServer(t, { dataset: other }), other, 'forward')
    const firstBig = [...forward.values()].find((body) => body.length > 100_000)
    t.ok(firstBig !== undefined, 'the default dataset has a report of over 100 KB to compare')
    t.notOk([...otherReports.values()].includes(firstBig ?? ''), 'another seed gives other reports')
  },
)
