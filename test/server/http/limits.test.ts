import { connect, type Socket } from 'node:net'
import { setTimeout as sleep } from 'node:timers/promises'
import t, { type Test } from 'tap'
import { request } from 'undici'
import { decodeXml } from '../../../contracts/decode-xml.js'
import { indexDataset, buildAccount, type WebcastEvent } from '../../../fixtures/index.js'
import { DEFAULT_LIMITS, resolveLimits, streamingSlots, type Limits } from '../../../server/http/limits.js'
import { startMock, type RunningMock } from '../../../server/start-mock.js'
import { REPORT_REGISTRANTS } from '../../helpers/report-dataset.js'
import { DEMO, EVENTS, withRegistrants } from '../../helpers/tiny-dataset.js'

const BIG_EVENT_SIZE = 200_000

/** An event far above the render-whole size whose registrants count how often they are read. */
function countedBigEvent (): { event: WebcastEvent, reads: () => number } {
  let reads = 0
  const registrants = withRegistrants(REPORT_REGISTRANTS)
  const event: WebcastEvent = {
    ...EVENTS[0] as WebcastEvent,
    id: '3000003',
    ...registrants,
    registrantCount: BIG_EVENT_SIZE,
    registrantAt: (index) => {
      reads++
      return registrants.registrantAt(index % REPORT_REGISTRANTS.length)
    },
  }
  return { event, reads: () => reads }
}

async function mockWithBigEvent (
  t: Test,
  limits: Partial<Limits>,
): Promise<{ mock: RunningMock, reads: () => number, reportPath: string }> {
  const { event, reads } = countedBigEvent()
  const mock = await startMock({
    dataset: indexDataset({ seed: 0, accounts: [buildAccount(DEMO, 'all')], events: [...EVENTS, event] }),
    limits,
  })
  t.teardown(() => { mock.app.server.closeAllConnections(); return mock.close() })
  const login = await (await request(`${mock.baseUrl}/login/json`, { query: { ver: '2.0', ...DEMO } })).body.json() as
    { convey_api: { result: { success: { sessionid: { value: string }, userid: { value: string } } } } }
  const { sessionid, userid } = login.convey_api.result.success
  const reportPath =
    `/api/reporting/audience_reports/csv?ver=2.0&si=${sessionid.value}&ui=${userid.value}&ei=${event.id}`
  return { mock, reads, reportPath }
}

/** A raw connection that sends `text` and collects what comes back; `paused` reads nothing until resumed. */
function rawRequest (
  mock: RunningMock,
  text: string,
  options: { paused?: boolean } = {},
): { socket: Socket, received: () => string, closed: Promise<void> } {
  const socket = connect(Number(new URL(mock.baseUrl).port), '127.0.0.1', () => { socket.write(text) })
  let received = ''
  socket.on('error', () => {})
  if (options.paused === true) socket.pause()
  else socket.on('data', (chunk: Buffer) => { received += chunk.toString('latin1') })
  const closed = new Promise<void>((resolve) => { socket.on('close', () => { resolve() }) })
  return { socket, received: () => received, closed }
}

function origin (mock: RunningMock): string {
  return new URL(mock.baseUrl).origin
}

/** The status of a GET, without reading a body that may be very large. */
async function statusOf (url: string): Promise<number> {
  const response = await request(url)
  await response.body.dump()
  return response.statusCode
}

function bodyOf (reply: string): unknown {
  return decodeXml(reply.slice(reply.indexOf('\r\n\r\n') + 4))
}

t.test('limits default to documented values and refuse impossible ones', async (t) => {
  t.same(resolveLimits(), DEFAULT_LIMITS)
  t.equal(resolveLimits({ maxStreamingReports: 2 }).maxStreamingReports, 2, 'a given limit replaces its default')
  t.throws(() => resolveLimits({ maxUrlBytes: 0 }), /maxUrlBytes must be a whole number above 0/)
  t.throws(() => resolveLimits({ idleTimeoutMs: 1.5 }), /idleTimeoutMs/)
  t.throws(() => resolveLimits({ headersTimeoutMs: 5000, requestTimeoutMs: 1000 }),
    /headersTimeoutMs \(5000\) must not exceed requestTimeoutMs/)
  t.throws(() => resolveLimits({ maxUrlBytes: 20_000 }), /maxUrlBytes \(20000\) must not exceed maxHeaderBytes/)
})

t.test('streaming slots are taken up to the ceiling and given back', async (t) => {
  const slots = streamingSlots(2)
  t.ok(slots.tryTake())
  t.ok(slots.tryTake())
  t.notOk(slots.tryTake(), 'the third is refused')
  slots.release()
  t.equal(slots.inUse, 1)
  t.ok(slots.tryTake(), 'a released slot can be taken again')
})

t.test('a URL longer than the limit gets url_too_long (414) in the format its path asks for', async (t) => {
  const mock = await startMock({ limits: { maxUrlBytes: 200 } })
  t.teardown(() => mock.close())
  const long = await request(`${mock.baseUrl}/reporting/eventlist/json?ver=2.0&si=${'a'.repeat(200)}`)
  t.equal(long.statusCode, 414)
  t.match(await long.body.json(), { convey_api: { result: { returnCode: '20', error: { code: 'url_too_long' } } } })
  const short = await request(`${mock.baseUrl}/login/json?ver=2.0&username=x&password=y`)
  t.equal(short.statusCode, 200, 'a URL within the limit is read as usual')
  t.match(await short.body.json(), { convey_api: { result: { error: { code: 'invalid_credentials' } } } })
})

