import packageJson from '../../package.json' with { type: 'json' }
import { createDataset } from '../../fixtures/create-dataset.js'
import { summarizeDataset } from '../../fixtures/summarize-dataset.js'
import {
  ConfigError, helpText, parseCommand, type DatasetConfig, type DriftConfig, type ServeConfig,
} from './config.js'
import { formatDatasetReport } from './dataset-text.js'
import { startMock } from '../start-mock.js'

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
      return printDataset(command.config, io)
    case 'serve':
      return serve(command.config, io)
    case 'drift':
      return drift(command.config, env, io)
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
  if (remote !== undefined) return await runDrift(remote, io.workingFolder, io, config)
  const mock = await startMock({ port: 0 })
  try {
    return await runDrift({
      name: 'mock started by webcast-mock drift',
      baseUrl: mock.baseUrl,
      ...mock.credentials,
      eventId: env.WEBCAST_API_EVENT_ID,
      remote: false,
    }, io.workingFolder, io, config)
  } finally {
    await mock.close()
  }
}

function printDataset (config: DatasetConfig, io: CliIo): number {
  const dataset = createDataset({ seed: config.seed, extraEvents: config.extraEvents })
  if (config.eventId !== undefined && dataset.eventById(config.eventId) === undefined) {
    io.stderr.write(`webcast-mock: no event ${config.eventId} in the dataset of seed ${config.seed}\n`)
    return 2
  }
  io.stdout.write(formatDatasetReport(config.seed, summarizeDataset(dataset, config.eventId)))
  return 0
}

async function serve (config: ServeConfig, io: CliIo): Promise<number> {
  const { options } = config
  const mock = await startMock({ ...options, log: { ...options.log, stream: io.stdout } })
  const { username, password } = mock.credentials
  const notes = `seed ${options.seed}${options.selfCheck ? ', self-check on' : ''}`
  io.stdout.write([
    `webcast-mock ${packageJson.version} listening on ${mock.baseUrl} (${notes})`,
    `  demo login: ${username} / ${password}`,
    `  try: curl '${mock.baseUrl}/login?ver=2.0` +
      `&username=${encodeURIComponent(username)}&password=${encodeURIComponent(password)}'`,
    '',
  ].join('\n'))
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
  return 0
}
