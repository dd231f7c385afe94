import t, { type Test } from 'tap'
import { decodeCsv, decodeCsvRows } from '../../../contracts/decode-csv.js'
import { decodeXml } from '../../../contracts/decode-xml.js'
import type { AudienceReportResponse } from '../../../contracts/response-types.js'
import { validateContract } from '../../../contracts/validator.js'
import { REPORT_CSV_COLUMNS } from '../../../contracts/wire-format.js'
import { buildTestServer, jsonOf, type TestServer } from '../../helpers/test-server.js'
import { reportDataset } from '../../helpers/report-dataset.js'
import { RESTRICTED } from '../../helpers/tiny-dataset.js'

const PATH = '/api/reporting/audience_reports'

async function reportServer (t: Test): Promise<TestServer & { query: Record<string, string> }> {
  const server = buildTestServer(t, { dataset: reportDataset() })
  return { ...server, query: { ver: '2.0', ...(await server.login()), ei: '2000001' } }
}

const CSV_HEADER = 'email,fname,lname,company,title,address1,address2,city,state,country,postalcode,phone,' +
  'reg_date,sti,live_sessions,live_seconds,od_sessions,od_seconds,simlive_sessions,simlive_seconds,' +
  'first_view,last_view,questions,surveys\r\n'

t.test('a report filtered to one domain', async (t) => {
  const server = await reportServer(t)
  const query = { ...server.query, incl_domain: 'globex.com' }

  t.test('in XML, with every attribute, session, question and survey', async (t) => {
    const response = await server.app.inject({ url: PATH, query })
    t.equal(response.headers['content-type'], 'text/xml; charset=utf-8')
    const attrs = 'lname="Last" title="Role" address1="1 Road" address2="" city="Town" state="ST" ' +
      'country="United States" postalcode="00001" phone="555"'
    t.equal(response.body,
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<convey_api version="2.0"><currentDateTime>2026-11-27 23:39:44</currentDateTime>' +
      '<currentTimeZone>GMT</currentTimeZone>' +
      '<result><returnCode>1</returnCode><success><eventid>2000001</eventid>' +
      '<eventtitle>Filters &amp; &lt;Friends&gt;</eventtitle><attendee_list>' +
      `<attendee email="bob@globex.com" fname="Bob" ${attrs.replace('title=', 'company="Globex, Inc." title=')} ` +
      'reg_date="2026-03-02 10:00:00" sti="linkedin">' +
      '<session><live_sessions_list/><od_sessions_list>' +
      '<od_session start="2026-03-15 12:00:00" end="2026-03-15 12:20:30" duration="1230"/>' +
      '</od_sessions_list><simlive_sessions_list/></session>' +
      '<questions_list></questions_list><surveys_list></surveys_list></attendee>' +
      `<attendee email="fay@globex.com" fname="Fay" ${attrs.replace('title=', 'company="Co" title=')} ` +
      'reg_date="2026-03-09 12:00:00">' +
      '<session><live_sessions_list>' +
      '<live_session start="2026-03-10 15:10:00" end="2026-03-10 15:20:00" duration="600"/>' +
      '</live_sessions_list><od_sessions_list/><simlive_sessions_list/></session>' +
      '<questions_list><question time="2026-03-10 15:15:00" text="When?"/></questions_list>' +
      '<surveys_list></surveys_list></attendee>' +
      '</attendee_list></success></result></convey_api>\n')
  })

  t.test('in JSON, the same tree, lists always arrays, no sti key when there is none', async (t) => {
    const response = await server.app.inject({ url: `${PATH}/json`, query })
    t.equal(response.headers['content-type'], 'text/json; charset=utf-8')
    const body = jsonOf(response) as AudienceReportResponse
    t.same(validateContract('audience-report-response.json', body), [], 'meets the report contract')
    const xml = await server.app.inject({ url: PATH, query })
    t.strictSame(decodeXml(xml.body), body, 'the XML decodes to the JSON body')
    t.strictSame(body.convey_api.result.success.attendee_list.attendee[1], {
      email: 'fay@globex.com', fname: 'Fay', lname: 'Last', company: 'Co', title: 'Role',
      address1: '1 Road', address2: '', city: 'Town', state: 'ST', country: 'United States', postalcode: '00001',
      phone: '555', reg_date: '2026-03-09 12:00:00',
      session: {
        live_sessions_list: {
          live_session: [{ start: '2026-03-10 15:10:00', end: '2026-03-10 15:20:00', duration: '600' }],
        },
        od_sessions_list: { od_session: [] },
        simlive_sessions_list: { simlive_session: [] },
      },
      questions_list: { question: [{ time: '2026-03-10 15:15:00', text: 'When?' }] },
      surveys_list: { survey: [] },
    })
  })

  t.test('in CSV, a header and one row per registrant with aggregates, RFC 4180, CRLF', async (t) => {
    const response = await server.app.inject({ url: `${PATH}/csv`, query })
    t.equal(response.headers['content-type'], 'text/csv; charset=utf-8')
    t.equal(response.body, CSV_HEADER +
      'bob@globex.com,Bob,Last,"Globex, Inc.",Role,1 Road,,Town,ST,United States,00001,555,' +
      '2026-03-02 10:00:00,linkedin,0,0,1,1230,0,0,2026-03-15 12:00:00,2026-03-15 12:20:30,0,0\r\n' +
      'fay@globex.com,Fay,Last,Co,Role,1 Road,,Town,ST,United States,00001,555,' +
      '2026-03-09 12:00:00,,1,600,0,0,0,0,2026-03-10 15:10:00,2026-03-10 15:20:00,1,0\r\n')
    t.equal(CSV_HEADER, `${REPORT_CSV_COLUMNS.join(',')}\r\n`, 'the header is the contract\'s column list')
  })
})