t.test('a body larger than the configured limit gets request_too_large (413)', async (t) => {
  const mock = await startMock({ limits: { maxBodyBytes: 1000 } })
  t.teardown(() => mock.close())
  const response = await request(`${mock.baseUrl}/login/json`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: `ver=2.0&username=${'u'.repeat(1000)}&password=p`,
  })
  t.equal(response.statusCode, 413)
  t.match(await response.body.json(),
    { convey_api: { result: { returnCode: '15', error: { code: 'request_too_large' } } } })
})

t.test('headers larger than the configured limit get headers_too_large (431) in XML', async (t) => {
  const mock = await startMock({ limits: { maxHeaderBytes: 2048, maxUrlBytes: 1024 } })
  t.teardown(() => mock.close())
  const { received, closed } = rawRequest(mock,
    `GET /api/login HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(3000)}\r\n\r\n`)
  await closed
  t.match(received(), /^HTTP\/1\.1 431 /)
  t.match(bodyOf(received()), { convey_api: { result: { returnCode: '17', error: { code: 'headers_too_large' } } } })
})

t.test('headers that do not arrive in time get request_timeout (408) and the connection is closed', async (t) => {
  const mock = await startMock({ limits: { headersTimeoutMs: 200, requestTimeoutMs: 400 } })
  t.teardown(() => mock.close())
  const { received, closed } = rawRequest(mock, 'GET /api/login HTTP/1.1\r\nHost: x\r\n')
  await closed
  t.match(received(), /^HTTP\/1\.1 408 /)
  t.match(bodyOf(received()), { convey_api: { result: { returnCode: '18', error: { code: 'request_timeout' } } } })
})

t.test('a body that does not arrive in time gets request_timeout (408)', async (t) => {
  const mock = await startMock({ limits: { headersTimeoutMs: 200, requestTimeoutMs: 300 } })
  t.teardown(() => mock.close())
  const { received, closed } = rawRequest(mock,
    'POST /api/login/json HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n' +
    'Content-Length: 100\r\n\r\nver=2.0')
  await closed
  t.match(received(), /^HTTP\/1\.1 408 /)
  t.match(bodyOf(received()), { convey_api: { result: { error: { code: 'request_timeout' } } } })
})

t.test('a reader that stops reading a large report stalls its generation instead of filling memory', async (t) => {
  const { mock, reads, reportPath } = await mockWithBigEvent(t, {})
  const reader = rawRequest(mock, `GET ${reportPath} HTTP/1.1\r\nHost: x\r\n\r\n`, { paused: true })
  let before = -1
  for (let attempt = 0; attempt < 50 && reads() !== before; attempt++) {
    before = reads()
    await sleep(100)
  }
  t.equal(reads(), before, 'generation stops while the socket is full')
  t.ok(reads() < BIG_EVENT_SIZE / 4,
    `only what fits the socket buffers was generated (${reads()} of ${BIG_EVENT_SIZE})`)
  let rows = 0
  let tail = Buffer.alloc(0)
  await new Promise<void>((resolve) => {
    reader.socket.on('data', (chunk: Buffer) => {
      for (let at = chunk.indexOf('@'); at !== -1; at = chunk.indexOf('@', at + 1)) rows++
      tail = Buffer.concat([tail, chunk]).subarray(-7)
      if (tail.toString() === '\r\n0\r\n\r\n') resolve()
    })
    reader.socket.resume()
  })
  reader.socket.destroy()
  t.equal(reads(), BIG_EVENT_SIZE, 'once the reader reads again, the whole report is generated')
  t.equal(rows, BIG_EVENT_SIZE, 'and delivered, one email per row')
})

t.test(
  'past the streaming limit a large report gets server_busy (503, Retry-After) until a slot is free',
  async (t) => {
    const { mock, reads, reportPath } = await mockWithBigEvent(t, { maxStreamingReports: 1 })
    const first = rawRequest(mock, `GET ${reportPath} HTTP/1.1\r\nHost: x\r\n\r\n`, { paused: true })
    while (reads() === 0) await sleep(10)
    const second = await request(`${origin(mock)}${reportPath}`)
    t.equal(second.statusCode, 503)
    t.equal(second.headers['retry-after'], '1')
    t.match(await second.body.text(), /^returnCode,code,description,parameter\r\n21,server_busy,/)

    const small = await request(`${origin(mock)}${reportPath.replace('3000003', '1087592')}`)
    t.equal(small.statusCode, 200, 'a small report is not limited')
    await small.body.text()

    first.socket.destroy()
    let status = await statusOf(`${origin(mock)}${reportPath}`)
    for (let attempt = 0; attempt < 50 && status === 503; attempt++) {
      await sleep(20)
      status = await statusOf(`${origin(mock)}${reportPath}`)
    }
    t.equal(status, 200, 'the slot is free once the first reader has gone')
  },
)

t.test('a stalled reader is disconnected after the idle timeout, which frees its slot', async (t) => {
  const { mock, reads, reportPath } = await mockWithBigEvent(t, { maxStreamingReports: 1, idleTimeoutMs: 300 })
  const stalled = rawRequest(mock, `GET ${reportPath} HTTP/1.1\r\nHost: x\r\n\r\n`, { paused: true })
  t.teardown(() => stalled.socket.destroy())
  while (reads() === 0) await sleep(10)
  t.equal(await statusOf(`${origin(mock)}${reportPath}`), 503,
    'while the reader holds the only slot, another report waits')
  let status = 503
  for (let attempt = 0; attempt < 50 && status === 503; attempt++) {
    await sleep(100)
    status = await statusOf(`${origin(mock)}${reportPath}`)
  }
  t.equal(status, 200, 'the server closed the stalled connection, and the next large report may stream')
})
