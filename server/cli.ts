#!/usr/bin/env node
import packageJson from '../package.json' with { type: 'json' }
import { createDataset } from '../fixtures/create-dataset.js'
import { ConfigError, helpText, parseCommand, type ServeConfig } from './config.js'
import { startMock } from './start-mock.js'

/**
 * The one entry file: reads the command line and environment, starts the mock, and on SIGINT or
 * SIGTERM stops accepting connections, lets in-flight requests finish, then exits 0.
 */
async function main (): Promise<void> {
  let command
  try {
    command = parseCommand(process.argv.slice(2), process.env)
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error
    process.stderr.write(`webcast-mock: ${error.message}\n`)
    process.exitCode = 2
    return
  }
  if (command.name === 'help') process.stdout.write(helpText())
  else if (command.name === 'version') process.stdout.write(`${packageJson.version}\n`)
  else await serve(command.config)
}

async function serve (config: ServeConfig): Promise<void> {
  const mock = await startMock({
    port: config.port,
    host: config.host,
    dataset: createDataset({ seed: config.seed, demo: config.demo }),
    sessionTtlSeconds: config.sessionTtlSeconds,
    log: { level: config.logLevel },
    ...(config.sessionSecret === undefined ? {} : { sessionSecret: config.sessionSecret }),
  })
  const { username, password } = mock.credentials
  process.stdout.write([
    `webcast-mock ${packageJson.version} listening on ${mock.baseUrl} (seed ${config.seed})`,
    `  demo login: ${username} / ${password}`,
    `  try: curl '${mock.baseUrl}/login?ver=2.0&username=${encodeURIComponent(username)}&password=${encodeURIComponent(password)}'`,
    '',
  ].join('\n'))

  let stopping = false
  const stop = (signal: string): void => {
    if (stopping) return
    stopping = true
    process.stdout.write(`webcast-mock: ${signal} received, finishing in-flight requests\n`)
    mock.close().then(() => process.exit(0), () => process.exit(1))
  }
  process.once('SIGINT', () => stop('SIGINT'))
  process.once('SIGTERM', () => stop('SIGTERM'))
}

await main()
