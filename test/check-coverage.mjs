// Fails the test command when coverage falls below the floor chosen in test/README.md.
// tap itself only knows "100 % or nothing"; this keeps the bar high without writing tests
// for unreachable defensive branches.
import { readFileSync } from 'node:fs'

const FLOOR = { lines: 95, statements: 95, functions: 90, branches: 85 }
const summary = JSON.parse(readFileSync('.tap/report/coverage-summary.json', 'utf8'))
const below = Object.entries(FLOOR).filter(([kind, floor]) => summary.total[kind].pct < floor)
for (const [kind, floor] of Object.entries(FLOOR)) {
  console.log(`coverage ${kind}: ${summary.total[kind].pct} % (floor ${floor} %)`)
}
if (below.length > 0) {
  console.error(`coverage below the floor: ${below.map(([kind]) => kind).join(', ')}`)
  process.exit(1)
}
