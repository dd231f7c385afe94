import t from 'tap'
import { csvShape, groupedPath, transportShape, treeShape, type SeenAnswer } from '../../../client/drift/shape.js'
import type { Format } from '../../../contracts/wire-format.js'

const answer = (format: Format, text: string, status = 200, contentType = ''): SeenAnswer => ({
  answer: { status, contentType, text, path: '/x' },
  format,
  id: 1,
  request: '/x',
  redact: (value) => value,
})

const HEADER = { version: '2.0', currentDateTime: '2026-01-01 00:00:00', currentTimeZone: 'GMT' }
const envelope = (result: unknown): unknown => ({ convey_api: { ...HEADER, result } })
const login = (success: unknown, returnCode: unknown = '1'): unknown => envelope({ returnCode, success })
const described = { description: 'd', value: 'ab'.repeat(20) }

t.test('array indices are written [*], so that one difference in every item is one path', async (t) => {
  t.equal(groupedPath('/a/attendee/12/session/live_session/0/duration'),
    '/a/attendee[*]/session/live_session[*]/duration')
  t.equal(groupedPath('/a/b'), '/a/b')
})

t.test('each kind of difference is told apart, with its severity', async (t) => {
  const kinds = (tree: unknown): string[] =>
    treeShape(answer('json', JSON.stringify(tree)), tree, 'login-response.json')
      .map((o) => `${o.severity} ${o.kind} ${o.path}: ${o.message}`)
  t.same(kinds(login({ sessionid: described, userid: described })), [], 'the contract met')
  t.same(kinds(login({ sessionid: described, userid: described }, 1)), [
    'informational type changed /convey_api/result/returnCode: expected the string "1", saw the number 1',
  ])
  t.same(kinds(login({ sessionid: described })), [
    'breaking missing /convey_api/result/success/userid: `userid` is missing',
  ])
  t.same(kinds(login({ sessionid: described, userid: described, extra: 1 })), [
    'additive unexpected /convey_api/result/success/extra: `extra` is not in the contract',
  ])
  const notHex = { description: 'd', value: 'not hex' }
  t.same(kinds(login({ sessionid: described, userid: notHex })).map((k) => k.split(':')[0]), [
    'breaking value outside the allowed set /convey_api/result/success/userid/value',
  ])
  t.same(kinds(login({ sessionid: described, userid: 'text' })).map((k) => k.split(':')[0]), [
    'breaking type changed /convey_api/result/success/userid',
  ], 'text where an object was expected cannot be read')
})

t.test('one item where a list was expected is read through', async (t) => {
  const event = {
    id: '1234567', sched_start: '2026-01-01 00:00:00', sched_end: '2026-01-01 01:00:00', expired: 'false', title: 'T',
  }
  const list = envelope({ returnCode: '1', success: { event_list: { core_event: { event_info: event } } } })
  const observations = treeShape(answer('json', JSON.stringify(list)), list, 'event-list-response.json')
  t.same(observations.map((o) => `${o.severity} ${o.kind}`), [
    'informational single item where a list was expected',
  ])
})

t.test('a CSV is read with its own delimiter, and its dialect, header and cells are checked', async (t) => {
  const header = 'email;fname;lname;company;title;address1;address2;city;state;country;postalcode;phone;reg_date;sti;' +
    'live_sessions;live_seconds;od_sessions;od_seconds;simlive_sessions;simlive_seconds;' +
    'firstview;last_view;questions;surveys;extra'
  const row = 'a@b.c;A;B;C;T;1;2;C;S;US;1;5;2026-01-01 00:00:00;;1;x;0;0;0;0;;;0;0;e'
  const { rows, observations } = csvShape(answer('csv', `${header}\n${row}\n`))
  t.equal(rows.length, 1)
  t.same(observations.map((o) => `${o.kind} ${o.path}`).sort(), [
    'csv dialect /csv (delimiter)',
    'csv dialect /csv (line ending)',
    'missing /csv/first_view',
    'unexpected /csv/extra',
    'unexpected /csv/firstview',
    'value outside the allowed set /csv[*]/live_seconds',
  ])
})

t.test('a success answer other than 200 breaks the client; an unexpected content type is informational', async (t) => {
  const observations = transportShape(answer('json', '{}', 201, 'application/json'), 200)
  t.same(observations.map((o) => `${o.severity} ${o.kind}: ${o.message}`), [
    'breaking http status: HTTP 201, assumed 200',
    'informational content type: content type application/json, assumed text/json; charset=utf-8',
  ])
  t.same(transportShape(answer('json', '{}', 200, 'text/json; charset=UTF-8'), 200), [],
    'the charset\'s case does not matter')
})
