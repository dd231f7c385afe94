import { startMock } from '../../server/start-mock.js'

/** What the contract suite runs against. */
export interface ContractTarget {
  readonly name: string
  readonly baseUrl: string
  readonly username: string
  readonly password: string
  /** The event to read reports of; the first listed event with registrants unless given. */
  readonly eventId: string | undefined
  /** A service we do not run: the suite is gentle with it (few requests, paced). */
  readonly remote: boolean
  close: () => Promise<void>
}

/** Why the suite cannot run: what to set. */
export class TargetConfigError extends Error {}

/**
 * The one helper that builds the target, from the environment:
 * - nothing set: the mock, started in this process on a free port;
 * - `WEBCAST_API_BASE_URL`: that API, e.g. a mock from `npm start` (demo credentials unless
 *   `WEBCAST_API_USERNAME` / `WEBCAST_API_PASSWORD` are set) or `https://api.webcasts.com/api`
 *   (credentials required), optionally `WEBCAST_API_EVENT_ID`.
 */
export async function targetFromEnvironment (env: Readonly<Record<string, string | undefined>> = process.env): Promise<ContractTarget> {
  const baseUrl = env.WEBCAST_API_BASE_URL
  if (baseUrl === undefined || baseUrl === '') {
    const mock = await startMock({ port: 0 })
    return { name: 'in-process mock', baseUrl: mock.baseUrl, ...mock.credentials, eventId: env.WEBCAST_API_EVENT_ID, remote: false, close: () => mock.close() }
  }
  const local = /^https?:\/\/(127\.\d+\.\d+\.\d+|localhost|\[::1\])(:\d+)?\//.test(baseUrl)
  const given = (name: string): string | undefined => (env[name] === '' ? undefined : env[name])
  const username = given('WEBCAST_API_USERNAME') ?? (local ? 'demo@example.com' : undefined)
  const password = given('WEBCAST_API_PASSWORD') ?? (local ? 'demo' : undefined)
  if (username === undefined || password === undefined) {
    throw new TargetConfigError(`${baseUrl} needs credentials: set WEBCAST_API_USERNAME and WEBCAST_API_PASSWORD ` +
      '(and optionally WEBCAST_API_EVENT_ID). Nothing was run, and nothing passed.')
  }
  return { name: baseUrl, baseUrl, username, password, eventId: given('WEBCAST_API_EVENT_ID'), remote: !local, close: async () => undefined }
}
