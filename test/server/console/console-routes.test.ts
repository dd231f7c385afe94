import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Fastify, { type FastifyInstance } from 'fastify'
import t, { type Test } from 'tap'
import { consoleRoutes } from '../../../server/console/console-routes.js'
import { consolePage, driftReportPage, readConsoleBundle } from '../../../server/console/console-bundle.js'
import { createDataset } from '../../../fixtures/create-dataset.js'
import { buildServer } from '../../../server/build-server.js'
import { Fixtures } from '../../../server/control/fixtures.js'
import { Faults } from '../../../server/control/faults.js'
import { Journal } from '../../../server/control/journal.js'
import { startMock } from '../../../server/start-mock.js'
import { createMockClock } from '../../../server/time/mock-clock.js'
import { buildConsole } from '../../helpers/browser.js'

async function consoleFrom (t: Test, folder: string): Promise<FastifyInstance> {
  const app = Fastify()
  await app.register(consoleRoutes, { folder })
  t.teardown(() => app.close())
  return app
}

t.test('a built console: its page at /_mock/console/, its script and style, and / sends a browser there', async (t) => {
  const folder = mkdtempSync(join(tmpdir(), 'console-built-'))
  buildConsole(folder)
  const app = await consoleFrom(t, folder)
  const root = await app.inject('/')
  t.equal(root.statusCode, 302)
  t.equal(root.headers.location, '/_mock/console/')
  const page = await app.inject('/_mock/console/')
  t.equal(page.statusCode, 200)
  t.match(page.headers['content-type'], /^text\/html/)
  t.equal(page.body, consolePage('/_mock/console/'))
  const script = await app.inject('/_mock/console/console.js')
  t.match(script.headers['content-type'], /^text\/javascript/)
  t.equal(script.body, readConsoleBundle(folder)?.script)
  t.match((await app.inject('/_mock/console/console.css')).headers['content-type'], /^text\/css/)
})

t.test('a console not built says so and what to run, and serves no script', async (t) => {
  const app = await consoleFrom(t, mkdtempSync(join(tmpdir(), 'console-missing-')))
  const page = await app.inject('/_mock/console/')
  t.equal(page.statusCode, 503)
  t.match(page.body, /The console is not built[\s\S]*npm run build/)
  t.equal((await app.inject('/_mock/console/console.js')).statusCode, 404)
  t.equal((await app.inject('/_mock/console/console.css')).statusCode, 404)
})

t.test('loading the console is not journaled: it is on the control plane', async (t) => {
  const mock = await startMock({ port: 0 })
  t.teardown(() => mock.close())
  await mock.app.inject('/_mock/console/')
  await mock.app.inject('/_mock/console/console.js')
  await mock.app.inject('/_mock/data/events')
  t.same(mock.journal.list(), [])
})

t.test('drift-report.html inlines the report so that nothing in it can end its script element', async (t) => {
  const report = JSON.stringify({ findings: [{ excerpt: '</script><script>alert(1)</script><!--' }], checks: [] })
  const page = driftReportPage(report, { script: 'console.log("</script>")', style: 'body{}' })
  t.equal(page.match(/<\/script>/g)?.length, 2, 'only the two script elements close')
  t.match(page, /<script type="application\/json" id="drift-report">.*<\\\/script><script>alert\(1\)<\\\/script><\\!--/)
  const bare = driftReportPage('{"findings": [], "note": "<b>"}', undefined)
  t.match(bare, /The console is not built[\s\S]*<pre>\{&quot;findings&quot;: \[\], &quot;note&quot;: &quot;&lt;b&gt;&quot;\}<\/pre>/,
    'without a built console, the report as escaped text')
})

/** Each route of the app, its whole path rebuilt from Fastify's tree, with the hooks it runs. */
function routesWithHooks (app: FastifyInstance): string[] {
  const entries: string[] = []
  const parents: Array<{ depth: number, path: string }> = []
  for (const line of app.printRoutes({ includeHooks: true, commonPrefix: false }).split('\n')) {
    const depth = /^[\s│├└─]*/.exec(line)?.[0].length ?? 0
    const text = line.slice(depth)
    if (text === '') continue
    if (text.startsWith('• ')) {
      entries.push(`${entries.pop() ?? ''} ${text}`)
      continue
    }
    const [segment = '', methods = ''] = text.split(' (')
    while ((parents.at(-1)?.depth ?? -1) >= depth) parents.pop()
    const path = `${parents.at(-1)?.path ?? ''}${segment}`
    parents.push({ depth, path })
    entries.push(`${path} (${methods}`)
  }
  return entries.sort()
}

t.test('the console and its data add routes of their own and nothing to the API\'s routes', async (t) => {
  const clock = createMockClock(() => Date.UTC(2026, 10, 27))
  const faults = new Faults({ seed: 1 })
  const journal = new Journal()
  const dataset = createDataset({ seed: 1 })
  const fixtures = new Fixtures(dataset)
  const options = { dataset, fixtures, clock: clock.now, sessionSecret: 'x', faults, journal }
  const bare = buildServer(options)
  const full = buildServer({ ...options, controlApi: { clock, fixtures, faults, journal } })
  t.teardown(async () => { await Promise.all([bare.close(), full.close()]) })
  await Promise.all([bare.ready(), full.ready()])
  const api = routesWithHooks(bare)
  const withConsole = routesWithHooks(full)
  t.ok(api.some((entry) => entry.startsWith('/api/login/json (GET) • (onRequest)')), 'the API\'s routes are listed')
  const changed = api.filter((entry) => !withConsole.includes(entry))
  t.same(changed, [], `each of the ${api.length} routes runs the same hooks as without them`)
  const dataRoute = withConsole.find((entry) => entry.startsWith('/_mock/data/events (GET)'))
  t.ok(dataRoute?.includes('checkControlAccess'),
    'the data routes carry the control API\'s check, in their own scope')
})