t.test('the three formats of one query carry the same registrants, order and values', async (t) => {
  const server = await reportServer(t)
  const queries: Array<Record<string, string>> = [
    {},
    { tz: 'America/New_York' },
    { live_viewers: 'on', od_viewers: 'on' },
    { sti_filter: 'inbound|linkedin', tz: 'Asia/Kolkata' },
    { no_shows: 'on' },
  ]
  for (const extra of queries) {
    const query = { ...server.query, ...extra }
    const [xml, json, csv] = await Promise.all(['', '/json', '/csv']
      .map((suffix) => server.app.inject({ url: PATH + suffix, query })))
    const fromJson = (jsonOf(json as never) as AudienceReportResponse).convey_api.result.success.attendee_list.attendee
    const fromXml = (decodeXml(xml?.body ?? '') as AudienceReportResponse)
      .convey_api.result.success.attendee_list.attendee
    const fromCsv = decodeCsvRows(csv?.body ?? '')
    t.strictSame(fromXml, fromJson, `${JSON.stringify(extra)}: XML and JSON agree`)
    t.same(fromCsv.map((row) => [row.email, row.fname, row.company, row.address2, row.reg_date, row.sti]),
      fromJson.map((a) => [a.email, a.fname, a.company, a.address2, a.reg_date, a.sti ?? '']),
      `${JSON.stringify(extra)}: CSV agrees`)
    for (const row of fromCsv) {
      t.same(validateContract('report-csv-row.json', row), [], `CSV row of ${row.email ?? '?'} meets its contract`)
    }
  }
})

t.test('tz sets every time shown and is echoed in currentTimeZone', async (t) => {
  const server = await reportServer(t)
  const response = await server.app.inject({
    url: `${PATH}/json`,
    query: { ...server.query, tz: 'America/New_York', incl_domain: 'gmail.com' },
  })
  const body = jsonOf(response) as AudienceReportResponse
  t.equal(body.convey_api.currentTimeZone, 'America/New_York')
  t.equal(body.convey_api.currentDateTime, '2026-11-27 18:39:44')
  const eve = body.convey_api.result.success.attendee_list.attendee[0]
  t.equal(eve?.reg_date, '2026-03-05 00:00:00', 'a registration exactly at local midnight')
  t.same(eve?.session.od_sessions_list.od_session,
    [{ start: '2026-03-20 19:30:00', end: '2026-03-20 20:30:00', duration: '3600' }], 'EDT after the spring change')
  t.same(eve?.session.live_sessions_list.live_session[0],
    { start: '2026-03-10 11:00:00', end: '2026-03-10 11:30:00', duration: '1800' })
})

t.test('text that breaks naive writers survives every format', async (t) => {
  const server = await reportServer(t)
  const query = { ...server.query, users_qa: 'on', live_viewers: 'on', user_survey: 'on' }
  const json = jsonOf(await server.app.inject({ url: `${PATH}/json`, query })) as AudienceReportResponse
  const xml = decodeXml((await server.app.inject({ url: PATH, query })).body) as AudienceReportResponse
  const question = json.convey_api.result.success.attendee_list.attendee[0]?.questions_list.question[0]
  t.equal(question?.text, 'Q & "A"?\nreally')
  t.strictSame(xml, json, 'quotes, ampersands and a line break in an attribute come back from XML unchanged')
})

t.test('a POST with a form-encoded body answers the same as a GET', async (t) => {
  const server = await reportServer(t)
  const query = { ...server.query, no_shows: 'on' }
  const get = await server.app.inject({ url: `${PATH}/csv`, query })
  const post = await server.app.inject({
    method: 'POST',
    url: `${PATH}/csv`,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams(query).toString(),
  })
  t.equal(post.body, get.body)
  t.match(post.body, /^email,.*\r\ncat@ACME\.COM,.*\r\ngus@gmail\.com,/s)
})

t.test('an empty report is the envelope with no attendee, or the CSV header alone', async (t) => {
  const server = await reportServer(t)
  const query = { ...server.query, no_shows: 'on', live_viewers: 'on' }
  t.equal((await server.app.inject({ url: `${PATH}/csv`, query })).body, CSV_HEADER)
  const json = jsonOf(await server.app.inject({ url: `${PATH}/json`, query })) as AudienceReportResponse
  t.same(json.convey_api.result.success.attendee_list, { attendee: [] })
  t.strictSame(decodeXml((await server.app.inject({ url: PATH, query })).body), json)
})

