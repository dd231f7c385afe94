import { runContractSuite, type ContractTarget } from './contract-suite.js'
import { writeDriftReport } from './drift-report.js'

/**
 * Why the suite cannot run against a service: what to set.
 *
 * @example
 * try { remoteTargetFromEnvironment(process.env) } catch (error) { if (error instanceof TargetConfigError) console.error(error.message) }
 */
export class TargetConfigError extends Error {
  override readonly name = 'TargetConfigError'
}

/**
 * The service the environment names: `WEBCAST_API_BASE_URL` (a mock from `npm start` on
 * loopback, with the demo credentials unless `WEBCAST_API_USERNAME` / `WEBCAST_API_PASSWORD`
 * say otherwise, or `https://api.webcasts.com/api`, whose credentials are required), optionally
 * `WEBCAST_API_EVENT_ID`. Undefined when no base URL is set: the caller picks a default.
 *
 * @example
 * remoteTargetFromEnvironment({ WEBCAST_API_BASE_URL: 'http://127.0.0.1:4010/api' })
 * // { name: 'http://127.0.0.1:4010/api', username: 'demo@example.com', remote: false, … }
 */
export function remoteTargetFromEnvironment (env: Readonly<Record<string, string | undefined>>): ContractTarget | undefined {
  const baseUrl = env.WEBCAST_API_BASE_URL
  if (baseUrl === undefined || baseUrl === '') return undefined
  const local = /^https?:\/\/(127\.\d+\.\d+\.\d+|localhost|\[::1\])(:\d+)?\//.test(baseUrl)
  const given = (name: string): string | undefined => (env[name] === '' ? undefined : env[name])
  const username = given('WEBCAST_API_USERNAME') ?? (local ? 'demo@example.com' : undefined)
  const password = given('WEBCAST_API_PASSWORD') ?? (local ? 'demo' : undefined)
  if (username === undefined || password === undefined) {
    throw new TargetConfigError(`${baseUrl} needs credentials: set WEBCAST_API_USERNAME and WEBCAST_API_PASSWORD ` +
      '(and optionally WEBCAST_API_EVENT_ID). Nothing was run, and nothing passed.')
  }
  return { name: baseUrl, baseUrl, username, password, eventId: given('WEBCAST_API_EVENT_ID'), remote: !local }
}

/**
 * Runs the contract suite against a target, writes `drift-report.json`, `.md` and `.junit.xml`
 * into a folder, prints one summary line, and resolves with the exit code: 1 on breaking drift,
 * else 0.
 *
 * @example
 * process.exitCode = await runDrift(target, process.cwd(), process.stdout)
 */
export async function runDrift (target: ContractTarget, folder: string, out: { write: (text: string) => unknown }): Promise<number> {
  const findings = await runContractSuite(target)
  writeDriftReport(folder, target.name, findings)
  out.write(`drift: ${target.name}: ${findings.breaking.length} breaking of ${findings.all.length} findings; see drift-report.md\n`)
  return findings.breaking.length > 0 ? 1 : 0
}
