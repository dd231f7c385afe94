import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { MockClock } from '../time/mock-clock.js'
import type { Faults } from './faults.js'
import { FaultRuleError, type FaultRule } from './fault-rule.js'
import type { Fixtures } from './fixtures.js'
import type { ControlSchemaId } from '../../contracts/control-schemas.js'
import { FixtureError, type FixtureMode } from '../../fixtures/load-fixtures.js'
import { formatFixtureProblem } from '../../fixtures/fixture-problem.js'
import type { Journal, JournalFilter } from './journal.js'
import { refuseUnlessAllowed } from './control-access.js'

/** What the control API reaches: the same objects `startMock` hands a test in code. */
export interface ControlApiOptions {
  readonly clock: MockClock
  readonly fixtures: Fixtures
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
  constructor (
    readonly status: number,
    readonly code: string,
    message: string,
    readonly problems?: readonly string[],
  ) {
    super(message)
  }
}

/** A moment as the clock-set body gives it (`clock-set-request.json`): ISO 8601 with an offset, or ms. */
function momentOf (value: string | number): number {
  const moment = typeof value === 'number' ? value : Date.parse(value)
  if (Number.isNaN(moment)) throw new ControlError(400, 'invalid_body', `"now" is no moment: ${value}`)
  return moment
}

/** The contracts' validator, loaded by the first control request that needs it: start-up does without ajv. */
let validator: Promise<typeof import('../../contracts/validator.js')> | undefined

/** The value, when it meets its schema (`contracts/control-schemas.ts`); else a 400 with `code`: each problem. */
async function checked<T> (schemaId: ControlSchemaId, value: unknown, code: string, hint = ''): Promise<T> {
  const { validateContract, describeViolations } = await (validator ??= import('../../contracts/validator.js'))
  const violations = validateContract(schemaId, value)
  if (violations.length === 0) return value as T
  throw new ControlError(400, code, `${hint}${describeViolations(violations).replaceAll('\n', '; ')}`)
}

function body (request: FastifyRequest): unknown {
  return request.body ?? {}
}

async function journalFilter (query: unknown): Promise<JournalFilter> {
  const given = await checked<Readonly<Record<string, string>>>('journal-query.json', query, 'invalid_query')
  const numbers = new Set(['status', 'returnCode', 'since'])
  return Object.fromEntries(Object.entries(given)
    .map(([name, text]) => [name, numbers.has(name) ? Number(text) : text]))
}

/**
 * The control API, under `/_mock/`, in JSON: the clock (read, set, advance, freeze, resume),
 * the fixtures (list, load, remove an event, reset), the faults (add, list, remove, clear) and
 * the journal (list, clear), the very objects a test
 * gets from `startMock()`, so that a consumer in any language can arrange its world with curl.
 * Safe by default: only this machine may use it, unless a token is given
 * (`--control-token`); anyone else gets 403.
 *
 * @example
 * curl -X POST localhost:4010/_mock/clock/advance -H 'content-type: application/json' -d '{"ms":7200000}'
 */
export async function controlApiRoutes (app: FastifyInstance, options: ControlApiOptions): Promise<void> {
  const { clock, fixtures, faults, journal, token } = options
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
    const problems = known.problems === undefined ? {} : { problems: known.problems }
    return await reply.code(known.status).send({ error: { code: known.code, message: known.message, ...problems } })
  })
  app.addHook('onRequest', refuseUnlessAllowed(token))

  app.get('/_mock/clock', async () => clock.state())
  app.post('/_mock/clock/set', async (request) => {
    const hint = '"now" must be ISO 8601 with an offset (2027-02-10T18:30:00Z) or ms since the epoch: '
    const { now } = await checked<{ now: string | number }>('clock-set-request.json', body(request), 'invalid_body',
      hint)
    clock.set(momentOf(now))
    return clock.state()
  })
  app.post('/_mock/clock/advance', async (request) => {
    const hint = '"ms" must be a whole number of milliseconds: '
    const { ms } = await checked<{ ms: number }>('clock-advance-request.json', body(request), 'invalid_body', hint)
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
    const id = faults.add(body(request) as FaultRule)
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

  app.get('/_mock/journal', async (request) => ({
    entries: journal.list(await journalFilter(request.query)),
    lastSeq: journal.lastSeq,
    dropped: journal.dropped,
  }))
  app.delete('/_mock/journal', async () => {
    journal.clear()
    return { entries: [], lastSeq: journal.lastSeq, dropped: journal.dropped }
  })

  await app.register(fixturesRoutes, { fixtures })
}

/**
 * `/_mock/fixtures`: list, load (the body is a fixture file's text, YAML or JSON, whatever its
 * content type says), remove an event, reset. In a scope of its own, which reads every body as
 * text, so that a fixture's problems carry their line and column (`body:3:9: …`).
 */
async function fixturesRoutes (app: FastifyInstance, options: { fixtures: Fixtures }): Promise<void> {
  const { fixtures } = options
  app.removeAllContentTypeParsers()
  app.addContentTypeParser('*', { parseAs: 'string' }, (_request, text, done) => { done(null, text) })

  app.get('/_mock/fixtures', async () => fixtures.list())
  app.post('/_mock/fixtures', async (request) => {
    const { mode } = await checked<{ mode?: FixtureMode }>('fixtures-query.json', request.query, 'invalid_query')
    const text = typeof request.body === 'string' ? request.body : ''
    try {
      return await fixtures.load(text, { name: 'body', ...(mode === undefined ? {} : { mode }) })
    } catch (error) {
      if (!(error instanceof FixtureError)) throw error
      const problems = error.problems.map(formatFixtureProblem)
      throw new ControlError(400, 'invalid_fixture', `the fixture has ${problems.length} problem(s)`, problems)
    }
  })
  app.post('/_mock/fixtures/reset', async () => {
    fixtures.reset()
    return fixtures.list()
  })
  app.delete<{ Params: { id: string } }>('/_mock/fixtures/events/:id', async (request) => {
    const { id } = request.params
    if (!fixtures.removeEvent(id)) throw new ControlError(404, 'unknown_event', `no event served has the id ${id}`)
    return fixtures.list()
  })
}
