import t from 'tap'
import { runContractSuite } from '../../client/drift/contract-suite.js'
import { TargetConfigError } from '../../client/drift/run-drift.js'
import { targetFromEnvironment } from './target.js'

t.test('the drift suite finds no breaking drift', async (t) => {
  let target
  try {
    target = await targetFromEnvironment()
  } catch (error) {
    if (!(error instanceof TargetConfigError)) throw error
    t.fail(error.message)
    return
  }
  t.teardown(() => target.close())
  const result = await runContractSuite(target)
  const breaking = result.findings.filter((f) => f.severity === 'breaking')
  t.same(breaking.map((f) => `${f.check}: ${f.kind} ${f.path} ${f.message} (${f.request})`), [],
    `against ${target.name}`)
  t.ok(result.checks.some((c) => c.layer === 'probe'), 'and probed the assumptions')
})
