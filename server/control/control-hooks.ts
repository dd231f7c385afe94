import { Readable } from 'node:stream'
import type { FastifyInstance, FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify'
import type { ErrorCode } from '../../contracts/error-catalogue.js'
import type { Format } from '../../contracts/wire-format.js'
import type { Account } from '../../fixtures/dataset.js'
import { ApiError } from '../http/api-error.js'
import type { Clock } from '../time/clock.js'
import { readOutcome } from './answer-outcome.js'
import { isControlPath } from './control-plane.js'
import { deliverBody, type Delivery } from './deliver-body.js'
import type { Faults, FiredFault } from './faults.js'
import { completeOnClose, createRecord, type Journal, type JournalRecord } from './journal.js'

declare module 'fastify' {
  interface FastifyRequest {
    /** The fault rule that fired on this request, if one did. */
    controlFault: FiredFault | null
    /** What the journal records of this request, while it is answered. */
    journalRecord: JournalRecord | null
  }
}

/** What {@link installControl} works with. */
export interface ControlOptions {
  readonly faults: Faults | undefined
  readonly journal: Journal | undefined
  readonly clock: Clock
}

/** The response header that names the fault rule that fired, on every answer a fault shaped. */
const FAULT_HEADER = 'x-webcast-mock-fault'

/**
 * The parameter an injected error names: the one the real check names for the same error
 * (`server/http/require-session.ts` for sessions, `server/routes/audience-reports.ts` for events).
 */
const PARAMETER_OF: Partial<Record<ErrorCode, string>> = {
  invalid_session: 'si',
  session_expired: 'si',
  event_not_found: 'ei',
  event_forbidden: 'ei',
}

/** Headers the real answer of an error carries besides its body. */
const HEADERS_OF: Partial<Record<ErrorCode, Readonly<Record<string, string>>>> = {
  server_busy: { 'retry-after': '1' },
  shutting_down: { connection: 'close' },
}

/**
 * Installs the faults and the journal as Fastify hooks, each only when given:
 *
 * - the journal: an `onRequest` hook opens one record per request (none for `/_mock/`); the
 *   record goes into the journal when the answer starts (or the connection is reset), and the
 *   response's `close` event, which comes whether the response finished or the connection
 *   broke, completes it. `onResponse` would miss a response that never finishes;
 * - faults: a `preHandler` added to each API route as it is declared, so that it runs after the
 *   reporting scope's session check and knows the account; when no rule can fire it costs one
 *   check. Latency waits there, and an error, a bare status or a reset answers there;
 * - both: an `onSend` hook after the self-check's, which reads the `returnCode` off the body and
 *   its size; a streamed body is counted as it goes, and one a fault slows or cuts is wrapped in
 *   a stream that delivers it so.
 *
 * Call it before the routes are registered.
 *
 * @example
 * installControl(app, { faults, journal, clock })
 */
export function installControl (app: FastifyInstance, options: ControlOptions): void {
  const { faults, journal, clock } = options
  if (faults === undefined && journal === undefined) return
  app.decorateRequest('controlFault', null)
  app.decorateRequest('journalRecord', null)

  // A record is kept in the journal as soon as its answer starts (or the connection is reset),
  // so that a test sees a request once it has its answer; the response's end, or the
  // connection's, completes it. What it reads of the request it keeps by reference.
  const keep = (request: FastifyRequest, reply: FastifyReply, record: JournalRecord): void => {
    if (journal === undefined || record.seq !== 0) return
    record.status = reply.statusCode
    record.body = request.body
    record.sessionAccount = sessionAccountOf(request)
    record.faultId = request.controlFault?.id ?? null
    journal.record(record)
  }
  const open = (request: FastifyRequest, reply: FastifyReply): JournalRecord => {
    const record = createRecord(request.method, request.url, clock(), performance.now())
    request.journalRecord = record
    completeOnClose(reply.raw, record, () => { keep(request, reply, record) })
    return record
  }

  if (journal !== undefined) {
    app.addHook('onRequest', (request, reply, done) => {
      if (!isControlPath(request.url)) open(request, reply)
      done()
    })
  }

  if (faults !== undefined) {
    app.addHook('onRoute', (route) => {
      const { endpoint, format = 'xml' } = route.config ?? {}
      if (endpoint === undefined || isControlPath(route.url)) return
      // Fastify declares a GET route's HEAD twin from the options as given: each gets a hook of its own.
      const hook = faultHook(faults, { path: route.url, format, login: endpoint === 'login', keep })
      route.preHandler = [...[route.preHandler ?? []].flat(), hook]
    })
  }

  app.addHook('onSend', (request, reply, payload, done) => {
    let record = request.journalRecord
    // A request whose `onRequest` hooks stopped early (an oversized URL) is opened here; one whose
    // connection ended while it waited for its answer keeps what the journal has of it.
    if (record === null && journal !== undefined && !isControlPath(request.url)) record = open(request, reply)
    else if (record !== null && record.outcome !== 'sending') record = null
    const rule = request.controlFault?.rule
    const shaped = rule?.bytesPerSecond !== undefined || rule?.cutAfterBytes !== undefined
    if (typeof payload === 'string' || Buffer.isBuffer(payload)) {
      if (record !== null) readOutcome(payload, record)
      if (!shaped) {
        if (record !== null) {
          record.bytes = Buffer.byteLength(payload)
          keep(request, reply, record)
        }
        done(null, payload)
        return
      }
      const body = Buffer.from(payload)
      reply.header('content-length', String(body.length))
      payload = deliverBody([body], deliveryOf(request, reply, record, false))
    } else if (payload instanceof Readable && shaped) {
      payload = deliverBody(payload, deliveryOf(request, reply, record, true))
    } else if (payload instanceof Readable && record !== null) {
      countAsItGoes(reply.raw, record)
    }
    if (record !== null) keep(request, reply, record)
    done(null, payload)
  })
}

/**
 * Counts a streamed body into its record as it goes, and reads its outcome off the first piece,
 * without a stream of its own in between: listening beside the pipe Fastify makes to the
 * response. Node's `pipe` adds its own listener before it tells the response, and starts the
 * flow after, so no piece passes unseen.
 */
function countAsItGoes (response: FastifyReply['raw'], record: JournalRecord): void {
  response.once('pipe', (source: Readable) => {
    let first = true
    source.on('data', (chunk: Buffer) => {
      if (first) readOutcome(chunk, record)
      first = false
      record.bytes += chunk.length
    })
  })
}

/** The account of the request's live session: the reporting scope decorates requests with it, others have none. */
function sessionAccountOf (request: FastifyRequest): Account | null {
  const account: Account | null | undefined = request.account
  return account ?? null
}

function deliveryOf (request: FastifyRequest, reply: FastifyReply, record: JournalRecord | null, streamed: boolean):
Delivery {
  const rule = request.controlFault?.rule
  return {
    bytesPerSecond: rule?.bytesPerSecond,
    cutAfterBytes: rule?.cutAfterBytes,
    record,
    readOutcome: streamed,
    response: reply.raw,
    socket: request.raw.socket,
  }
}

/** What the fault hook of one route knows from when the route was declared, and how it keeps a reset in the journal. */
interface FaultRoute {
  readonly path: string
  readonly format: Format
  /** The login route: its account is the `username` parameter. */
  readonly login: boolean
  readonly keep: (request: FastifyRequest, reply: FastifyReply, record: JournalRecord) => void
}

/**
 * The `preHandler` of one route that fires faults: one check while none can fire. It reads the
 * account of the session (checked by the reporting scope before it) or of the login's `username`.
 */
function faultHook (faults: Faults, route: FaultRoute) {
  const { path, format, login } = route
  return function injectFault (request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction): void {
    if (faults.idle) {
      done()
      return
    }
    const params = request.apiParams
    const fired = faults.fire({
      path,
      format,
      account: sessionAccountOf(request)?.username ?? (login ? params.username ?? null : null),
      params,
    })
    if (fired === undefined) {
      done()
      return
    }
    request.controlFault = fired
    reply.header(FAULT_HEADER, fired.id)
    if (fired.latencyMs > 0) setTimeout(act, fired.latencyMs, request, reply, done, route)
    else act(request, reply, done, route)
  }
}

/** Does what a fired rule asks, after its latency: resets, errs, answers a bare status, or lets the endpoint answer. */
function act (request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction, route: FaultRoute): void {
  const rule = request.controlFault?.rule
  if (rule?.reset === true) {
    reply.hijack()
    const record = request.journalRecord
    if (record !== null) {
      record.outcome = 'reset'
      route.keep(request, reply, record)
      record.status = null
    }
    if (!request.raw.socket.destroyed) request.raw.socket.resetAndDestroy()
    return
  }
  if (rule?.error !== undefined) {
    for (const [name, value] of Object.entries(HEADERS_OF[rule.error] ?? {})) reply.header(name, value)
    const parameter = PARAMETER_OF[rule.error]
    done(new ApiError(rule.error, parameter === undefined ? {} : { parameter }))
    return
  }
  if (rule?.status !== undefined) {
    reply.code(rule.status).send()
    return
  }
  done()
}
