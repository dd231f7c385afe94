import { runContractSuite } from './contract-suite.js'
import { writeDriftReport } from './drift-report.js'
import { TargetConfigError, targetFromEnvironment } from './target.js'

/**
 * `npm run drift`: runs the contract suite against the target the environment names (the mock
 * unless `WEBCAST_API_BASE_URL` is set), writes the drift report into the current folder, and
 * exits non-zero on breaking drift only; 2 when the target cannot be run at all.
 */
async function main (): Promise<number> {
  let target
  try {
    target = await targetFromEnvironment()
  } catch (error) {
    if (!(error instanceof TargetConfigError)) throw error
    process.stderr.write(`drift: ${error.message}\n`)
    return 2
  }
  try {
    const findings = await runContractSuite(target)
    writeDriftReport(process.cwd(), target.name, findings)
    process.stdout.write(`drift: ${target.name}: ${findings.breaking.length} breaking of ${findings.all.length} findings; see drift-report.md\n`)
    return findings.breaking.length > 0 ? 1 : 0
  } finally {
    await target.close()
  }
}

process.exitCode = await main()
