import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { MockClock } from '../time/mock-clock.js'
import type { Faults } from './faults.js'
import { FaultRuleError } from './fault-rule.js'
import type { Journal, JournalFilter } from './journal.js'
import { refuseUnlessAllowed } from './control-access.js'

/** What the control API reaches: the same objects `startMock` hands a test in code. */
export interface ControlApiOptions {
  readonly clock: MockClock
  readonly faults: Faults
  readonly journal: Journal
  /**
   * Lets clients other than this machine use the control API, when they send it as
   * `Authorization: Bearer TOKEN`. Without one, only loopback clients may.
   */
  readonly token?: string
}

/** A control API failure: an HTTP status, a stable code and a sentence. */
class ControlError extends Error {
  constructor (readonly status: number, readonly code: string, message: string) {
    super(message)
  }
}

/** A moment given as ISO 8601 with an offset, or as milliseconds since the epoch. */
function momentOf (value: unknown): number {
  if (typeof value === 'number' && Number.isFinite(value)) return value
  if (typeof value === 'string' && /(Z|[+-]\d{2}:\d{2})$/.test(value) && !Number.isNaN(Date.parse(value))) {
    return Date.parse(value)
  }
  const expected = '"now" must be ISO 8601 with an offset (2027-02-10T18:30:00Z) or ms since the epoch'
  throw new ControlError(400, 'invalid_body', expected)
}

function body (request: FastifyRequest): Record<string, unknown> {
  const value = request.body ?? {}
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new ControlError(400, 'invalid_body', 'the body must be a JSON object')
  }
  return value as Record<string, unknown>
}

function journalFilter (query: Readonly<Record<string, string | undefined>>): JournalFilter {
  const number = (name: string): number | undefined => {
    const text = query[name]
    if (text === undefined) return undefined
    if (!/^\d+$/.test(text)) throw new ControlError(400, 'invalid_query', `${name} must be a whole number, not "${text}"`)
    return Number(text)
  }
  const filter: Record<string, string | number> = {}
  for (const name of ['pathPrefix', 'account', 'faultId'] as const) {
    const text = query[name]
    if (text !== undefined) filter[name] = text
  }
  for (const name of ['status', 'returnCode', 'since'] as const) {
    const value = number(name)
    if (value !== undefined) filter[name] = value
  }
  return filter
}

/**
 * The control API, under `/_mock/`, in JSON: the clock (read, set, advance, freeze, resume),
 * the faults (add, list, remove, clear) and the journal (list, clear), the very objects a test
 * gets from `startMock()`, so that a consumer in any language can arrange its world with curl.
 * Safe by default: only this machine may use it, unless a token is given
 * (`--control-token`); anyone else gets 403.
 *
 * @example
 * curl -X POST localhost:4010/_mock/clock/advance -H 'content-type: application/json' -d '{"ms":7200000}'
 */
export async function controlApiRoutes (app: FastifyInstance, options: ControlApiOptions): Promise<void> {
  const { clock, faults, journal, token } = options
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, text, done) => {
    try {
      done(null, (text as string) === '' ? {} : JSON.parse(text as string))
    } catch {
      done(new ControlError(400, 'invalid_body', 'the body is not JSON'), undefined)
    }
  })
  app.setErrorHandler(async (error, _request, reply) => {
    const known = error instanceof ControlError
      ? error
      : error instanceof FaultRuleError
        ? new ControlError(400, 'invalid_rule', error.message)
        : new ControlError(400, 'invalid_request', (error as Error).message)
    return await reply.code(known.status).send({ error: { code: known.code, message: known.message } })
  })
  app.addHook('onRequest', refuseUnlessAllowed(token))

  app.get('/_mock/clock', async () => clock.state())
  app.post('/_mock/clock/set', async (request) => {
    clock.set(momentOf(body(request).now))
    return clock.state()
  })
  app.post('/_mock/clock/advance', async (request) => {
    const { ms } = body(request)
    if (typeof ms !== 'number' || !Number.isFinite(ms)) {
      throw new ControlError(400, 'invalid_body', '"ms" must be a number of milliseconds')
    }
    clock.advance(ms)
    return clock.state()
  })
  app.post('/_mock/clock/freeze', async () => {
    clock.freeze()
    return clock.state()
  })
  app.post('/_mock/clock/resume', async () => {
    clock.resume()
    return clock.state()
  })

  app.get('/_mock/faults', async () => ({ faults: faults.list() }))
  app.post('/_mock/faults', async (request, reply) => {
    const id = faults.add(body(request))
    return await reply.code(201).send({ id })
  })
  app.delete('/_mock/faults', async () => {
    faults.clear()
    return { faults: [] }
  })
  app.delete<{ Params: { id: string } }>('/_mock/faults/:id', async (request) => {
    const { id } = request.params
    if (!faults.remove(id)) throw new ControlError(404, 'unknown_rule', `no fault rule has the id ${id}`)
    return { faults: faults.list() }
  })

  app.get<{ Querystring: Record<string, string | undefined> }>('/_mock/journal', async (request) => ({
    entries: journal.list(journalFilter(request.query)),
    lastSeq: journal.lastSeq,
    dropped: journal.dropped,
  }))
  app.delete('/_mock/journal', async () => {
    journal.clear()
    return { entries: [], lastSeq: journal.lastSeq, dropped: journal.dropped }
  })
}
