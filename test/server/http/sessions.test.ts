import t from 'tap'
import { createSessions } from '../../../server/http/sessions.js'

const USER = '870e1b2ae5d87ebb0e7a8b5bc65e5f10335bb142'
const OTHER_USER = 'a'.repeat(40)

t.test('a session id', async (t) => {
  let now = Date.UTC(2026, 0, 1)
  const sessions = createSessions({ secret: 's3cret', ttlSeconds: 10, clock: () => now })
  const sessionId = sessions.issue(USER)

  t.match(sessionId, /^[0-9a-f]{40}$/, 'is 40 lowercase hex characters')
  t.equal(sessions.check(sessionId, USER), 'valid', 'is valid for the user it was issued to')
  t.equal(sessions.check(sessionId, OTHER_USER), 'invalid', 'is invalid for any other user')
  const changed = sessionId.slice(0, 39) + (sessionId.endsWith('0') ? '1' : '0')
  t.equal(sessions.check(changed, USER), 'invalid', 'is invalid once one character changes')
  t.equal(sessions.check(sessionId.toUpperCase(), USER), 'invalid', 'is invalid in upper case')
  t.equal(sessions.check('short', USER), 'invalid', 'of the wrong length is invalid')
  now += 9_999
  t.equal(sessions.check(sessionId, USER), 'valid', 'lives until its lifetime ends')
  now += 1
  t.equal(sessions.check(sessionId, USER), 'expired', 'expires when its lifetime ends')
})

t.test('a session id from one server', async (t) => {
  const clock = (): number => Date.UTC(2026, 0, 1)
  const issued = createSessions({ secret: 'shared', ttlSeconds: 60, clock }).issue(USER)
  t.equal(createSessions({ secret: 'shared', ttlSeconds: 60, clock }).check(issued, USER), 'valid',
    'is accepted by a replica with the same secret')
  t.equal(createSessions({ secret: 'another', ttlSeconds: 60, clock }).check(issued, USER), 'invalid',
    'is refused by a server with another secret')
})

t.test('a session id checked again', async (t) => {
  let now = Date.UTC(2026, 0, 1)
  const sessions = createSessions({ secret: 's3cret', ttlSeconds: 10, clock: () => now })
  const sessionId = sessions.issue(USER)
  t.equal(sessions.check(sessionId, USER), 'valid', 'is valid the first time')
  t.equal(sessions.check(sessionId, OTHER_USER), 'invalid', 'still only for its own user')
  for (let second = 1; second <= 1100; second++) sessions.check(sessions.issue(`${second}`.padStart(40, 'b')), USER)
  t.equal(sessions.check(sessionId, USER), 'valid', 'and after many other sessions were checked')
  now += 10_000
  t.equal(sessions.check(sessionId, USER), 'expired', 'and expires on time though its signature was checked before')
})
