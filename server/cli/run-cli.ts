import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import packageJson from '../../package.json' with { type: 'json' }
import { openApiDocument } from '../../contracts/openapi.js'
import { DEMO_CREDENTIALS } from '../../fixtures/accounts.js'
import { createDataset, type DatasetOptions } from '../../fixtures/create-dataset.js'
import { FixtureError, loadFixtures, type LoadedFixtures } from '../../fixtures/load-fixtures.js'
import { summarizeDataset } from '../../fixtures/summarize-dataset.js'
import {
  ConfigError, helpText, parseCommand, type DatasetConfig, type DriftConfig, type LearnConfig, type ProxyConfig,
  type ServeConfig,
} from './config.js'
import { formatDatasetReport } from './dataset-text.js'
import { startMock, type RunningMock } from '../start-mock.js'
import { driftReportPage, readConsoleBundle } from '../console/console-bundle.js'

/** Where the command line's output goes and how it hears a stop signal; `cli.ts` passes the process's. */
export interface CliIo {
  readonly stdout: { write: (text: string) => unknown }
  readonly stderr: { write: (text: string) => unknown }
  /** Where `drift` writes its report. */
  readonly workingFolder: string
  /** Calls the handler once, on the first SIGINT or SIGTERM. */
  readonly onStopSignal: (handler: (signal: string) => void) => void
}

/**
 * Runs one command line and resolves with its exit code: 0 when done (for `serve`, once a stop
 * signal has let in-flight requests finish), 2 for a configuration mistake.
 *
 * @example
 * const code = await runCli(['dataset', '--seed', '2'], process.env, io)
 */
export async function runCli (
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  io: CliIo,
): Promise<number> {
  let command
  try {
    command = parseCommand(argv, env)
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error
    io.stderr.write(`webcast-mock: ${error.message}\n`)
    return 2
  }
  switch (command.name) {
    case 'help':
      io.stdout.write(helpText())
      return 0
    case 'version':
      io.stdout.write(`${packageJson.version}\n`)
      return 0
    case 'dataset':
      return await printDataset(command.config, io)
    case 'serve':
      return serve(command.config, io)
    case 'drift':
      return drift(command.config, env, io)
    case 'openapi':
      io.stdout.write(`${JSON.stringify(openApiDocument(packageJson.version), null, 2)}\n`)
      return 0
    case 'proxy':
      return await proxy(command.config, io)
    case 'fixtures-learn':
      return await learn(command.config, io)
  }
}

/**
 * `webcast-mock drift`: the contract suite from `client/drift/`, loaded only for this command,
 * against the service the environment names or, with none named, a mock started here.
 */
async function drift (
  config: DriftConfig,
  env: Readonly<Record<string, string | undefined>>,
  io: CliIo,
): Promise<number> {
  const { remoteTargetFromEnvironment, runDrift, TargetConfigError } = await import('../../client/drift/run-drift.js')
  let remote
  try {
    remote = remoteTargetFromEnvironment(env)
  } catch (error) {
    if (!(error instanceof TargetConfigError)) throw error
    io.stderr.write(`webcast-mock drift: ${error.message}\n`)
    return 2
  }
  if (remote !== undefined) {
    return writeDriftPage(io.workingFolder, await runDrift(remote, io.workingFolder, io, config))
  }
  const mock = await startMock({ port: 0 })
  try {
    return writeDriftPage(io.workingFolder, await runDrift({
      name: 'mock started by webcast-mock drift',
      baseUrl: mock.baseUrl,
      ...mock.credentials,
      eventId: env.WEBCAST_API_EVENT_ID,
      remote: false,
    }, io.workingFolder, io, config))
  } finally {
    await mock.close()
  }
}

/** Writes `drift-report.html` beside the run's `drift-report.json`: the console's drift view, in one file. */
function writeDriftPage (folder: string, code: number): number {
  const json = join(folder, 'drift-report.json')
  if (code !== 2 && existsSync(json)) {
    writeFileSync(join(folder, 'drift-report.html'), driftReportPage(readFileSync(json, 'utf8'), readConsoleBundle()))
  }
  return code
}

/**
 * `webcast-mock proxy`: forwards to the target until a stop signal, checking every answer (and
 * recording it, redacted, when asked); the report is written as findings come and once more at
 * the end.
 */
