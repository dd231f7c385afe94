import { parseParams } from './request-params.js'

/**
 * Parameters whose values may reach a log line. The login URL carries the password, and a
 * mistyped name (`pasword=`) can carry a secret too, so every other value is redacted.
 */
const LOGGED_PARAMETERS = new Set([
  'ver', 'username', 'ei', 'tz', 'date_range_start', 'date_range_end', 'dr_regs', 'dr_sessions', 'sti_filter',
  'excl_domain', 'incl_domain', 'users_qa', 'user_survey', 'no_shows', 'live_viewers', 'od_viewers', 'simlive_viewers',
])

/**
 * The request URL with every value but those of known, harmless parameters replaced, for logs.
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
      `${encodeURIComponent(name)}=${encodeURIComponent(LOGGED_PARAMETERS.has(name) ? v : '[redacted]')}`))
  return `${url.slice(0, queryStart)}?${kept.join('&')}`
}

/** Fastify's `req` log serializer, minus secrets. */
export function serializeRequestForLog (request: { method: string, url: string }): { method: string, url: string } {
  return { method: request.method, url: redactUrl(request.url) }
}

