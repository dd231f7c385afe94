import { setTimeout as sleep } from 'node:timers/promises'
import t from 'tap'
import { Agent, request } from 'undici'
import { decodeCsvRows } from '../../../contracts/decode-csv.js'
import { decodeXml } from '../../../contracts/decode-xml.js'
import type { AudienceReportResponse, AttendeeJson } from '../../../contracts/response-types.js'
import { validateContract } from '../../../contracts/validator.js'
import {
  buildAccount, createDataset, indexDataset, parseEventSpec, type WebcastEvent,
} from '../../../fixtures/index.js'
import { startMock } from '../../../server/start-mock.js'
import { buildTestServer, jsonOf } from '../../helpers/test-server.js'

const PATH = '/api/reporting/audience_reports'
const dataset = createDataset({ seed: 1 })
const big = dataset.events[5] as WebcastEvent

t.test('on the default dataset', async (t) => {
  const server = buildTestServer(t, { dataset })
  const base = { ver: '2.0', ...(await server.login()), ei: big.id }
  const attendees = async (extra: Record<string, string>): Promise<AttendeeJson[]> => {
    const response = await server.app.inject({ url: `${PATH}/json`, query: { ...base, ...extra } })
    const body = jsonOf(response) as AudienceReportResponse
    t.same(validateContract('audience-report-response.json', body), [],
      `${JSON.stringify(extra)} meets the report contract`)
    return body.convey_api.result.success.attendee_list.attendee
  }
  const sessionsOf = (a: AttendeeJson): number =>
    a.session.live_sessions_list.live_session.length + a.session.od_sessions_list.od_session.length +
    a.session.simlive_sessions_list.simlive_session.length

  const everyone = await attendees({})
  t.equal(everyone.length, big.registrantCount, `the unfiltered report lists all ${big.registrantCount} registrants`)

  const noShows = await attendees({ no_shows: 'on' })
  t.ok(noShows.length > 0 && noShows.every((a) => sessionsOf(a) === 0),
    `no_shows=on returns ${noShows.length} registrants, all with empty session lists`)
  t.equal(noShows.length, everyone.filter((a) => sessionsOf(a) === 0).length, 'and every such registrant')

  const [x, y] = ['acme.com', 'gmail.com']
  const onTwo = await attendees({ incl_domain: `${x}|${y}` })
  t.ok(onTwo.length > 0 && onTwo.every((a) => [x, y].includes(a.email.split('@')[1]?.toLowerCase() ?? '')),
    `incl_domain=${x}|${y} returns ${onTwo.length}, only emails on ${x} or ${y}`)
  t.equal(onTwo.length, (await attendees({ incl_domain: x })).length + (await attendees({ incl_domain: y })).length,
    'the union of each domain alone')

  const both = await attendees({ live_viewers: 'on', od_viewers: 'on' })
  const sawBoth = (a: AttendeeJson): boolean =>
    a.session.live_sessions_list.live_session.length > 0 && a.session.od_sessions_list.od_session.length > 0
  t.ok(both.length > 0 && both.every(sawBoth),
    `live_viewers=on&od_viewers=on returns ${both.length}, only registrants with both kinds`)

  const conflict = jsonOf(await server.app.inject({
    url: `${PATH}/json`,
    query: { ...base, incl_domain: x, excl_domain: y },
  }))
  t.match(conflict, { convey_api: { result: { returnCode: '5', error: { code: 'conflicting_parameters' } } } },
    'incl_domain with excl_domain is an error envelope')

  const queries: Array<Record<string, string>> = [
    {},
    { users_qa: 'on', tz: 'America/New_York' },
    { sti_filter: 'partner', excl_domain: 'gmail.com' },
  ]
  for (const extra of queries) {
    const query = { ...base, ...extra }
    const json = (await attendees(extra)).map((a) => a.email)
    const decoded = decodeXml((await server.app.inject({ url: PATH, query })).body) as AudienceReportResponse
    const xml = decoded.convey_api.result.success.attendee_list.attendee.map((a) => a.email)
    const csv = decodeCsvRows((await server.app.inject({ url: `${PATH}/csv`, query })).body).map((row) => row.email)
    t.same(xml, json, `${JSON.stringify(extra)}: XML lists the same emails in the same order as JSON`)
    t.same(csv, json, `${JSON.stringify(extra)}: so does CSV`)
  }
})

t.test(
  'a report of a million registrants starts at once and stops being generated when the client goes away',
  async (t) => {
    const spec = parseEventSpec('1000000', 0)
    if (spec === undefined) throw new Error('spec')
    const millionDataset = createDataset({ seed: 1, events: [], extraEvents: [spec] })
    const million = millionDataset.events[0] as WebcastEvent
    let generated = 0
    const counted: WebcastEvent = {
      ...million,
      registrantAt: (index) => { generated++; return million.registrantAt(index) },
    }
    const account = buildAccount({ username: 'demo@example.com', password: 'demo' }, 'all')
    const mock = await startMock({ dataset: indexDataset({ seed: 1, accounts: [account], events: [counted] }) })
    // A client of its own, destroyed first: after an abort undici may open a spare connection
    // that would keep the server from closing.
    const dispatcher = new Agent()
    t.teardown(async () => {
      await dispatcher.destroy()
      await mock.close()
    })
    const loginResponse = await request(`${mock.baseUrl}/login/json`, {
      dispatcher,
      query: { ver: '2.0', username: 'demo@example.com', password: 'demo' },
    })
    const login = (await loginResponse.body.json()) as {
      convey_api: { result: { success: { sessionid: { value: string }, userid: { value: string } } } }
    }
    const { sessionid, userid } = login.convey_api.result.success
    const controller = new AbortController()
    const response = await request(`${mock.baseUrl}/reporting/audience_reports/csv`, {
      query: { ver: '2.0', si: sessionid.value, ui: userid.value, ei: million.id },
      signal: controller.signal,
      dispatcher,
    })
    t.equal(response.statusCode, 200)
    const reader = response.body[Symbol.asyncIterator]()
    const first = await reader.next()
    t.match(String(first.value), /^email,fname,/, 'the first bytes are the CSV header')
    controller.abort()
    await sleep(300)
    const afterAbort = generated
    await sleep(300)
    t.ok(afterAbort < 1_000_000, `generation stopped early: ${afterAbort} of 1,000,000 registrants generated`)
    t.equal(generated, afterAbort, 'and does not go on')
  },
)
