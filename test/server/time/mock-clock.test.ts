import t from 'tap'
import { createClient } from '../../../client/create-client.js'
import { DATA_AS_OF } from '../../../fixtures/index.js'
import { startMock } from '../../../server/start-mock.js'
import { createMockClock } from '../../../server/time/mock-clock.js'

t.test('the clock runs with its base until set, moved or frozen; the data stands still until then', async (t) => {
  let wall = Date.UTC(2026, 11, 1)
  const clock = createMockClock(() => wall)
  t.equal(clock.now(), wall)
  t.equal(clock.dataNow(), DATA_AS_OF, 'the data does not move with the wall clock')
  wall += 1000
  t.equal(clock.now(), Date.UTC(2026, 11, 1, 0, 0, 1), 'it runs')
  clock.set(Date.UTC(2027, 0, 1))
  t.equal(clock.now(), Date.UTC(2027, 0, 1))
  t.equal(clock.dataNow(), Date.UTC(2027, 0, 1), 'once set, the data follows')
  wall += 5000
  t.equal(clock.now(), Date.UTC(2027, 0, 1, 0, 0, 5), 'and it keeps running from there')
  clock.freeze()
  wall += 60_000
  t.equal(clock.now(), Date.UTC(2027, 0, 1, 0, 0, 5), 'frozen')
  clock.advance(3_600_000)
  t.equal(clock.now(), Date.UTC(2027, 0, 1, 1, 0, 5), 'advanced while frozen')
  clock.resume()
  wall += 1000
  t.equal(clock.now(), Date.UTC(2027, 0, 1, 1, 0, 6), 'resumed from where it stood')
  const state = { now: '2027-01-01T01:00:06.000Z', dataAsOf: '2027-01-01T01:00:06.000Z', frozen: false, moved: true }
  t.same(clock.state(), state)
  t.throws(() => clock.set(Number.NaN), RangeError)
})

t.test('moving the clock past a session\'s life makes the session expire', async (t) => {
  const mock = await startMock({ port: 0, sessionTtlSeconds: 3600 })
  t.teardown(() => mock.close())
  const client = createClient({ baseUrl: mock.baseUrl, ...mock.credentials })
  const { sessionId: si, userId: ui } = await client.login()
  mock.clock.advance(2 * 3600 * 1000)
  const answer = await client.exchange('/reporting/eventlist/json', { si, ui })
  t.match(answer.text, /"code":"session_expired"/)
  t.equal((await client.listEvents()).length, 9, 'the client logs in again by itself')
})

t.test('moving the clock through an event\'s live window fills its report up; later, the event expires', async (t) => {
  const mock = await startMock({ port: 0 })
  t.teardown(() => mock.close())
  const client = createClient({ baseUrl: mock.baseUrl, ...mock.credentials })
  const future = '3176865'
  const live = async (): Promise<{ viewers: number, seconds: number }> => {
    const watching = (await client.audienceReport(future)).attendees.filter((a) => a.liveSessions > 0)
    return { viewers: watching.length, seconds: watching.reduce((sum, a) => sum + a.liveSeconds, 0) }
  }
  t.same(await live(), { viewers: 0, seconds: 0 }, 'at the data\'s moment the event has not happened')
  mock.clock.set(Date.UTC(2027, 1, 10, 18, 4))
  const early = await live()
  const report = await client.audienceReport(future)
  t.ok(report.attendees.every((a) => (a.lastView ?? '') <= '2027-02-10 18:04:00'), 'nothing shown after now')
  mock.clock.set(Date.UTC(2027, 1, 10, 19, 0))
  const done = await live()
  t.ok(early.viewers > 0 && done.viewers > early.viewers,
    `viewers join as the window passes (${early.viewers} at 18:04, ${done.viewers} at 19:00)`)
  t.ok(done.seconds > early.seconds, `and watch longer (${early.seconds} s, then ${done.seconds} s)`)
  const expired = async (): Promise<string | undefined> =>
    (await client.listEvents()).find((e) => e.id === future)?.expired
  t.equal(await expired(), 'false')
  mock.clock.set(Date.UTC(2028, 5, 1))
  t.equal(await expired(), 'true', 'a year after its live window the event is expired')
})
