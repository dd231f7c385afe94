import { execFile } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { PARTS, PASSES, passLabel, REGISTRANTS, REQUESTS, type Part, type Run } from './cpu-parts.js'
import { ratios, summarize } from './stats.js'
import { fmt, row, type Row } from './table.js'

const execute = promisify(execFile)
const VALGRIND = ['/usr/bin/valgrind', '/usr/local/bin/valgrind'].find((path) => existsSync(path))

/** Whether instructions can be counted here. */
export const CAN_COUNT = VALGRIND !== undefined

/**
 * Runs `cpu-parts.js RUN` under callgrind and reads the instructions of each pass out of the dumps
 * it asks for: the same count for the same code and input whatever else the machine is doing. V8
 * runs single-threaded, so that no background compiler or collector thread makes the count
 * depend on timing.
 */
async function countRun (script: string, run: Run): Promise<Map<string, number>> {
  if (VALGRIND === undefined) throw new Error('valgrind is not installed')
  const dumps = mkdtempSync(join(tmpdir(), 'webcast-callgrind-'))
  await execute(VALGRIND, ['--tool=callgrind', `--callgrind-out-file=${join(dumps, 'out.%p')}`,
    process.execPath, '--single-threaded', script, run], { maxBuffer: 16 * 1024 * 1024 })
  const counts = new Map<string, number>()
  for (const file of readdirSync(dumps)) {
    const text = readFileSync(join(dumps, file), 'utf8')
    const label = /^desc: Trigger: dump (\S+)/m.exec(text)?.[1]
    const total = /^summary: (\d+)/m.exec(text)?.[1]
    if (label !== undefined && total !== undefined) counts.set(label, Number(total))
  }
  rmSync(dumps, { recursive: true, force: true })
  return counts
}

/** Instructions of the cheapest warm pass of each part; both runs at once, since a count ignores the load. */
export async function instructionsPerPart (script: string): Promise<Record<Part, number>> {
  const [registrants, answering] = await Promise.all([countRun(script, 'registrants'), countRun(script, 'answering')])
  const counts = new Map([...registrants, ...answering])
  return Object.fromEntries((Object.keys(PARTS) as Part[]).map((part) => {
    const warm = Array.from({ length: PASSES - 1 }, (_, n) => counts.get(passLabel(part, n + 2)) ?? Number.NaN)
    if (warm.some(Number.isNaN)) throw new Error(`callgrind counted not every pass of ${part}`)
    return [part, Math.min(...warm)]
  })) as Record<Part, number>
}

const perUnit = (part: Part): [number, string] =>
  PARTS[part][1] === 'answering' ? [REQUESTS, 'request'] : [REGISTRANTS, 'registrant']

/** Instructions per registrant or per request of each part, as counted. */
export function instructionRows (counts: Record<Part, number>): Row[] {
  return (Object.keys(PARTS) as Part[]).map((part) => {
    const [units, unit] = perUnit(part)
    return row(`${part}: instructions per ${unit} (callgrind)`, `${PARTS[part][0]}: ${fmt(counts[part] / 1e6, 1)} M`,
      summarize([counts[part] / units]), '')
  })
}

/** Instructions per part of two builds: new over old. */
export function instructionsNewAgainstOld (fresh: Record<Part, number>, old: Record<Part, number>): Row[] {
  return (Object.keys(PARTS) as Part[]).map((part) => row(`${part}: instructions (callgrind)`,
    `new ${fmt(fresh[part] / 1e6, 1)} M; old ${fmt(old[part] / 1e6, 1)} M`,
    summarize(ratios([fresh[part]], [old[part]])), 'x'))
}
