import { remoteTargetFromEnvironment } from '../../client/drift/run-drift.js'
import type { ContractTarget } from '../../client/drift/contract-suite.js'
import { startMock } from '../../server/start-mock.js'

/**
 * The target of the contract suite in `npm test`: the service `WEBCAST_API_BASE_URL` names, or
 * else the mock, started in this process on a free port. `close` stops what was started.
 */
export async function targetFromEnvironment (
  env: Readonly<Record<string, string | undefined>> = process.env,
): Promise<ContractTarget & { close: () => Promise<void> }> {
  const remote = remoteTargetFromEnvironment(env)
  if (remote !== undefined) return { ...remote, close: async () => undefined }
  const mock = await startMock({ port: 0 })
  return {
    name: 'in-process mock',
    baseUrl: mock.baseUrl,
    ...mock.credentials,
    eventId: env.WEBCAST_API_EVENT_ID,
    remote: false,
    close: () => mock.close(),
  }
}
