import t from 'tap'
import { createRecord, Journal, type JournalRecord } from '../../../server/control/journal.js'

/** A finished record, as the server would hand it over. */
function finished (url: string, fields: Partial<JournalRecord> = {}): JournalRecord {
  const record = createRecord('GET', url, 1_000, 0)
  return { ...record, status: 200, returnCode: 1, bytes: 10, durationMs: 1.23456, outcome: 'complete', ...fields }
}

const DEMO = { username: 'demo@example.com' }

t.test('an entry shows the request as plain data, secrets redacted as the logs do', async (t) => {
  const journal = new Journal()
  journal.record(finished('/api/reporting/audience_reports/json?ver=2.0&si=secret&ui=user&ei=1087592&pasword=x&tz=GMT',
    { sessionAccount: DEMO, faultId: 'fault-2' }))
  t.strictSame(journal.list(), [{
    seq: 1,
    time: 1_000,
    method: 'GET',
    path: '/api/reporting/audience_reports/json',
    params: { ver: '2.0', si: '[redacted]', ui: '[redacted]', ei: '1087592', pasword: '[redacted]', tz: 'GMT' },
    status: 200,
    returnCode: 1,
    errorCode: null,
    bytes: 10,
    durationMs: 1.235,
    account: 'demo@example.com',
    eventId: '1087592',
    faultId: 'fault-2',
    outcome: 'complete',
  }], 'an unknown name counts as secret: a mistyped password stays out')
  t.same(JSON.parse(JSON.stringify(journal.list())), journal.list(), 'JSON carries it whole')
})

t.test('the query string and a form body together; a name sent twice has a list', async (t) => {
  const journal = new Journal()
  journal.record(finished('/api/reporting/eventlist?ver=2.0&si=a', {
    method: 'POST',
    body: { si: 'b', ui: 'c', tz: ['GMT', 'UTC'], empty: [], ver: '2.0' },
  }))
  t.strictSame(journal.list()[0]?.params,
    { ver: ['2.0', '2.0'], si: ['[redacted]', '[redacted]'], ui: '[redacted]', tz: ['GMT', 'UTC'] })
  journal.record(finished('/api/reporting/eventlist', { body: 'not a form' }))
  t.strictSame(journal.list()[1]?.params, {})
})

t.test('a login\'s account is the username it sent; elsewhere only a live session names one', async (t) => {
  const journal = new Journal()
  journal.record(finished('/api/login/json?ver=2.0&username=Demo%40Example.com&password=pw'))
  journal.record(finished('/api/login/?ver=2.0&username=a&username=b'))
  journal.record(finished('/api/reporting/eventlist?username=demo%40example.com'))
  journal.record(finished('/api/reporting/eventlist', { sessionAccount: DEMO }))
  t.same(journal.list().map((entry) => entry.account), ['Demo@Example.com', null, null, 'demo@example.com'])
  t.same(journal.list().map((entry) => entry.eventId), [null, null, null, null])
})

t.test('the ring keeps the latest entries and says how many it let go', async (t) => {
  const journal = new Journal({ capacity: 3 })
  t.equal(journal.capacity, 3)
  t.equal(journal.lastSeq, 0)
  for (let index = 1; index <= 5; index++) journal.record(finished(`/api/login?n=${index}`))
  t.same(journal.list().map((entry) => entry.seq), [3, 4, 5], 'oldest first')
  t.same(journal.list().map((entry) => entry.params.n), ['[redacted]', '[redacted]', '[redacted]'])
  t.equal(journal.size, 3)
  t.equal(journal.dropped, 2)
  t.equal(journal.lastSeq, 5)
  journal.record(finished('/api/login'))
  t.same(journal.list().map((entry) => entry.seq), [4, 5, 6])
  t.equal(journal.dropped, 3)
  journal.clear()
  t.same(journal.list(), [])
  t.equal(journal.size, 0)
  t.equal(journal.dropped, 0, 'clear forgets the dropped count')
  journal.record(finished('/api/login'))
  t.same(journal.list().map((entry) => entry.seq), [7], 'and seq goes on counting')
  t.equal(new Journal().capacity, 1000, '1000 unless given')
  t.throws(() => new Journal({ capacity: 0 }), RangeError)
})

t.test('filters: every criterion given must hold', async (t) => {
  const journal = new Journal()
  journal.record(finished('/api/login/json?username=demo%40example.com'))
  journal.record(finished('/api/reporting/eventlist/json', { sessionAccount: DEMO, returnCode: 8, faultId: 'fault-1' }))
  journal.record(finished('/api/reporting/audience_reports', { sessionAccount: { username: 'other@example.com' } }))
  journal.record(finished('/api/nothing', { status: 404, returnCode: 11, errorCode: 'unknown_path' }))
  const seqs = (filter: Parameters<Journal['list']>[0]): number[] => journal.list(filter).map((entry) => entry.seq)
  t.same(seqs({}), [1, 2, 3, 4])
  t.same(seqs({ pathPrefix: '/api/reporting/' }), [2, 3])
  t.same(seqs({ account: 'DEMO@example.com' }), [1, 2])
  t.same(seqs({ status: 404 }), [4])
  t.same(seqs({ returnCode: 8 }), [2])
  t.same(seqs({ faultId: 'fault-1' }), [2])
  t.same(seqs({ since: 2 }), [3, 4])
  t.same(seqs({ since: 1, account: 'demo@example.com', pathPrefix: '/api/reporting/eventlist' }), [2])
  t.same(seqs({ since: 4 }), [])
})
