import t from 'tap'
import { startMock } from '../../../server/start-mock.js'
import { FIXED_NOW } from '../../helpers/tiny-dataset.js'

const FIXTURE = `
events:
  - id: 7000001
    title: Spring launch
    kind: live_simlive
    live: { start: 2027-03-01T15:00:00Z, end: 2027-03-01T16:00:00Z }
    registrants:
      - email: ann@acme.com
        registered: 2027-02-20T09:00:00Z
        sessions: [{ kind: live, start: 2027-03-01T15:05:00Z, end: 2027-03-01T15:50:00Z }]
        questions: [{ time: 2027-03-01T15:20:00Z, text: Slides? }]
    generate: { count: 300, seed: 4, proportions: { no_shows: 0.3, qa: 0.2 } }
`

/** The control calls and API requests of one test run, in order: `[method, url, body]`. */
const STEPS: ReadonlyArray<readonly [string, string?, string?]> = [
  ['POST', '/_mock/fixtures', FIXTURE],
  ['DELETE', '/_mock/fixtures/events/9288309'],
  ['POST', '/_mock/clock/set', '{"now":"2027-03-01T15:30:00Z"}'],
  ['POST', '/_mock/clock/freeze'],
  ['POST', '/_mock/faults', '{"pathPrefix":"/api/reporting/","probability":0.4,"error":"internal_error"}'],
  ['POST', '/_mock/faults', JSON.stringify({
    path: '/api/reporting/audience_reports', probability: 0.5, latencyMs: { min: 0, max: 9 },
  })],
  ['LOGIN'],
  ...['', '/json', '/csv'].flatMap((format) => [0, 1, 2].map((): [string, string] =>
    ['GET', `/api/reporting/audience_reports${format}?ver=2.0&ei=7000001&{session}`])),
  ['POST', '/_mock/clock/advance', '{"ms":1800000}'],
  ['GET', '/api/reporting/audience_reports/json?ver=2.0&ei=7000001&users_qa=on&{session}'],
  ['GET', '/api/reporting/eventlist/json?{session}'],
  ['GET', '/_mock/faults'],
  ['GET', '/_mock/fixtures'],
  ['GET', '/_mock/journal'],
]

/** Every answer of the steps on a fresh mock: status, content type and body, durations left out. */
async function answersOf (seed: number): Promise<string[]> {
  const mock = await startMock({ port: 0, seed, clock: () => FIXED_NOW, sessionSecret: 'same' })
  try {
    let session = ''
    const answers: string[] = []
    for (const [method, url = '', body] of STEPS) {
      if (method === 'LOGIN') {
        const login = await mock.app.inject(`/api/login/json?ver=2.0&username=demo@example.com&password=demo`)
        const { success } = login.json<{ convey_api: { result: { success: Record<string, { value: string }> } } }>()
          .convey_api.result
        session = `si=${success.sessionid?.value ?? ''}&ui=${success.userid?.value ?? ''}`
        continue
      }
      const response = await mock.app.inject({
        method: method as 'GET',
        url: url.replace('{session}', session),
        ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, payload: body }),
      })
      const text = response.body.replace(/"durationMs":[\d.e-]+/g, '"durationMs":0')
      answers.push(`${method} ${url} ${response.statusCode} ${String(response.headers['content-type'])}\n${text}`)
    }
    return answers
  } finally {
    await mock.close()
  }
}

t.test('the same seed and the same control calls give byte-identical answers on two fresh mocks', async (t) => {
  const first = await answersOf(3)
  const second = await answersOf(3)
  t.equal(first.length, STEPS.length - 1)
  t.same(second.map((answer, index) => answer === first[index] ? '' : answer.slice(0, 300)).filter(Boolean), [],
    'no answer differs')
  const reports = first.filter((answer) => answer.startsWith('GET /api/reporting/audience_reports'))
  t.ok(reports.some((answer) => / 500 /.test(answer)) && reports.some((answer) => / 200 /.test(answer)),
    'the faults fired on some reports and not on others')
  t.ok(first.some((answer) => answer.includes('ann@acme.com')), 'the fixture\'s registrants are in the reports')
  const other = await answersOf(4)
  t.not(other.join('\n'), first.join('\n'), 'another seed gives other answers (its own stream of chances)')
})
