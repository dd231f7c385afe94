import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { fileURLToPath } from 'node:url'
import t from 'tap'
import { request } from 'undici'
import packageJson from '../../package.json' with { type: 'json' }

const CLI = fileURLToPath(new URL('../../server/cli.ts', import.meta.url))

/** Runs the CLI from source with the loaders this test runs under. */
function runCli (args: string[], env: Record<string, string> = {}): ReturnType<typeof spawn> {
  return spawn(process.execPath, [...process.execArgv, CLI, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
}

async function outputOf (child: ReturnType<typeof spawn>): Promise<{ code: number | null, stdout: string, stderr: string }> {
  let stdout = ''
  let stderr = ''
  child.stdout?.on('data', (chunk: Buffer) => { stdout += chunk.toString() })
  child.stderr?.on('data', (chunk: Buffer) => { stderr += chunk.toString() })
  const [code] = await once(child, 'exit') as [number | null]
  return { code, stdout, stderr }
}

t.test('a bad flag value gets one line on stderr and exit code 2', async (t) => {
  const { code, stdout, stderr } = await outputOf(runCli(['--port', 'eighty']))
  t.equal(code, 2)
  t.equal(stdout, '')
  t.equal(stderr, 'webcast-mock: --port must be a whole number from 0 to 65535, not "eighty"\n')
})

t.test('--version prints the package version', async (t) => {
  const { code, stdout } = await outputOf(runCli(['--version']))
  t.equal(code, 0)
  t.equal(stdout, `${packageJson.version}\n`)
})

t.test('serve --port 0 prints where it listens, answers, and exits 0 on SIGTERM', async (t) => {
  const child = runCli(['serve', '--port', '0'], { WEBCAST_MOCK_LOG_LEVEL: 'info' })
  const output = outputOf(child)
  const baseUrl = await new Promise<string>((resolve) => {
    let seen = ''
    child.stdout?.on('data', (chunk: Buffer) => {
      seen += chunk.toString()
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+\/api)/.exec(seen)
      if (match?.[1] !== undefined) resolve(match[1])
    })
  })
  const login = await request(`${baseUrl}/login/json`, { query: { ver: '2.0', username: 'demo@example.com', password: 'demo' } })
  const body = await login.body.text()
  const sessionId = /"sessionid":\{[^}]*"value":"([0-9a-f]{40})"/.exec(body)?.[1] ?? 'no session id'
  t.match(sessionId, /^[0-9a-f]{40}$/, 'logs in with the demo credentials')

  child.kill('SIGTERM')
  const { code, stdout } = await output
  t.equal(code, 0, 'exits 0')
  t.match(stdout, 'demo login: demo@example.com / demo', 'printed the demo credentials on start')
  const logLines = stdout.split('\n').filter((line) => line.startsWith('{'))
  t.ok(logLines.some((line) => line.includes('/api/login/json')), 'logged the login request')
  t.notOk(logLines.some((line) => line.includes('password=demo') || line.includes(sessionId)), 'and no log line holds the password or the session id')
})
