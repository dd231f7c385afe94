import { isSecret } from '../../contracts/parameters.js'
import { parseParams } from './request-params.js'

/**
 * The request URL with every value but those of known, harmless parameters replaced, for logs:
 * the registry says which are secret, and a name it does not know counts as one.
 *
 * @example
 * redactUrl('/api/login?username=a%40b.c&password=hunter2') // '/api/login?username=a%40b.c&password=%5Bredacted%5D'
 */
export function redactUrl (url: string): string {
  const queryStart = url.indexOf('?')
  if (queryStart === -1) return url
  const params = parseParams(url.slice(queryStart + 1))
  const kept = Object.entries(params).flatMap(([name, value]) =>
    (Array.isArray(value) ? value : [value ?? '']).map((v) =>
      `${encodeURIComponent(name)}=${encodeURIComponent(isSecret(name) ? '[redacted]' : v)}`))
  return `${url.slice(0, queryStart)}?${kept.join('&')}`
}

/** Fastify's `req` log serializer, minus secrets. */
export function serializeRequestForLog (request: { method: string, url: string }): { method: string, url: string } {
  return { method: request.method, url: redactUrl(request.url) }
}

