#!/usr/bin/env node
import { runCli } from './run-cli.js'

// The one entry file: hands the process's arguments, environment, output and signals to
// `runCli`, and exits with its code once the command is done.
process.exitCode = await runCli(process.argv.slice(2), process.env, {
  stdout: process.stdout,
  stderr: process.stderr,
  workingFolder: process.cwd(),
  onStopSignal: (handler) => {
    const stop = (signal: NodeJS.Signals): void => {
      process.removeAllListeners('SIGINT')
      process.removeAllListeners('SIGTERM')
      handler(signal)
    }
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
  },
})
