import { randomBytes } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import { createDataset } from '../fixtures/create-dataset.js'
import type { Credentials } from '../fixtures/accounts.js'
import type { Dataset } from '../fixtures/dataset.js'
import { buildServer, type LogOptions } from './build-server.js'
import type { Limits } from './limits.js'
import { systemClock, type Clock } from './clock.js'

/** How to start a mock; every field has a default. */
export interface MockOptions {
  /** 0 (the default here) picks a free port. */
  readonly port?: number
  readonly host?: string
  /** Used when no dataset is given; 1 by default. */
  readonly seed?: number
  readonly dataset?: Dataset
  readonly clock?: Clock
  /** Random per process unless given; share it to let replicas accept each other's sessions. */
  readonly sessionSecret?: string
  readonly sessionTtlSeconds?: number
  readonly log?: LogOptions
  readonly limits?: Partial<Limits>
  /** Check every response against its contract before sending it (see `ServerOptions.checkResponse`). */
  readonly selfCheck?: boolean
}

/** A running mock. */
export interface RunningMock {
  /** Ends with `/api`, like `https://api.webcasts.com/api`. */
  readonly baseUrl: string
  /** The demo admin's username and password, who sees every event. */
  readonly credentials: Credentials
  readonly app: FastifyInstance
  /** Stops accepting connections, lets in-flight requests finish, then resolves. */
  close: () => Promise<void>
}

/**
 * Starts the mock API on a port and tells where it is and how to log in.
 *
 * @example
 * const mock = await startMock({ port: 0 })
 * const response = await fetch(`${mock.baseUrl}/login/json?ver=2.0&username=${mock.credentials.username}&password=${mock.credentials.password}`)
 * await mock.close()
 */
export async function startMock (options: MockOptions = {}): Promise<RunningMock> {
  const dataset = options.dataset ?? createDataset({ seed: options.seed ?? 1 })
  const app = buildServer({
    dataset,
    clock: options.clock ?? systemClock,
    sessionSecret: options.sessionSecret ?? randomBytes(32),
    ...(options.sessionTtlSeconds === undefined ? {} : { sessionTtlSeconds: options.sessionTtlSeconds }),
    ...(options.log === undefined ? {} : { log: options.log }),
    ...(options.limits === undefined ? {} : { limits: options.limits }),
    // Loaded only when asked for: the check needs ajv's compiler, which start-up does without.
    ...(options.selfCheck === true ? { checkResponse: (await import('./self-check.js')).checkResponse } : {}),
  })
  await app.listen({ port: options.port ?? 0, host: options.host ?? '127.0.0.1' })
  const address = app.server.address()
  const port = typeof address === 'object' && address !== null ? address.port : options.port
  const host = options.host ?? '127.0.0.1'
  const demo = dataset.accounts[0]
  return {
    baseUrl: `http://${host.includes(':') ? `[${host}]` : host}:${port}/api`,
    credentials: { username: demo?.username ?? '', password: demo?.password ?? '' },
    app,
    close: () => app.close(),
  }
}
