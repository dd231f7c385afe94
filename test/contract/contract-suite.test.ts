import t from 'tap'
import { Agent, type Dispatcher } from 'undici'
import { runContractSuite } from '../../client/drift/contract-suite.js'
import { REMOTE_REQUEST_BUDGET } from '../../client/drift/suite-run.js'
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

t.test(
  'against a remote service, the suite sends through the dispatcher given, 300 ms apart, within its budget',
  async (t) => {
    const mock = await startMock({ port: 0 })
    const agent = new RecordingAgent()
    t.teardown(async () => {
      await agent.close()
      await mock.close()
    })
    const target = { name: 'remote', baseUrl: mock.baseUrl, ...mock.credentials, eventId: undefined, remote: true }
    const result = await runContractSuite(target, { dispatcher: agent })
    t.same(result.findings, [], 'nothing drifted')
    t.equal(agent.sent.length, result.requests, `the report counts the ${result.requests} requests sent`)
    t.ok(result.requests <= REMOTE_REQUEST_BUDGET, `within the budget of ${REMOTE_REQUEST_BUDGET}`)
    t.equal(result.requestBudget, REMOTE_REQUEST_BUDGET, 'and says what the budget is')
    t.match(agent.sent[0], { path: /^\/api\/login\?ver=2\.0&/ }, 'the first is the login in XML, as the public consumer logs in')
    const gaps = agent.sent.slice(1).map((request, index) => request.at - (agent.sent[index]?.at ?? 0))
    const least = Math.round(Math.min(...gaps))
    t.ok(gaps.every((gap) => gap >= 295), `each 300 ms or more after the one before (least ${least} ms)`)
  },
)

t.test('a login answer with a field the contract does not know is reported without the session id', async (t) => {
  const mock = await startMock({ port: 0 })
  const drift = {
    json: (tree: unknown) => {
      const success = (tree as { convey_api?: { result?: { success?: Record<string, unknown> } } })
        .convey_api?.result?.success
      if (success?.sessionid !== undefined) success.unsubscribe = 'false'
      return tree
    },
  }
  const proxy = await startDriftingProxy(mock.baseUrl, [drift])
  t.teardown(async () => {
    await proxy.close()
    await mock.close()
  })
  const result = await runContractSuite({
    name: 'drifted mock', baseUrl: proxy.baseUrl, ...mock.credentials, eventId: undefined, remote: false,
  })
  const additive = result.findings.find((f) => f.path === '/convey_api/result/success/unsubscribe')
  t.match(additive, { severity: 'additive', kind: 'unexpected', excerpt: /"sessionid":\{[^}]*"value":"\[redacted\]"/ },
    'the excerpt shows the login\'s success, redacted')
  t.notMatch(JSON.stringify(result), /[0-9a-f]{40}/, 'no 40-hex id anywhere in the result')
})
