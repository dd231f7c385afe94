import t from 'tap'
import { runContractSuite } from '../../client/drift/contract-suite.js'
import { TargetConfigError } from '../../client/drift/run-drift.js'
import { targetFromEnvironment } from './target.js'

t.test('the contract suite finds no breaking drift', async (t) => {
  let target
  try {
    target = await targetFromEnvironment()
  } catch (error) {
    if (!(error instanceof TargetConfigError)) throw error
    t.fail(error.message)
    return
  }
  t.teardown(() => target.close())
  const findings = await runContractSuite(target)
  t.same(findings.breaking.map((f) => `${f.check}: ${f.message} (${f.request})`), [], `against ${target.name}`)
  t.ok(findings.all.some((f) => f.severity === 'informational'), 'and recorded its probes as findings')
})
