import { randomBytes } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import type { Credentials } from '../fixtures/accounts.js'
import { createDataset, type DatasetOptions } from '../fixtures/create-dataset.js'
import type { Dataset } from '../fixtures/dataset.js'
import { buildServer, type ServerOptions } from './build-server.js'
import { Faults } from './control/faults.js'
import { Fixtures } from './control/fixtures.js'
import { Journal } from './control/journal.js'
import { systemClock } from './time/clock.js'
import { createMockClock, type MockClock } from './time/mock-clock.js'

/**
 * How to start a mock, from code or from the command line (which reads this very shape from its
 * flags); every field has a default. The server's own options and the dataset's are declared
 * where they are used, once, and taken from there.
 */
export interface MockOptions
  extends Partial<Omit<ServerOptions, 'checkResponse' | 'controlApi' | 'fixtures'>>, Partial<DatasetOptions> {
  /** 0 (the default here) picks a free port. */
  readonly port?: number
  /** `127.0.0.1` unless given. */
  readonly host?: string
  /** Check every response against its contract before sending it (see `ServerOptions.checkResponse`). */
  readonly selfCheck?: boolean
  /**
   * Opens the control API under `/_mock/` to clients other than this machine, when they send it
   * as `Authorization: Bearer TOKEN`; without one only loopback clients may use it.
   */
  readonly controlToken?: string
}

/** A running mock. */
export interface RunningMock {
  /** Ends with `/api`, like `https://api.webcasts.com/api`. */
  readonly baseUrl: string
  /** The demo admin's username and password, who sees every event. */
  readonly credentials: Credentials
  /** The data it serves now (`fixtures.dataset`). */
  readonly dataset: Dataset
  /**
   * The data it serves, replaceable while it runs: `load` a fixture (extend or replace),
   * `removeEvent`, `reset` to the dataset it started with, `list`.
   */
  readonly fixtures: Fixtures
  /** The one clock it reads: set, advance or freeze it to move sessions, events and data in time. */
  readonly clock: MockClock
  /** The faults it injects: none until a test adds a rule (seeded by `seed`, unless given as an option). */
  readonly faults: Faults
  /** Every request it received but the control plane's, the latest 1000 unless given as an option. */
  readonly journal: Journal
  readonly app: FastifyInstance
  /** Stops accepting connections, lets in-flight requests finish, then resolves. */
  close: () => Promise<void>
}

/**
 * Starts the mock API on a port and tells where it is and how to log in.
 *
 * @example
 * const mock = await startMock({ port: 0 })
 * const response = await fetch(`${mock.baseUrl}/login/json?ver=2.0` +
 *   `&username=${mock.credentials.username}&password=${mock.credentials.password}`)
 * await mock.close()
 */
export async function startMock (options: MockOptions = {}): Promise<RunningMock> {
  const {
    port: _port, host: _host, selfCheck, controlToken, seed = 1, demo, restricted, events, extraEvents, ...server
  } = options
  const dataset = options.dataset ?? createDataset({
    seed,
    ...(demo === undefined ? {} : { demo }),
    ...(restricted === undefined ? {} : { restricted }),
    ...(events === undefined ? {} : { events }),
    ...(extraEvents === undefined ? {} : { extraEvents }),
  })
  const clock = createMockClock(options.clock ?? systemClock)
  const fixtures = new Fixtures(dataset)
  const faults = options.faults ?? new Faults({ seed })
  const journal = options.journal ?? new Journal()
  const app = buildServer({
    ...server,
    dataset,
    fixtures,
    faults,
    journal,
    clock: clock.now,
    dataClock: clock.dataNow,
    controlApi: { clock, fixtures, faults, journal, ...(controlToken === undefined ? {} : { token: controlToken }) },
    sessionSecret: options.sessionSecret ?? randomBytes(32),
    // Loaded only when asked for: the check needs ajv's compiler, which start-up does without.
    ...(selfCheck === true ? { checkResponse: (await import('./http/self-check.js')).checkResponse } : {}),
  })
  await app.listen({ port: options.port ?? 0, host: options.host ?? '127.0.0.1' })
  const address = app.server.address()
  const port = typeof address === 'object' && address !== null ? address.port : options.port
  const host = options.host ?? '127.0.0.1'
  const admin = dataset.accounts[0]
  return {
    baseUrl: `http://${host.includes(':') ? `[${host}]` : host}:${port}/api`,
    credentials: { username: admin?.username ?? '', password: admin?.password ?? '' },
    get dataset () { return fixtures.dataset },
    fixtures,
    clock,
    faults,
    journal,
    app,
    close: () => app.close(),
  }
}
