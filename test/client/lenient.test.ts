import t from 'tap'
import { attendeeFromCsvRow, attendeeFromTree, reportFromTree } from '../../client/audience-report.js'
import { eventsFromTree } from '../../client/event-list.js'
import { itemsOf, textOf } from '../../client/lenient.js'

t.test('text is read from a string, or from the number or boolean a service sent in its place', async (t) => {
  t.equal(textOf('1'), '1')
  t.equal(textOf(1), '1')
  t.equal(textOf(false), 'false')
  t.equal(textOf(undefined), undefined)
  t.equal(textOf({ value: '1' }), undefined, 'an object is not text')
})

t.test('a list is read as an array, one item alone, or none; an absent list is told apart', async (t) => {
  t.same(itemsOf({ question: [{ text: 'a' }, { text: 'b' }] }, 'question'), [{ text: 'a' }, { text: 'b' }])
  t.same(itemsOf({ question: { text: 'a' } }, 'question'), [{ text: 'a' }], 'one item given alone')
  t.same(itemsOf({}, 'question'), [], 'an empty list element')
  t.same(itemsOf('', 'question'), [], 'an empty XML element decoded as text')
  t.equal(itemsOf(undefined, 'question'), undefined, 'no list element at all')
})

const attendee = {
  email: 'ann@acme.com',
  fname: 'Ann',
  reg_date: '2026-03-01 10:00:00',
  session: {
    live_sessions_list: { live_session: { start: '2026-03-10 15:00:00', end: '2026-03-10 15:30:00', duration: 1800 } },
    od_sessions_list: { od_session: [] },
    simlive_sessions_list: {},
  },
  surveys_list: { survey: [{ question: 'q', answer: 'a', time: '2026-03-10 15:40:00' }] },
}

t.test('an attendee typed and shaped otherwise is read through, and what it left out is named', async (t) => {
  const read = attendeeFromTree(attendee)
  t.match(read, {
    email: 'ann@acme.com', fname: 'Ann', liveSessions: 1, liveSeconds: 1800, odSessions: 0, surveys: 1, questions: 0,
    firstView: '2026-03-10 15:00:00', lastView: '2026-03-10 15:30:00',
  })
  t.same(read.sessions, [{ kind: 'live', start: '2026-03-10 15:00:00', end: '2026-03-10 15:30:00', seconds: 1800 }])
  t.ok(read.absent.includes('questions_list'), 'the questions list is absent, not empty')
  t.ok(read.absent.includes('lname'), 'so is a registration field')
  t.notOk(read.absent.includes('surveys_list'))
  t.notOk(read.absent.includes('od_sessions_list'), 'an empty list is not absent')
})

t.test('a CSV row missing a column names it, and counts default to 0', async (t) => {
  const read = attendeeFromCsvRow({ email: 'ann@acme.com', live_sessions: '2' })
  t.equal(read.liveSessions, 2)
  t.equal(read.questions, 0)
  t.ok(read.absent.includes('questions'))
})

t.test('a report and an event list read leniently: ids as numbers, one attendee or event alone', async (t) => {
  const success = { eventid: 1234567, eventtitle: 'T', attendee_list: { attendee } }
  const report = reportFromTree('json', { convey_api: { result: { success } } })
  t.match(report, { eventId: '1234567', eventTitle: 'T', attendees: [{ email: 'ann@acme.com' }] })
  const times = { sched_start: '2026-03-10 15:00:00', sched_end: '2026-03-10 16:00:00' }
  const event = { id: 1234567, ...times, expired: true, title: 'T' }
  t.same(eventsFromTree({ convey_api: { result: { success: { event_list: { core_event: { event_info: event } } } } } }),
    [{ id: '1234567', ...times, expired: 'true', title: 'T' }])
  t.same(eventsFromTree({ nothing: true }), [], 'an answer without a list has no events')
})