t.test('a parameter the API does not know is ignored and named in x-webcast-mock-ignored', async (t) => {
  const server = await reportServer(t)
  const response = await server.app.inject({ url: `${PATH}/csv`, query: { ...server.query, excl_domains: 'acme.com' } })
  t.equal(response.headers['x-webcast-mock-ignored'], 'excl_domains')
  t.equal(decodeCsv(response.body).length, 8, 'and the report is unfiltered: header and seven rows')
})

t.test('the report refuses', async (t) => {
  const server = await reportServer(t)
  const cases: Array<[string, Record<string, string>, string, string | undefined]> = [
    ['a request without ver', { ver: '' }, 'missing_parameter', 'ver'],
    ['a request without ei', { ei: '' }, 'missing_parameter', 'ei'],
    ['an ei that is not 7 digits', { ei: '123' }, 'invalid_parameter', 'ei'],
    ['an event that does not exist', { ei: '9999999' }, 'event_not_found', 'ei'],
    ['incl_domain with excl_domain', { incl_domain: 'a.com', excl_domain: 'b.com' },
      'conflicting_parameters', 'excl_domain'],
    ['a start after the end', { date_range_start: '03/02/2026', date_range_end: '03/01/2026' },
      'conflicting_parameters', 'date_range_end'],
    ['a date that is not mm/dd/yyyy', { date_range_start: '2026-03-01' }, 'invalid_parameter', 'date_range_start'],
    ['an unknown zone', { tz: 'Mars/Olympus' }, 'invalid_parameter', 'tz'],
    ['an on/off filter with another value', { live_viewers: 'yes' }, 'invalid_parameter', 'live_viewers'],
    ['a filter given twice', { no_shows: 'on&no_shows=off' }, 'invalid_parameter', 'no_shows'],
  ]
  for (const [name, extra, code, parameter] of cases) {
    t.test(name, async (t) => {
      const query = new URLSearchParams({ ...server.query, ...extra }).toString()
        .replace('%26no_shows%3D', '&no_shows=')
      for (const suffix of ['', '/json', '/csv']) {
        const response = await server.app.inject({ url: `${PATH}${suffix}?${query}` })
        t.equal(response.statusCode, 200)
        const body = suffix === '/csv'
          ? decodeCsvRows(response.body)[0]
          : suffix === '' ? decodeXml(response.body) : jsonOf(response)
        if (suffix !== '/csv') {
          t.same(validateContract('error-response.json', body), [], `${suffix || 'XML'} meets the error contract`)
        }
        const expected = suffix === '/csv'
          ? { code, parameter: parameter ?? '' }
          : { convey_api: { result: { error: { code, parameter } } } }
        t.match(body, expected, `${suffix || 'XML'} names ${code}`)
      }
    })
  }

  t.test('an event the account may not view', async (t) => {
    const restricted = await server.login(RESTRICTED)
    const response = await server.app.inject({ url: `${PATH}/json`, query: { ...server.query, ...restricted } })
    t.match(jsonOf(response),
      { convey_api: { result: { returnCode: '10', error: { code: 'event_forbidden', parameter: 'ei' } } } })
  })

  t.test('a request without a session, before reading any filter', async (t) => {
    const response = await server.app.inject({
      url: `${PATH}/json`,
      query: { ...server.query, si: 'a'.repeat(40), tz: 'Mars/Olympus' },
    })
    t.match(jsonOf(response), { convey_api: { result: { error: { code: 'invalid_session' } } } })
  })
})

t.test('a query asked again gets the same body under a fresh envelope header', async (t) => {
  const server = await reportServer(t)
  const query = { ...server.query, od_viewers: 'on' }
  const first = await server.app.inject({ url: PATH, query })
  server.advance(61_000)
  const again = await server.app.inject({ url: PATH, query: { ...query, ...(await server.login()) } })
  t.match(again.body, '<currentDateTime>2026-11-27 23:40:45</currentDateTime>', 'the header carries the new time')
  t.equal(again.body.replace(/<currentDateTime>[^<]*/, ''), first.body.replace(/<currentDateTime>[^<]*/, ''),
    'the rest is the same')
  const other = await server.app.inject({ url: PATH, query: { ...query, tz: 'Asia/Kolkata' } })
  t.notMatch(other.body, 'start="2026-03-15 12:00:00"', 'another query is rendered anew')
})

t.test('a value that spells another parameter is not mistaken for it by the report cache', async (t) => {
  const server = await reportServer(t)
  const tricky = await server.app.inject({
    url: `${PATH}/csv`,
    query: { ...server.query, incl_domain: 'acme.com&live_viewers=on' },
  })
  const plain = await server.app.inject({
    url: `${PATH}/csv`,
    query: { ...server.query, incl_domain: 'acme.com', live_viewers: 'on' },
  })
  t.equal(decodeCsv(tricky.body).length, 1, 'no domain is called "acme.com&live_viewers=on": the header alone')
  t.same(decodeCsvRows(plain.body).map((row) => row.email), ['ann@acme.com'], 'live viewers on acme.com: Ann')
})
