import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { CONTENT_TYPES, formatOfPath } from '../../contracts/wire-format.js'
import { ERROR_CATALOGUE } from '../../contracts/error-catalogue.js'
import { ApiError } from './api-error.js'
import type { Clock } from '../time/clock.js'
import { renderError } from '../render/envelope.js'
import { envelopeHeader } from './server-context.js'
import { isControlPath } from '../control/control-plane.js'

/**
 * Sends an API error in the envelope of the format the path asks for, with the catalogue's
 * HTTP status. Every failure the server reports goes through here.
 */
export function sendApiError (reply: FastifyReply, error: ApiError, clock: Clock): FastifyReply {
  const format = reply.request.routeOptions.config.format ?? formatOfPath(reply.request.url)
  const body = renderError(format, envelopeHeader(clock), {
    code: error.code,
    description: error.message,
    parameter: error.parameter,
  })
  return reply.code(ERROR_CATALOGUE[error.code].httpStatus).type(CONTENT_TYPES[format]).send(body)
}

/**
 * Turns any error into an API error: ours pass through, Fastify's own become the catalogue entry
 * that fits, anything else is an internal error whose details stay in the log.
 */
function toApiError (error: unknown, request: FastifyRequest): ApiError {
  if (error instanceof ApiError) return error
  const { code, statusCode, name, message } = (error ?? {}) as Partial<FastifyError>
  if (code === 'FST_ERR_CTP_BODY_TOO_LARGE') return new ApiError('request_too_large')
  if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return new ApiError('unsupported_media_type')
  if (statusCode !== undefined && statusCode >= 400 && statusCode < 500) {
    return new ApiError('malformed_request', { detail: `(${code ?? statusCode})` })
  }
  request.log.error({ err: { type: name, code, message } }, 'request failed')
  return new ApiError('internal_error')
}

/** The control plane's own not-found answer: JSON, as every answer under `/_mock/` (`control-error.json`). */
function controlNotFound (
  reply: FastifyReply,
  method: string,
  path: string,
  methods: ReadonlySet<string> | undefined,
): FastifyReply {
  if (methods === undefined) {
    return reply.code(404).send({ error: { code: 'not_found', message: `the control API has no ${path}` } })
  }
  reply.header('allow', [...methods].join(', '))
  const message = `${path} takes ${[...methods].join(' or ')}, not ${method}`
  return reply.code(405).send({ error: { code: 'method_not_allowed', message } })
}

/**
 * Installs one error handler and one not-found handler that answer in the API's own envelope:
 * no Fastify default body and no stack trace ever reaches a client. An unknown method on a known
 * path is `method_not_allowed` with an `Allow` header; anything else unmatched is `unknown_path`.
 */
export function installErrorHandling (app: FastifyInstance, clock: Clock): void {
  const methodsByPath = new Map<string, Set<string>>()
  app.addHook('onRoute', (route) => {
    const methods = methodsByPath.get(route.url) ?? new Set<string>()
    for (const method of [route.method].flat()) methods.add(method)
    methodsByPath.set(route.url, methods)
  })

  app.setErrorHandler((error, request, reply) => {
    const apiError = toApiError(error, request)
    // The endpoints of the registry under `/_mock/` (health, openapi) refuse in the envelope, as every endpoint.
    if (!isControlPath(request.url) || request.routeOptions.config.endpoint !== undefined) {
      return sendApiError(reply, apiError, clock)
    }
    // Refused before the control API read it (a body too large, a media type, shutting down): JSON all the same.
    const answer = { error: { code: apiError.code, message: apiError.message } }
    return reply.code(ERROR_CATALOGUE[apiError.code].httpStatus).type('application/json; charset=utf-8').send(answer)
  })

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?', 1)[0] ?? ''
    const methods = methodsByPath.get(path)
    if (isControlPath(path)) return controlNotFound(reply, request.method, path, methods)
    if (methods === undefined) {
      return sendApiError(reply, new ApiError('unknown_path', { detail: `(${request.method} ${path})` }), clock)
    }
    reply.header('allow', [...methods].join(', '))
    return sendApiError(
      reply,
      new ApiError('method_not_allowed', { detail: `Use ${[...methods].join(' or ')}.` }),
      clock,
    )
  })
}
