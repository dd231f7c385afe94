import { hash, timingSafeEqual } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import { CONTENT_TYPES } from '../../contracts/wire-format.js'
import type { Account } from '../../fixtures/dataset.js'
import { ApiError } from '../http/api-error.js'
import { paramsOf } from '../http/check-request.js'
import { offerToLane } from '../http/served-again.js'
import { envelopeHeader, type ServerContext } from '../http/server-context.js'
import { renderSuccess } from '../render/envelope.js'
import { loginPayload } from '../render/login-payload.js'
import { routeEndpoint } from './endpoint-routes.js'

/**
 * `GET /api/login` (XML) and `GET /api/login/json`: trades a username and password for a
 * session id and a user id.
 */
export async function loginRoutes (app: FastifyInstance, options: { context: ServerContext }): Promise<void> {
  const { data, sessions, clock, servedAgain } = options.context
  const digest = (text: string): Buffer => hash('sha256', text, 'buffer')
  // By account object: an account loaded at run time gets its digest on its first login.
  const passwordDigests = new WeakMap<Account, Buffer>()
  const digestOf = (account: Account): Buffer => {
    let known = passwordDigests.get(account)
    if (known === undefined) passwordDigests.set(account, known = digest(account.password))
    return known
  }
  const noAccountDigest = digest('')
  routeEndpoint(app, 'login', (format) => async (request, reply) => {
    const { username, password } = paramsOf(request, 'login')
    const account = data.dataset.accountByUsername(username)
    // Compared in constant time, and compared even for an unknown user, so timing reveals neither.
    const expected = account === undefined ? noAccountDigest : digestOf(account)
    const passwordMatches = timingSafeEqual(expected, digest(password))
    if (account === undefined || !passwordMatches) throw new ApiError('invalid_credentials')
    const sessionId = sessions.issue(account.userId)
    const { generation } = data
    const header = envelopeHeader(clock)
    const body = renderSuccess(format, header, loginPayload(sessionId, account.userId))
    reply.type(CONTENT_TYPES[format])
    // The same login within the same second, on the same data, is the same answer: the session
    // id is a function of the user and the second (`http/sessions.ts`).
    offerToLane(servedAgain, request, reply, body, () =>
      data.generation === generation && envelopeHeader(clock).currentDateTime === header.currentDateTime &&
        sessions.issue(account.userId) === sessionId
        ? null
        : undefined)
    return reply.send(body)
  })
}
