import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { fileURLToPath } from 'node:url'
import t from 'tap'
import { request } from 'undici'
import { createDataset, parseEventSpec } from '../../../fixtures/index.js'

const CLI = fileURLToPath(new URL('../../../server/cli/main.ts', import.meta.url))
const SIZE = 40_000

t.test('on SIGTERM the real process stops accepting, finishes the report it is streaming, and exits 0', async (t) => {
  const child = spawn(process.execPath, [
    ...process.execArgv, CLI, 'serve', '--port', '0', '--log-level', 'warn', '--add-event', String(SIZE),
  ], { stdio: ['ignore', 'pipe', 'pipe'] })
  t.teardown(() => { child.kill('SIGKILL') })
  let stdout = ''
  const baseUrl = await new Promise<string>((resolve) => {
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString()
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+\/api)/.exec(stdout)
      if (match?.[1] !== undefined) resolve(match[1])
    })
  })
  const loginResponse = await request(`${baseUrl}/login/json`, {
    query: { ver: '2.0', username: 'demo@example.com', password: 'demo' },
  })
  const login = await loginResponse.body.json() as {
    convey_api: { result: { success: { sessionid: { value: string }, userid: { value: string } } } }
  }
  const { sessionid, userid } = login.convey_api.result.success
  const spec = parseEventSpec(String(SIZE), 0)
  const eventId = spec === undefined ? '' : createDataset({ seed: 1, extraEvents: [spec] }).events.at(-1)?.id ?? ''
  const report = await request(`${baseUrl}/reporting/audience_reports/csv`, {
    query: { ver: '2.0', si: sessionid.value, ui: userid.value, ei: eventId },
  })
  const exited = once(child, 'exit') as Promise<[number | null, string | null]>
  let text = ''
  let signalled = false
  for await (const chunk of report.body) {
    text += (chunk as Buffer).toString()
    if (!signalled) {
      signalled = true
      child.kill('SIGTERM')
      while (!stdout.includes('SIGTERM received')) await new Promise((resolve) => setTimeout(resolve, 20))
      const answer = await request(`${baseUrl}/login/json`, { query: { ver: '2.0' } }).then(
        async (response) => `${response.statusCode} ${await response.body.text()}`,
        () => 'refused',
      )
      t.match(answer, /^refused$|^503 .*"code":"shutting_down"/,
        `a new request after SIGTERM is refused or told the server is shutting down (${answer.slice(0, 3)})`)
    }
  }
  const [code] = await exited
  t.equal(code, 0, 'exits 0')
  t.equal(text.split('\r\n').length - 2, SIZE, `the report in flight arrived whole: ${SIZE} rows after the header`)
  t.match(stdout, 'SIGTERM received, finishing in-flight requests')
  t.notMatch(stdout, 'grace period over', 'without waiting for the grace period to cut the finished connection')
})
