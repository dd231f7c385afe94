import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import type { Test } from 'tap'
import { buildServer, type LogOptions } from '../../server/build-server.js'
import { checkResponse } from '../../server/http/self-check.js'
import type { LoginSuccess } from '../../contracts/response-types.js'
import type { Dataset } from '../../fixtures/index.js'
import { DEMO, FIXED_NOW, tinyDataset } from './tiny-dataset.js'

/** A server over the tiny dataset whose clock the test can move. */
export interface TestServer {
  readonly app: FastifyInstance
  /** Moves the server's clock forward. */
  advance: (ms: number) => void
  /** Logs in and returns `si` and `ui` for the reporting endpoints. */
  login: (credentials?: { username: string, password: string }) => Promise<{ si: string, ui: string }>
}

const TEST_SECRET = 'test-secret'

/**
 * Builds the mock over the tiny dataset (or the one given) at {@link FIXED_NOW}, with the
 * response self-check on, and closes it when the test ends.
 */
export function buildTestServer (
  t: Test,
  options: { log?: LogOptions, ttlSeconds?: number, dataset?: Dataset } = {},
): TestServer {
  let now = FIXED_NOW
  const app = buildServer({
    dataset: options.dataset ?? tinyDataset(),
    clock: () => now,
    sessionSecret: TEST_SECRET,
    // Every response a server test receives has met its contract first.
    checkResponse,
    ...(options.ttlSeconds === undefined ? {} : { sessionTtlSeconds: options.ttlSeconds }),
    ...(options.log === undefined ? {} : { log: options.log }),
  })
  t.teardown(() => app.close())
  return {
    app,
    advance: (ms) => { now += ms },
    login: async (credentials = DEMO) => {
      const response = await app.inject({ url: '/api/login/json', query: { ver: '2.0', ...credentials } })
      const { success } = (jsonOf(response) as { convey_api: { result: { success: LoginSuccess } } }).convey_api.result
      return { si: success.sessionid.value, ui: success.userid.value }
    },
  }
}

/** The parsed JSON body of a response. */
export function jsonOf (response: LightMyRequestResponse): unknown {
  return JSON.parse(response.body) as unknown
}
