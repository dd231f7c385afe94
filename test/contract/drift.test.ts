import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import t, { type Test } from 'tap'
import { startMock } from '../../server/start-mock.js'
import { runContractSuite } from '../../client/drift/contract-suite.js'
import { driftMarkdown } from '../../client/drift/drift-report.js'
import type { Findings } from '../../client/drift/findings.js'
import { startDriftingProxy, type Drift } from './drifting-proxy.js'

/** `webcast-mock drift`, run from the TypeScript sources as tap runs them. */
const CLI = fileURLToPath(new URL('../../server/cli/main.ts', import.meta.url))

async function throughDrift (t: Test, drift: Drift): Promise<{ findings: Findings, baseUrl: string }> {
  const mock = await startMock({ port: 0 })
  const proxy = await startDriftingProxy(mock.baseUrl, drift)
  t.teardown(async () => {
    await proxy.close()
    await mock.close()
  })
  const findings = await runContractSuite({ name: 'drifted mock', baseUrl: proxy.baseUrl, ...mock.credentials, eventId: undefined, remote: false })
  return { findings, baseUrl: proxy.baseUrl }
}

t.test('a renamed field is breaking drift, named in the report', async (t) => {
  const { findings } = await throughDrift(t, { body: (body) => body.replaceAll('eventtitle', 'event_title') })
  t.ok(findings.breaking.some((f) => /eventtitle/.test(f.message)), 'the missing eventtitle is breaking')
  t.ok(findings.all.some((f) => f.severity === 'additive' && /event_title/.test(f.message)), 'the unknown event_title is additive')
  t.match(driftMarkdown('drifted mock', findings), /## breaking[\s\S]*eventtitle/)
})

t.test('a dropped attribute is breaking drift', async (t) => {
  const { findings } = await throughDrift(t, { body: (body) => body.replace(/,"reg_date":"[^"]*"| reg_date="[^"]*"/g, '') })
  t.ok(findings.breaking.some((f) => /reg_date/.test(f.message)), 'the missing reg_date is breaking')
})

t.test('a filter the service ignores breaks its invariant', async (t) => {
  const { findings } = await throughDrift(t, { query: (query) => query.delete('no_shows') })
  t.ok(findings.breaking.some((f) => f.check === 'every registrant returned satisfies no_shows'), 'no_shows is named')
})

t.test('an unknown field is additive drift, not breaking', async (t) => {
  const { findings } = await throughDrift(t, { body: (body) => body.replaceAll('"reg_date":', '"unsubscribe":"false","reg_date":').replaceAll(' reg_date=', ' unsubscribe="false" reg_date=') })
  t.same(findings.breaking, [], 'nothing breaks')
  t.ok(findings.all.some((f) => f.severity === 'additive' && /unsubscribe/.test(f.message)), 'unsubscribe is reported as additive')
})

t.test('webcast-mock drift against a drifted target exits non-zero and writes the report', async (t) => {
  const mock = await startMock({ port: 0 })
  const proxy = await startDriftingProxy(mock.baseUrl, { body: (body) => body.replaceAll('eventtitle', 'event_title') })
  t.teardown(async () => {
    await proxy.close()
    await mock.close()
  })
  const folder = mkdtempSync(join(tmpdir(), 'drift-'))
  const child = spawn(process.execPath, [...process.execArgv, CLI, 'drift'], {
    cwd: folder,
    env: { ...process.env, WEBCAST_API_BASE_URL: proxy.baseUrl },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const [code] = await once(child, 'exit') as [number | null]
  t.equal(code, 1, 'exits 1 on breaking drift')
  t.match(readFileSync(join(folder, 'drift-report.md'), 'utf8'), /## breaking[\s\S]*eventtitle/, 'the markdown names the drift')
  t.match(readFileSync(join(folder, 'drift-report.junit.xml'), 'utf8'), /<failure message=/)
  t.match(JSON.parse(readFileSync(join(folder, 'drift-report.json'), 'utf8')), { target: proxy.baseUrl })
})

t.test('against the real API without credentials, drift explains what to set and passes nothing', async (t) => {
  const child = spawn(process.execPath, [...process.execArgv, CLI, 'drift'], {
    env: { ...process.env, WEBCAST_API_BASE_URL: 'https://api.webcasts.com/api', WEBCAST_API_USERNAME: '', WEBCAST_API_PASSWORD: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString() })
  const [code] = await once(child, 'exit') as [number | null]
  t.equal(code, 2)
  t.match(stderr, /set WEBCAST_API_USERNAME and WEBCAST_API_PASSWORD/)
})

t.test('no finding carries the session id or the user id', async (t) => {
  const { findings } = await throughDrift(t, {})
  const text = JSON.stringify(findings.all)
  t.notMatch(text, /[0-9a-f]{40}/, 'no 40-hex id in any request or excerpt')
  t.notMatch(text, /password=demo/, 'nor the password')
})
