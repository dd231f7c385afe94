import { hash, timingSafeEqual } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import { CONTENT_TYPES } from '../../contracts/wire-format.js'
import { ApiError } from '../http/api-error.js'
import { paramsOf } from '../http/check-request.js'
import { envelopeHeader, type ServerContext } from '../http/server-context.js'
import { renderSuccess } from '../render/envelope.js'
import { loginPayload } from '../render/login-payload.js'
import { routeEndpoint } from './endpoint-routes.js'

/**
 * `GET /api/login` (XML) and `GET /api/login/json`: trades a username and password for a
 * session id and a user id.
 */
export async function loginRoutes (app: FastifyInstance, options: { context: ServerContext }): Promise<void> {
  const { dataset, sessions, clock } = options.context
  const digest = (text: string): Buffer => hash('sha256', text, 'buffer')
  const passwordDigests = new Map(dataset.accounts.map((account) => [account, digest(account.password)]))
  const noAccountDigest = digest('')
  routeEndpoint(app, 'login', (format) => async (request, reply) => {
    const { username, password } = paramsOf(request, 'login')
    const account = dataset.accountByUsername(username)
    // Compared in constant time, and compared even for an unknown user, so timing reveals neither.
    const expected = (account === undefined ? undefined : passwordDigests.get(account)) ?? noAccountDigest
    const passwordMatches = timingSafeEqual(expected, digest(password))
    if (account === undefined || !passwordMatches) throw new ApiError('invalid_credentials')
    const payload = loginPayload(sessions.issue(account.userId), account.userId)
    return reply.type(CONTENT_TYPES[format]).send(renderSuccess(format, envelopeHeader(clock), payload))
  })
}
