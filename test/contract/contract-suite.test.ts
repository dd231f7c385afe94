import t from 'tap'
import { Agent, type Dispatcher } from 'undici'
import { runContractSuite } from '../../client/drift/contract-suite.js'
import { startMock } from '../../server/start-mock.js'
import { startDriftingProxy } from './drifting-proxy.js'

/** An undici agent that notes when each request leaves, and for which path. */
class RecordingAgent extends Agent {
  readonly sent: Array<{ at: number, path: string }> = []

  override dispatch (options: Dispatcher.DispatchOptions, handler: Dispatcher.DispatchHandler): boolean {
    this.sent.push({ at: performance.now(), path: options.path })
    return super.dispatch(options, handler)
  }
}

t.test('against a remote service, the suite sends through the dispatcher given, 300 ms apart', async (t) => {
  const mock = await startMock({ port: 0 })
  const agent = new RecordingAgent()
  t.teardown(async () => {
    await agent.close()
    await mock.close()
  })
  const target = { name: 'remote', baseUrl: mock.baseUrl, ...mock.credentials, eventId: undefined, remote: true }
  const findings = await runContractSuite(target, { dispatcher: agent })
  t.same(findings.breaking, [], 'nothing drifted')
  t.equal(agent.sent.length, 30, 'the 30 requests it sends, within its budget of 45')
  t.match(agent.sent[0], { path: /^\/api\/login\/json\?ver=2\.0&/ }, 'the first is the client\'s login')
  const gaps = agent.sent.slice(1).map((request, index) => request.at - (agent.sent[index]?.at ?? 0))
  const least = Math.round(Math.min(...gaps))
  t.ok(gaps.every((gap) => gap >= 295), `each 300 ms or more after the one before (least ${least} ms)`)
})

t.test('a login answer with a field the contract does not know is reported without the session id', async (t) => {
  const mock = await startMock({ port: 0 })
  const drift = { body: (body: string) => body.replace('"sessionid":', '"unsubscribe":"false","sessionid":') }
  const proxy = await startDriftingProxy(mock.baseUrl, drift)
  t.teardown(async () => {
    await proxy.close()
    await mock.close()
  })
  const findings = await runContractSuite({
    name: 'drifted mock', baseUrl: proxy.baseUrl, ...mock.credentials, eventId: undefined, remote: false,
  })
  const additive = findings.all.find((f) => f.check === 'login/json meets its contract')
  const redacted = /"sessionid":\{[^}]*"value":"\[redacted\]"/
  t.match(additive, { severity: 'additive', message: /unsubscribe/, excerpt: redacted }, 'the excerpt is redacted')
  t.notMatch(JSON.stringify(findings.all), /[0-9a-f]{40}/, 'no 40-hex id in any finding')
})
