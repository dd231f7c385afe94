import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { fileURLToPath } from 'node:url'
import t from 'tap'
import { request } from 'undici'

const CLI = fileURLToPath(new URL('../../server/cli.ts', import.meta.url))

t.test('the real process serves until SIGTERM, then closes and exits 0', async (t) => {
  const child = spawn(process.execPath, [...process.execArgv, CLI, 'serve', '--port', '0', '--log-level', 'warn'], { stdio: ['ignore', 'pipe', 'pipe'] })
  t.teardown(() => { child.kill('SIGKILL') })
  let stdout = ''
  const baseUrl = await new Promise<string>((resolve) => {
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString()
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+\/api)/.exec(stdout)
      if (match?.[1] !== undefined) resolve(match[1])
    })
  })
  const login = await request(`${baseUrl}/login`, { query: { ver: '2.0', username: 'demo@example.com', password: 'demo' } })
  t.match(await login.body.text(), '<returnCode>1</returnCode>')
  const exited = once(child, 'exit') as Promise<[number | null, string | null]>
  child.kill('SIGTERM')
  const [code] = await exited
  t.equal(code, 0)
  t.match(stdout, 'SIGTERM received, finishing in-flight requests')
})
