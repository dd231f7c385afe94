import type { FastifyInstance } from 'fastify'
import type { Account } from '../../fixtures/dataset.js'
import { ApiError } from './api-error.js'
import type { ServerContext } from './server-context.js'

/**
 * Protects every route of the scope it is called in: the `si` (session id) and `ui` (user id)
 * parameters must name a live session of a known account, which is kept on `request.account`.
 * `si` is the session id and `ui` the user id on every endpoint, as the public client sends them;
 * the docs' event-list table has the two swapped (the public PHP client's usage; recorded in
 * `contracts/README.md`, Login and sessions).
 */
export function requireSession (scope: FastifyInstance, context: ServerContext): void {
  scope.decorateRequest('account', null)
  scope.addHook('preHandler', async (request) => {
    const { si: sessionId, ui: userId } = request.apiParams
    const account = sessionAccount(context, sessionId, userId)
    if (account === 'expired') throw new ApiError('session_expired', { parameter: 'si' })
    if (account === 'invalid') throw new ApiError('invalid_session', { parameter: 'si' })
    request.account = account
  })
}

/**
 * The account of a live session, or what is wrong with the session.
 *
 * @example
 * sessionAccount(context, params.si, params.ui) // an Account, 'expired' or 'invalid'
 */
export function sessionAccount (context: ServerContext, sessionId: string | undefined, userId: string | undefined):
Account | 'expired' | 'invalid' {
  const account = userId === undefined ? undefined : context.data.dataset.accountByUserId(userId)
  if (account === undefined || sessionId === undefined) return 'invalid'
  const check = context.sessions.check(sessionId, account.userId)
  return check === 'valid' ? account : check
}
