import Fastify, { LogController, type FastifyInstance, type FastifyReply } from 'fastify'
import { ERROR_CATALOGUE } from '../contracts/error-catalogue.js'
import { ENDPOINTS } from '../contracts/endpoints.js'
import type { SchemaId } from '../contracts/validator.js'
import { formatOfPath, type Format } from '../contracts/wire-format.js'
import type { Dataset } from '../fixtures/dataset.js'
import { DATA_AS_OF } from '../fixtures/generate-registrant.js'
import { ApiError } from './http/api-error.js'
import { checkRequest } from './http/check-request.js'
import type { Clock } from './time/clock.js'
import { installErrorHandling, sendApiError } from './http/error-handler.js'
import { clientErrorHandler } from './http/parser-errors.js'
import { resolveLimits, streamingSlots, type Limits } from './http/limits.js'
import { renderError } from './render/envelope.js'
import type { ResponseCheck } from './http/self-check.js'
import { envelopeHeader } from './http/server-context.js'
import { serializeRequestForLog } from './http/log-redaction.js'
import { laneFirst, ServedAgain } from './http/served-again.js'
import { parseParams } from './http/request-params.js'
import { healthRoutes } from './routes/health.js'
import { loginRoutes } from './routes/login.js'
import { openApiRoutes } from './routes/openapi.js'
import { reportingRoutes } from './routes/reporting.js'
import { createSessions } from './http/sessions.js'
import { controlApiRoutes, type ControlApiOptions } from './control/control-api.js'
import { dataApiRoutes } from './control/data-api.js'
import { consoleRoutes } from './console/console-routes.js'
import { installControl } from './control/control-hooks.js'
import { controlContractOf, isControlPath } from './control/control-plane.js'
import type { Faults } from './control/faults.js'
import type { Fixtures } from './control/fixtures.js'
import type { Journal } from './control/journal.js'

/** Where log lines go and which levels are kept. */
export interface LogOptions {
  /** `fatal`, `error`, `warn`, `info`, `debug`, `trace` or `silent`. */
  readonly level: string
  /** Defaults to standard output. */
  readonly stream?: { write: (line: string) => void }
}

/** Everything a server is built from; nothing is read from the environment or the clock. */
export interface ServerOptions {
  readonly dataset: Dataset
  readonly clock: Clock
  /**
   * The moment the data stands at (what has happened by then: viewing, questions, survey
   * answers); the data's fixed moment (`DATA_AS_OF`) unless given, so that reports do not move
   * with the wall clock. `startMock`'s clock moves both together once a test sets it.
   */
  readonly dataClock?: Clock
  /** Signs session ids; servers that share it accept each other's sessions. */
  readonly sessionSecret: string | Buffer
  /** How long a session lives; one hour unless given. */
  readonly sessionTtlSeconds?: number
  /** No logging unless given. */
  readonly log?: LogOptions
  /** What one client may ask of the server; {@link DEFAULT_LIMITS} for any not given. */
  readonly limits?: Partial<Limits>
  /**
   * Checks every response against its contract before it is sent (`--self-check`, and the
   * server's own tests): a response that breaks it becomes an `internal_error` (500) that names
   * the violations, and the log says so. Reports are then rendered whole, never streamed, so
   * that every byte is checked.
   */
  readonly checkResponse?: ResponseCheck
  /**
   * A parameter an endpoint does not take is an `invalid_parameter` error, not ignored (named in
   * a header) as a lenient API would; for CI, where a typo should fail the test.
   */
  readonly strictParams?: boolean
  /**
   * The data served, replaceable while the server runs (`server/control/fixtures.ts`); when given,
   * the server serves `fixtures.dataset`, not `dataset`. A fixed `dataset` unless given.
   */
  readonly fixtures?: Fixtures
  /** Faults a test injects (`server/control/faults.ts`); none unless given. */
  readonly faults?: Faults
  /** Records every request but the control plane's (`server/control/journal.ts`); nothing unless given. */
  readonly journal?: Journal
  /**
   * The control API under `/_mock/` (`server/control/control-api.ts`): the clock, faults and
   * journal a test moves over HTTP; none unless given (`startMock` gives it).
   */
  readonly controlApi?: ControlApiOptions
}