async function proxy (config: ProxyConfig, io: CliIo): Promise<number> {
  const [{ startProxy }, { Recorder }, { Redactor }] = await Promise.all([
    import('../proxy/start-proxy.js'), import('../proxy/recorder.js'), import('../proxy/redactor.js'),
  ])
  const { record } = config
  let running
  try {
    running = await startProxy({
      target: config.target,
      port: config.port,
      host: config.host,
      maxCheckBytes: config.maxCheckBytes,
      log: (line) => io.stdout.write(`${line}\n`),
      ...(config.reportFile === undefined ? {} : { reportFile: config.reportFile }),
      ...(record === undefined ? {} : { recorder: new Recorder(record.folder, new Redactor(record)) }),
    })
  } catch (error) {
    const why = listenFailure(error as NodeJS.ErrnoException, config)
    if (why === undefined) throw error
    io.stderr.write(`webcast-mock: ${why}\n`)
    return 2
  }
  io.stdout.write(`webcast-mock ${packageJson.version} proxy listening on ${running.baseUrl} (forwarding to ` +
    `${config.target}${config.reportFile === undefined ? '' : `; findings in ${config.reportFile}`}` +
    `${record === undefined ? '' : `; recording into ${record.folder}`})\n`)
  const signal = await new Promise<string>((resolve) => { io.onStopSignal(resolve) })
  await running.close()
  const breaking = running.result().findings.filter((finding) => finding.severity === 'breaking').length
  io.stdout.write(`webcast-mock proxy: ${signal} received; ${running.result().findings.length} differences, ` +
    `${breaking} breaking\n`)
  return 0
}

/** `webcast-mock fixtures learn DIR`: a fixture file with the shape of the recording's data. */
async function learn (config: LearnConfig, io: CliIo): Promise<number> {
  const { learnFixtures, LearnError } = await import('../proxy/learn-fixtures.js')
  let text
  try {
    text = learnFixtures(config)
  } catch (error) {
    if (!(error instanceof LearnError)) throw error
    io.stderr.write(`webcast-mock fixtures learn: ${error.message}\n`)
    return 2
  }
  if (config.out === undefined) io.stdout.write(text)
  else writeFileSync(config.out, text)
  return 0
}

async function printDataset (config: DatasetConfig, io: CliIo): Promise<number> {
  const options = { seed: config.seed, extraEvents: config.extraEvents }
  const fixtures = await loadFixtureFiles(config.fixtures, options, io)
  if (fixtures === 'invalid') return 2
  const dataset = fixtures?.dataset ?? createDataset(options)
  if (config.eventId !== undefined && dataset.eventById(config.eventId) === undefined) {
    io.stderr.write(`webcast-mock: no event ${config.eventId} in the dataset of seed ${config.seed}\n`)
    return 2
  }
  io.stdout.write(formatDatasetReport(config.seed, summarizeDataset(dataset, config.eventId)))
  return 0
}

/**
 * The fixture files loaded, on top of the dataset the other flags describe; `invalid` once every
 * problem is printed, one `file:line:column: what is wrong` line each.
 */
async function loadFixtureFiles (
  files: readonly string[],
  options: Partial<DatasetOptions>,
  io: CliIo,
): Promise<LoadedFixtures | 'invalid' | undefined> {
  if (files.length === 0) return undefined
  try {
    return await loadFixtures(files, options)
  } catch (error) {
    if (!(error instanceof FixtureError)) throw error
    io.stderr.write(`${error.message}\n`)
    return 'invalid'
  }
}

async function serve (config: ServeConfig, io: CliIo): Promise<number> {
  if (config.replay !== undefined) return await replay(config, config.replay, io)
  const { options } = config
  const { seed, demo, restricted, extraEvents } = options
  const fixtures = await loadFixtureFiles(config.fixtures, { seed, demo, restricted, extraEvents }, io)
  if (fixtures === 'invalid') return 2
  let mock
  try {
    mock = await startMock({
      ...options,
      ...(fixtures === undefined ? {} : { dataset: fixtures.dataset }),
      log: { ...options.log, stream: io.stdout },
    })
  } catch (error) {
    const why = listenFailure(error as NodeJS.ErrnoException, options)
    if (why === undefined) throw error
    io.stderr.write(`webcast-mock: ${why}\n`)
    return 2
  }
  io.stdout.write(banner(mock, config, fixtures?.events ?? []))
  if (config.readyFile !== undefined) writeReadyFile(config.readyFile, mock.baseUrl)
  const signal = await new Promise<string>((resolve) => { io.onStopSignal(resolve) })
  io.stdout.write(
    `webcast-mock: ${signal} received, finishing in-flight requests (up to ${config.shutdownGraceSeconds} s)\n`,
  )
  const cutOff = setTimeout(() => {
    io.stdout.write(`webcast-mock: grace period over, cutting the connections still open\n`)
    mock.app.server.closeAllConnections()
  }, config.shutdownGraceSeconds * 1000)
  await mock.close()
  clearTimeout(cutOff)
  if (config.readyFile !== undefined) rmSync(config.readyFile, { force: true })
  return 0
}

