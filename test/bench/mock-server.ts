import { createDataset } from '../../fixtures/create-dataset.js'
import { parseEventSpec } from '../../fixtures/event-specs.js'
import { startMock } from '../../server/start-mock.js'

/**
 * The mock as the benchmark runs it: the default dataset plus the events named on the command
 * line (`node mock-server.js 100000 1000000`), a fixed session secret, and the default log level
 * writing to standard output, as `npm start` does.
 */
const extraEvents = process.argv.slice(2)
  .map((text, position) => parseEventSpec(text, position))
  .filter((spec) => spec !== undefined)
const mock = await startMock({
  dataset: createDataset({ seed: 1, extraEvents }),
  sessionSecret: 'bench',
  log: { level: process.env.BENCH_LOG_LEVEL ?? 'info' },
})
process.stdout.write(`listening on ${mock.baseUrl}\n`)
