import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdtempSync, readFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import t, { type Test } from 'tap'
import { Agent } from 'undici'
import { runDrift } from '../../client/drift/run-drift.js'
import type { ContractTarget } from '../../client/drift/suite-run.js'
import { startMock } from '../../server/start-mock.js'

/** `webcast-mock drift`, run from the TypeScript sources as tap runs them. */
const CLI = fileURLToPath(new URL('../../server/cli/main.ts', import.meta.url))

/** A port on loopback that nothing listens on: taken from the system, then given back. */
async function closedPort (): Promise<number> {
  const server = createServer()
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  const address = server.address()
  const port = typeof address === 'object' && address !== null ? address.port : 0
  server.close()
  await once(server, 'close')
  return port
}

/** `runDrift` against a target, its output captured: the exit code, and what it printed where. */
async function drift (t: Test, target: Partial<ContractTarget> & { baseUrl: string }, dispatcher?: Agent):
Promise<{ code: number, out: string, err: string, folder: string }> {
  const folder = mkdtempSync(join(tmpdir(), 'drift-setup-'))
  let out = ''
  let err = ''
  const output = {
    stdout: { write: (text: string) => { out += text } },
    stderr: { write: (text: string) => { err += text } },
  }
  const full = {
    name: target.baseUrl,
    username: 'demo@example.com',
    password: 'demo',
    eventId: undefined,
    remote: false,
    ...target,
  }
  const code = await runDrift(full, folder, output, dispatcher === undefined ? {} : { dispatcher })
  t.teardown(() => dispatcher?.close())
  return { code, out, err, folder }
}

const oneLine = (t: Test, text: string, pattern: RegExp): void => {
  t.equal(text.split('\n').filter((line) => line !== '').length, 1, `one line: ${text.trim()}`)
  t.match(text, pattern)
  t.notMatch(text, /\n\s+at /, 'no stack trace')
}

t.test('nothing listening: one line saying so, exit 2, no report of drift', async (t) => {
  const port = await closedPort()
  const { code, err, out } = await drift(t, { baseUrl: `http://127.0.0.1:${port}/api` })
  t.equal(code, 2)
  oneLine(t, err, /nothing answers at http:\/\/127\.0\.0\.1:\d+ \(connection refused\)/)
  t.equal(out, '')
})

t.test('a host that DNS cannot find: one line, exit 2', async (t) => {
  const failingLookup = new Agent({
    connect: {
      lookup: (hostname, _options, callback) => {
        callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }), '', 4)
      },
    },
  })
  const { code, err } = await drift(t, { baseUrl: 'http://reporting.example.invalid/api' }, failingLookup)
  t.equal(code, 2)
  oneLine(t, err, /cannot find the host reporting\.example\.invalid \(DNS: ENOTFOUND\)/)
})

t.test('TLS that fails (https to a port that speaks plain HTTP): one line, exit 2', async (t) => {
  const mock = await startMock({ port: 0 })
  t.teardown(() => mock.close())
  const { code, err } = await drift(t, { baseUrl: mock.baseUrl.replace('http:', 'https:') })
  t.equal(code, 2)
  oneLine(t, err, /TLS with 127\.0\.0\.1 failed \((EPROTO|ERR_SSL_[A-Z_]+)\)/)
})

t.test('a login refused: one line naming the service\'s error, exit 2, and a report with its envelope', async (t) => {
  const mock = await startMock({ port: 0 })
  t.teardown(() => mock.close())
  const { code, err, folder } = await drift(t, { baseUrl: mock.baseUrl, password: 'not-the-password' })
  t.equal(code, 2)
  oneLine(t, err, /the service refused the login: invalid_credentials \(The username or password is incorrect\.\): check WEBCAST_API_USERNAME/)
  const report = readFileSync(join(folder, 'drift-report.md'), 'utf8')
  t.match(report, /The run stopped before checking anything/)
  t.match(report, /<code>invalid_credentials<\/code>/, 'the service\'s own error envelope, as it came')
  t.notMatch(report, /not-the-password/, 'and not the password')
})

t.test('a base URL without /api (the service answers unknown_path): one line, exit 2', async (t) => {
  const mock = await startMock({ port: 0 })
  t.teardown(() => mock.close())
  const { code, err } = await drift(t, { baseUrl: mock.baseUrl.replace(/\/api$/, '') })
  t.equal(code, 2)
  oneLine(t, err, /\/login is not a path of the API \(unknown_path\): does the base URL end with \/api\?/)
})

t.test('webcast-mock drift exits 2 with one line when nothing listens, where real drift exits 1', async (t) => {
  const port = await closedPort()
  const child = spawn(process.execPath, [...process.execArgv, CLI, 'drift'], {
    cwd: mkdtempSync(join(tmpdir(), 'drift-cli-')),
    env: { ...process.env, WEBCAST_API_BASE_URL: `http://127.0.0.1:${port}/api` },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString() })
  const [code] = await once(child, 'exit') as [number | null]
  t.equal(code, 2)
  oneLine(t, stderr, /^webcast-mock drift: nothing answers at/)
})