/** Reports of events with more registrants than this stream; smaller ones are rendered whole (and cached). */
const STREAM_REPORTS_ABOVE = 20_000

/** Form bodies: the documented content type, and `text/html`, which the docs' samples send. */
const FORM_CONTENT_TYPES = ['application/x-www-form-urlencoded', 'text/html', 'text/plain']

/**
 * Builds the mock API as a Fastify instance, ready for `inject` or `listen`.
 *
 * @example
 * const app = buildServer({ dataset: createDataset({ seed: 1 }), clock: () => Date.now(), sessionSecret: 'shh' })
 * const response = await app.inject('/api/login/json?ver=2.0&username=demo@example.com&password=demo')
 */
export function buildServer (options: ServerOptions): FastifyInstance {
  const { dataset, clock } = options
  const limits = resolveLimits(options.limits)
  const sessions = createSessions({
    secret: options.sessionSecret,
    ttlSeconds: options.sessionTtlSeconds ?? 3600,
    clock,
  })
  const logsRequests = ['debug', 'trace'].includes(options.log?.level ?? '')
  // While closing, requests still arriving on open keep-alive connections get the envelope,
  // not Fastify's own 503 body.
  let closing = false
  // A report asked again goes out before routing, unless every request must be logged or
  // checked against its contract.
  const servedAgain = logsRequests || options.checkResponse !== undefined
    ? undefined
    : new ServedAgain({ journal: options.journal, faults: options.faults, clock, isClosing: () => closing })
  const context = {
    data: options.fixtures ?? { dataset, generation: 0 },
    sessions,
    clock,
    dataClock: options.dataClock ?? ((): number => DATA_AS_OF),
    streamingReports: streamingSlots(limits.maxStreamingReports),
    streamReportsAbove: options.checkResponse === undefined ? STREAM_REPORTS_ABOVE : Infinity,
    servedAgain,
  }

  const app = Fastify({
    logger: options.log === undefined
      ? false
      : {
          level: options.log.level,
          ...(options.log.stream === undefined ? {} : { stream: options.log.stream }),
          serializers: { req: serializeRequestForLog },
        },
    routerOptions: { querystringParser: parseParams, ignoreTrailingSlash: true },
    // A line per request costs about half the throughput (`npm run bench` shows it), so request
    // lines are logged only at debug or trace; at info the log keeps start, stop and failures.
    logController: new LogController({ disableRequestLogging: !logsRequests }),
    ...(servedAgain === undefined ? {} : { serverFactory: laneFirst(servedAgain) }),
    clientErrorHandler: clientErrorHandler(clock),
    bodyLimit: limits.maxBodyBytes,
    requestTimeout: limits.requestTimeoutMs,
    connectionTimeout: limits.idleTimeoutMs,
    http: {
      maxHeaderSize: limits.maxHeaderBytes,
      headersTimeout: limits.headersTimeoutMs,
      // Node checks the two timeouts above only this often (30 s by default).
      connectionsCheckingInterval: Math.min(1000, limits.headersTimeoutMs),
    },
    return503OnClosing: false,
    // No route carries a Fastify schema: requests meet the contracts' precompiled validators
    // (`http/check-request.ts`). Without these, Fastify would load ajv and fast-json-stringify's
    // compilers at start, a sixth of the start-up time, for nothing.
    schemaController: { compilersFactory: { buildValidator: refuseSchemas, buildSerializer: refuseSchemas } },
    frameworkErrors: (error, request, reply) => {
      if (isControlPath(request.url)) {
        const message = `${ERROR_CATALOGUE.malformed_request.description} (${error.code})`
        void (reply as FastifyReply).code(ERROR_CATALOGUE.malformed_request.httpStatus)
          .send({ error: { code: 'malformed_request', message } })
        return
      }
      void sendApiError(reply, new ApiError('malformed_request', { detail: `(${error.code})` }), clock)
    },
  })
  installErrorHandling(app, clock)
  app.decorate('servedAgain', servedAgain ?? null)

  let sweeper: NodeJS.Timeout | undefined
  app.addHook('preClose', async () => {
    closing = true
    // A keep-alive connection whose response ends after closing began would otherwise stay
    // open until its keep-alive timeout, holding up the close: close each as it goes idle.
    sweeper = setInterval(() => { app.server.closeIdleConnections() }, 50)
  })
  app.addHook('onClose', async () => { clearInterval(sweeper) })
  // One hook for both checks that come before anything else: every hook costs every request.
  app.addHook('onRequest', async (request, reply) => {
    if (closing) {
      reply.header('connection', 'close')
      throw new ApiError('shutting_down')
    }
    const length = request.raw.url?.length ?? 0
    if (length > limits.maxUrlBytes) {
      throw new ApiError('url_too_long', { detail: `(${length} bytes; the limit is ${limits.maxUrlBytes})` })
    }
  })

  if (options.checkResponse !== undefined) installSelfCheck(app, options.checkResponse, clock)
  installControl(app, { faults: options.faults, journal: options.journal, clock })

  app.removeAllContentTypeParsers()
  app.addContentTypeParser(FORM_CONTENT_TYPES, { parseAs: 'string' }, (_request, body, done) => {
    done(null, parseParams(body as string))
  })
  // Set by `checkRequest` before any handler reads it; declared up front to keep one object shape.
  app.decorateRequest('apiParams', null as never)
  app.addHook('preValidation', checkRequest({ strict: options.strictParams === true }))

  app.register(healthRoutes)
  if (options.controlApi !== undefined) {
    app.register(controlApiRoutes, options.controlApi)
    app.register(dataApiRoutes, { data: context.data, dataClock: context.dataClock, token: options.controlApi.token })
    app.register(consoleRoutes)
  }
  app.register(openApiRoutes)
  app.register(loginRoutes, { context })
  app.register(reportingRoutes, { context })
  return app
}

