import { timingSafeEqual, createHash } from 'node:crypto'
import type { FastifyReply, FastifyRequest } from 'fastify'

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/

const digest = (text: string): Buffer => createHash('sha256').update(text).digest()

/**
 * Whether a request may use the control plane: with a token configured, it must carry it
 * (compared in constant time); without one, it must come from this machine.
 */
function allowed (request: FastifyRequest, token: string | undefined): boolean {
  if (token === undefined) return LOOPBACK.test(request.socket.remoteAddress ?? '')
  const given = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1] ?? ''
  return timingSafeEqual(digest(given), digest(token))
}

/**
 * The `onRequest` hook of a control-plane scope (the control API, the console's data): refuses
 * with 403 in JSON whoever may not use it. Added inside the scope's own plugin, it never runs
 * on an API route.
 *
 * @example
 * app.addHook('onRequest', refuseUnlessAllowed(options.token))
 */
export function refuseUnlessAllowed (token: string | undefined) {
  return async function checkControlAccess (request: FastifyRequest, reply: FastifyReply): Promise<void> {
    if (allowed(request, token)) return
    const message = token === undefined
      ? 'the control API answers this machine only; start the mock with --control-token to open it'
      : 'send the control token as Authorization: Bearer TOKEN'
    await reply.code(403).send({ error: { code: 'control_refused', message } })
  }
}