/** `webcast-mock serve --replay DIR`: the recorded answers, until a stop signal. */
async function replay (config: ServeConfig, folder: string, io: CliIo): Promise<number> {
  const { startReplay } = await import('../proxy/start-replay.js')
  let running
  try {
    running = await startReplay(folder, config.options)
  } catch (error) {
    const { code } = error as NodeJS.ErrnoException
    const why = listenFailure(error as NodeJS.ErrnoException, config.options) ??
      (code === 'ENOENT' || code === 'ENOTDIR' ? `--replay ${folder}: no such recording folder` : undefined)
    if (why === undefined) throw error
    io.stderr.write(`webcast-mock: ${why}\n`)
    return 2
  }
  io.stdout.write(`webcast-mock ${packageJson.version} listening on ${running.baseUrl} (replaying ${folder})\n`)
  if (config.readyFile !== undefined) writeReadyFile(config.readyFile, running.baseUrl)
  await new Promise<string>((resolve) => { io.onStopSignal(resolve) })
  await running.close()
  if (config.readyFile !== undefined) rmSync(config.readyFile, { force: true })
  return 0
}

/** Why the mock could not listen, in one line that says what to do; undefined when it is not that. */
function listenFailure (error: NodeJS.ErrnoException, options: { host: string, port: number }): string | undefined {
  const where = `${options.host}:${options.port}`
  switch (error.code) {
    case 'EADDRINUSE':
      return `port ${options.port} on ${options.host} is in use: stop what holds it, ` +
        'or pick another with --port (0 picks a free one)'
    case 'EACCES':
      return `no permission to listen on ${where}: pick a port above 1023 with --port`
    case 'EADDRNOTAVAIL':
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `cannot listen on ${options.host} (${error.code}): ` +
        'give an address of this machine with --host, such as 0.0.0.0'
    default:
      return undefined
  }
}

/**
 * What `serve` prints once listening: where, how to log in (the password only when it is the
 * built-in demo one: one given by flag or environment is a secret), the events added (by
 * `--add-event`, then from fixture files, which come last), and the next command to try.
 */
function banner (mock: RunningMock, config: ServeConfig, fromFiles: LoadedFixtures['events']): string {
  const { options } = config
  const { username, password } = mock.credentials
  const notes = [`seed ${options.seed}`, ...(options.selfCheck ? ['self-check on'] : []),
    ...(options.strictParams ? ['strict parameters'] : [])].join(', ')
  const shownPassword = password === DEMO_CREDENTIALS.password ? password : '(the password you set)'
  const flagged = mock.dataset.events.length - fromFiles.length
  const added = mock.dataset.events.slice(flagged - (options.extraEvents?.length ?? 0), flagged)
  const origin = new URL(mock.baseUrl).origin
  return [
    `webcast-mock ${packageJson.version} listening on ${mock.baseUrl} (${notes})`,
    `  demo login: ${username} / ${shownPassword}`,
    ...added.map((event) =>
      `  added event ${event.id}: ${event.registrantCount.toLocaleString('en-US')} registrants (${event.kind})`),
    ...fromFiles.map(({ event, file }) => `  added event ${event.id} from ${file}: ` +
      `${event.registrantCount.toLocaleString('en-US')} registrants (${event.kind})`),
    `  console: ${origin}/_mock/console/`,
    `  health: ${origin}/_mock/health`,
    `  try: curl '${mock.baseUrl}/login/json?ver=2.0&username=${encodeURIComponent(username)}` +
      `&password=${password === DEMO_CREDENTIALS.password ? encodeURIComponent(password) : 'PASSWORD'}'`,
    '',
  ].join('\n')
}

/** Writes the base URL to a file, whole or not at all, for a script waiting for the mock to listen. */
function writeReadyFile (path: string, baseUrl: string): void {
  const partial = `${path}.${process.pid}.partial`
  writeFileSync(partial, `${baseUrl}\n`)
  renameSync(partial, path)
}