function installSelfCheck (app: FastifyInstance, check: ResponseCheck, clock: Clock): void {
  app.addHook('onSend', async (request, reply, payload) => {
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload
    const endpoint = request.routeOptions.config.endpoint
    if (endpoint === undefined && isControlPath(request.url)) {
      // The control API answers JSON outside the envelope, in the contracts of its route table.
      const contract = controlContractOf(request.method, request.routeOptions.url, reply.statusCode)
      const problems = check('json', contract, payload.toString())
      if (problems.length === 0) return payload
      request.log.error({ problems }, 'self-check: a control answer breaks its contract')
      reply.code(ERROR_CATALOGUE.internal_error.httpStatus).type('application/json; charset=utf-8')
      return JSON.stringify({ error: { code: 'internal_error', message: `Self-check: ${problems.join('; ')}` } })
    }
    const format = request.routeOptions.config.format ?? formatOfPath(request.url)
    const contract = endpoint === undefined
      ? undefined
      : (ENDPOINTS[endpoint].responses as Partial<Record<Format, SchemaId>>)[format]
    const problems = check(format, contract ?? 'error-response.json', payload.toString())
    if (problems.length === 0) return payload
    request.log.error({ problems }, 'self-check: a response breaks its contract')
    reply.code(ERROR_CATALOGUE.internal_error.httpStatus)
    return renderError(format, envelopeHeader(clock), {
      code: 'internal_error',
      description: `Self-check: ${problems.join('; ')}`,
      parameter: undefined,
    })
  })
}

/** What Fastify would compile a route's schema with: no route has one, so none is ever asked for. */
function refuseSchemas (): never {
  throw new Error('routes carry no Fastify schema: requests are checked against contracts/ by check-request.ts')
}
