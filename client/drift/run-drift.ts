import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Dispatcher } from 'undici'
import { BaselineError, compareWithBaseline, parseBaseline } from './baseline.js'
import { runContractSuite, type ContractTarget } from './contract-suite.js'
import { writeDriftReport } from './drift-report.js'
import { DriftSetupError } from './setup-errors.js'

/**
 * Why the suite cannot run against a service: what to set.
 *
 * @example
 * try {
 *   remoteTargetFromEnvironment(process.env)
 * } catch (error) {
 *   if (error instanceof TargetConfigError) console.error(error.message)
 * }
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
export function remoteTargetFromEnvironment (
  env: Readonly<Record<string, string | undefined>>,
): ContractTarget | undefined {
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

/** Where `runDrift` prints: its summary line, and the one line of a setup error. */
export interface DriftOutput {
  readonly stdout: { write: (text: string) => unknown }
  readonly stderr: { write: (text: string) => unknown }
}

/**
 * Runs the drift suite against a target, writes `drift-report.json`, `.md` and `.junit.xml` into
 * a folder, prints one summary line, and resolves with the exit code: 0 clean, 1 on breaking
 * drift (with a baseline: on new breaking drift only), 2 when it could not run (nothing
 * listening, DNS, TLS, a refused login, a base URL that is not the API's, a baseline that is not
 * a report), with one line saying what to fix.
 *
 * @example
 * process.exitCode = await runDrift(target, process.cwd(), process, { baseline: 'nightly/drift-report.json' })
 */
export async function runDrift (target: ContractTarget, folder: string, output: DriftOutput,
  options: { baseline?: string, dispatcher?: Dispatcher } = {}): Promise<number> {
  const fail = (message: string): number => {
    output.stderr.write(`webcast-mock drift: ${message}\n`)
    return 2
  }
  let baseline
  try {
    baseline = options.baseline === undefined
      ? undefined
      : parseBaseline(readBaseline(options.baseline), options.baseline)
  } catch (error) {
    if (error instanceof BaselineError) return fail(error.message)
    throw error
  }
  let result
  try {
    result = await runContractSuite(target, options.dispatcher === undefined ? {} : { dispatcher: options.dispatcher })
  } catch (error) {
    if (!(error instanceof DriftSetupError)) throw error
    if (error.answer !== undefined) writeStoppedReport(folder, target, error)
    return fail(error.message)
  }
  const comparison = baseline === undefined ? undefined : compareWithBaseline(result, baseline)
  writeDriftReport(folder, result, comparison)
  const breaking = result.findings.filter((f) => f.severity === 'breaking')
  const failing = comparison === undefined ? breaking : comparison.newBreaking
  output.stdout.write(`drift: ${target.name}: ${result.findings.length} differences, ${breaking.length} breaking` +
    `${comparison === undefined ? '' : `, ${comparison.newBreaking.length} of them new`}; see drift-report.md\n`)
  return failing.length > 0 ? 1 : 0
}

function readBaseline (path: string): string {
  try {
    return readFileSync(path, 'utf8')
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message
    throw new BaselineError(`cannot read the baseline ${path}: ${reason}`)
  }
}

/** A report of a run that stopped before checking anything: why, and the service's own answer. */
function writeStoppedReport (folder: string, target: ContractTarget, error: DriftSetupError): void {
  const markdown = [
    `# Drift report: ${target.name}`,
    '',
    `The run stopped before checking anything: ${error.message}.`,
    '',
    'The service answered:',
    '',
    '```',
    error.answer ?? '',
    '```',
    '',
  ].join('\n')
  writeFileSync(join(folder, 'drift-report.md'), markdown)
  const report = { target: target.name, stopped: error.message, answer: error.answer, findings: [] }
  writeFileSync(join(folder, 'drift-report.json'), `${JSON.stringify(report, null, 2)}\n`)
}
