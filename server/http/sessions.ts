import { createHmac, timingSafeEqual } from 'node:crypto'
import type { Clock } from '../time/clock.js'

/** What checking a session id against a user id finds. */
type SessionCheck = 'valid' | 'invalid' | 'expired'

/** Issues and checks session ids; see {@link createSessions}. */
export interface Sessions {
  issue: (userId: string) => string
  check: (sessionId: string, userId: string) => SessionCheck
}

const EXPIRY_BYTES = 4
const MAC_BYTES = 16
const SESSION_ID_PATTERN = /^[0-9a-f]{40}$/
const SIGNATURES_KEPT = 1024

/**
 * Session ids that carry their own expiry and signature, so no store grows and replicas that
 * share the secret accept each other's sessions. A session id is 40 lowercase hex characters, as
 * in the real API's login sample (the older guide's login sample; `contracts/README.md`, Login): 4 bytes of
 * expiry (seconds since the epoch) and the first 16 bytes of an HMAC-SHA256 over the expiry and
 * the user id. Logging in twice in one second gives the same id, which keeps tests exact.
 *
 * @example
 * const sessions = createSessions({ secret, ttlSeconds: 3600, clock: () => Date.now() })
 * sessions.check(sessions.issue(userId), userId) // 'valid'
 */
export function createSessions (options: { secret: string | Buffer, ttlSeconds: number, clock: Clock }): Sessions {
  const { secret, ttlSeconds, clock } = options
  const nowSeconds = (): number => Math.floor(clock() / 1000)
  const macOf = (expiry: Buffer, userId: string): Buffer =>
    createHmac('sha256', secret).update(expiry).update(userId).digest().subarray(0, MAC_BYTES)

  // A session id is a pure function of (expiry second, user id): the last one issued per user is
  // kept, so logins within one second cost no second HMAC. One entry per account, no growth.
  const lastIssued = new Map<string, { expirySeconds: number, sessionId: string }>()

  // A signature, once checked, stays good: the session ids whose signature was checked, with their
  // user id, so that a client asking again with the same session costs no HMAC. Bounded; its expiry
  // is read every time.
  const signedFor = new Map<string, string>()

  return {
    issue (userId) {
      const expirySeconds = Math.min(nowSeconds() + ttlSeconds, 0xffffffff)
      const last = lastIssued.get(userId)
      if (last?.expirySeconds === expirySeconds) return last.sessionId
      const expiry = Buffer.alloc(EXPIRY_BYTES)
      expiry.writeUInt32BE(expirySeconds)
      const sessionId = Buffer.concat([expiry, macOf(expiry, userId)]).toString('hex')
      lastIssued.set(userId, { expirySeconds, sessionId })
      return sessionId
    },
    check (sessionId, userId) {
      if (signedFor.get(sessionId) !== userId) {
        if (!SESSION_ID_PATTERN.test(sessionId)) return 'invalid'
        const bytes = Buffer.from(sessionId, 'hex')
        const mac = macOf(bytes.subarray(0, EXPIRY_BYTES), userId)
        if (!timingSafeEqual(bytes.subarray(EXPIRY_BYTES), mac)) return 'invalid'
        if (signedFor.size >= SIGNATURES_KEPT) signedFor.clear()
        signedFor.set(sessionId, userId)
      }
      return Number.parseInt(sessionId.slice(0, 2 * EXPIRY_BYTES), 16) > nowSeconds() ? 'valid' : 'expired'
    },
  }
}
