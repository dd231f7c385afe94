import { hash, timingSafeEqual } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import { LoginRequestSchema, type LoginRequest } from '../../contracts/request-schemas.js'
import { CONTENT_TYPES } from '../../contracts/wire-format.js'
import { ApiError } from '../api-error.js'
import { renderSuccess } from '../render/envelope.js'
import { loginPayload } from '../render/login-payload.js'
import { envelopeHeader, type ServerContext } from '../server-context.js'

/**
 * `GET /api/login` (XML) and `GET /api/login/json`: trades a username and password for a
 * session id and a user id.
 */
export async function loginRoutes (app: FastifyInstance, options: { context: ServerContext }): Promise<void> {
  const { dataset, sessions, clock } = options.context
  const digest = (text: string): Buffer => hash('sha256', text, 'buffer')
  const passwordDigests = new Map(dataset.accounts.map((account) => [account, digest(account.password)]))
  const noAccountDigest = digest('')
  for (const format of ['xml', 'json'] as const) {
    const url = format === 'xml' ? '/api/login' : '/api/login/json'
    app.get(url, { config: { format, requestContract: LoginRequestSchema, responseContract: 'login-response.json' } }, async (request, reply) => {
      const { username, password } = request.apiParams as unknown as LoginRequest
      const account = dataset.accountByUsername(username)
      // Compared in constant time, and compared even for an unknown user, so timing reveals neither.
      const expected = (account === undefined ? undefined : passwordDigests.get(account)) ?? noAccountDigest
      const passwordMatches = timingSafeEqual(expected, digest(password))
      if (account === undefined || !passwordMatches) throw new ApiError('invalid_credentials')
      const payload = loginPayload(sessions.issue(account.userId), account.userId)
      return reply.type(CONTENT_TYPES[format]).send(renderSuccess(format, envelopeHeader(clock), payload))
    })
  }
}

