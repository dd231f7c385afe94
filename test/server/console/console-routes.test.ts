import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Fastify, { type FastifyInstance } from 'fastify'
import t, { type Test } from 'tap'
import { consoleRoutes } from '../../../server/console/console-routes.js'
import { consolePage, driftReportPage, readConsoleBundle } from '../../../server/console/console-bundle.js'
import { startMock } from '../../../server/start-mock.js'
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
