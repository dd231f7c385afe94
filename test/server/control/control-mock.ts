import type { Test } from 'tap'
import { request } from 'undici'
import type { LoginResponse } from '../../../contracts/response-types.js'
import type { EventSpec } from '../../../fixtures/event-specs.js'
import { startMock, type MockOptions, type RunningMock } from '../../../server/start-mock.js'
import { FIXED_NOW } from '../../helpers/tiny-dataset.js'
import { RESTRICTED_CREDENTIALS } from '../../../fixtures/accounts.js'

/** A report small enough to be rendered whole (8 registrants) and one large enough to stream. */
const EVENTS: readonly EventSpec[] = [
  { kind: 'live', registrants: 8, start: '2026-03-10T15:00:00Z', minutes: 60, expired: false },
  { kind: 'live', registrants: 20_001, start: '2026-04-10T15:00:00Z', minutes: 60, expired: false },
]

/** A listening mock for the fault and journal tests, and what they ask of it. */
export interface ControlMock {
  readonly mock: RunningMock
  /** `http://127.0.0.1:PORT`, without `/api`. */
  readonly origin: string
  /** The id of the event whose report is rendered whole. */
  readonly small: string
  /** The id of the event whose report streams. */
  readonly large: string
  /** Logs in over HTTP and returns `si` and `ui`. */
  login: (account?: 'demo' | 'restricted') => Promise<{ si: string, ui: string }>
}

export const RESTRICTED_USERNAME = RESTRICTED_CREDENTIALS.username

/**
 * Starts a mock on a free port over two events, at a fixed time and with a fixed secret (so that
 * two mocks with one seed answer the same bytes), and closes it when the test ends.
 */
export async function startControlMock (t: Test, options: MockOptions = {}): Promise<ControlMock> {
  const mock = await startMock({
    seed: 7, events: EVENTS, clock: () => FIXED_NOW, sessionSecret: 'control', ...options,
  })
  t.teardown(() => mock.close())
  const [small, large] = mock.dataset.events.map((event) => event.id)
  const origin = mock.baseUrl.replace(/\/api$/, '')
  return {
    mock,
    origin,
    small: small ?? '',
    large: large ?? '',
    login: async (account = 'demo') => {
      const credentials = account === 'demo'
        ? mock.credentials
        : RESTRICTED_CREDENTIALS
      const response = await request(`${mock.baseUrl}/login/json`, { query: { ver: '2.0', ...credentials } })
      const { success } = (await response.body.json() as LoginResponse).convey_api.result
      return { si: success.sessionid.value, ui: success.userid.value }
    },
  }
}

/** A fixture of one event without registrants, as YAML: what a control call loads when its content does not matter. */
export const ONE_EVENT_FIXTURE = [
  'events:',
  '  - { id: 7000001, title: T, kind: live, live: { start: 2026-04-14T14:00:00Z, end: 2026-04-14T15:00:00Z } }',
  '',
].join('\n')
