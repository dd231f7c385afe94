import { execFileSync } from 'node:child_process'
import { writeFileSync, readFileSync } from 'node:fs'
import { cpus } from 'node:os'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { createDataset } from '../../fixtures/create-dataset.js'
import type { WebcastEvent } from '../../fixtures/dataset.js'
import { parseEventSpec } from '../../fixtures/event-specs.js'
import { CAN_PIN, startChild } from './children.js'
import { buildRef } from './compare.js'
import { againstRendering, freshNewAgainstOld, type FreshEvent } from './fresh-rows.js'
import { CAN_COUNT, instructionRows, instructionsNewAgainstOld, instructionsPerPart } from './instruction-rows.js'
import { memoryRows, millionRows } from './large-rows.js'
import { againstCeiling, newAgainstOld, type Loaded } from './load-rows.js'
import { login, PLAN } from './scenarios.js'
import { coldStartAgainstFastify, coldStartNewAgainstOld } from './start-rows.js'
import { fmt, markdown, tally, type Row } from './table.js'
import { WRK } from './wrk.js'
import { writerAgainstStringify } from './writer-rows.js'

/**
 * `npm run bench`: every target of the benchmark as a ratio measured in this run, from rounds
 * taken in turns, written to `test/bench/results.md`. `npm run bench -- --compare REF` builds REF
 * in a temporary worktree and measures the two builds in turns instead: ratios new over old.
 */
const here = (file: string): string => fileURLToPath(new URL(file, import.meta.url))
const MOCK = here('./mock-server.js')
const CPU_PARTS = here('./cpu-parts.js')
/** The command users run: the bundled entry `npm run build` writes. */
const CLI = here('../../bin/cli.js')

/** The event `mock-server.js SIZE` adds after the default ones. */
function addedEvent (size: number): WebcastEvent {
  const spec = parseEventSpec(String(size), 0)
  const event = spec === undefined ? undefined : createDataset({ seed: 1, extraEvents: [spec] }).events.at(-1)
  if (event === undefined) throw new Error(`no event of ${size} registrants`)
  return event
}

function defaultEvent (at: number): WebcastEvent {
  const event = createDataset({ seed: 1 }).events[at]
  if (event === undefined) throw new Error('the default dataset has changed')
  return event
}

/** The default dataset's first event (1,000 registrants), one of its small ones, and the one of 100,000 added. */
const thousand = defaultEvent(0)
const small = defaultEvent(7)
const hundredThousand = addedEvent(100_000)
const FRESH_EVENTS: FreshEvent[] = [
  { id: thousand.id, registrants: thousand.registrantCount, perRound: 9 },
  { id: hundredThousand.id, registrants: 100_000, perRound: 1 },
]

function machine (): string {
  const memoryKb = Number(/MemTotal:\s+(\d+)/.exec(readFileSync('/proc/meminfo', 'utf8'))?.[1] ?? 0)
  return `${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, ${fmt(memoryKb / 1024 / 1024)} GiB, ` +
    `Node ${process.version}; servers ${CAN_PIN ? 'on core 0, wrk on core 1 (taskset)' : 'unpinned'}; ` +
    `${PLAN.rounds} rounds in turns, ${PLAN.seconds} s per load run, 16 connections`
}

function section (title: string): void { process.stdout.write(`${title}\n`) }

async function loaded (name: string, script: string, sizes: string[]): Promise<Loaded> {
  const child = await startChild(script, sizes)
  const origin = new URL(child.url).origin
  return { name, origin, session: await login(origin), child }
}

async function targets (): Promise<Row[]> {
  const rows: Row[] = []
  const server = await loaded('mock', MOCK, ['100000'])
  section('served again, against bare node:http sending the same bytes')
  rows.push(...await againstCeiling(server, thousand.id))
  section('never asked before, against generating and writing alone in the same process')
  rows.push(...await againstRendering(server, FRESH_EVENTS))
  await server.child.stop()
  section('the writer alone, against JSON.stringify')
  rows.push(...await writerAgainstStringify(hundredThousand))
  section('cold start')
  rows.push(await coldStartAgainstFastify(CLI))
  section('1,000,000 registrants, and memory')
  rows.push(...await millionRows(MOCK, addedEvent(1_000_000), small), ...await memoryRows(MOCK))
  if (CAN_COUNT) {
    section('instructions, counted by callgrind')
    rows.push(...instructionRows(await instructionsPerPart(CPU_PARTS)))
  }
  return rows
}

async function compare (ref: string): Promise<Row[]> {
  section(`building ${ref} in a temporary worktree`)
  const old = await buildRef(ref)
  try {
    const rows: Row[] = []
    const fresh = await loaded('new', MOCK, ['100000'])
    const before = await loaded(`old (${ref})`, old.mockServer, ['100000'])
    section('served again')
    rows.push(...await newAgainstOld(fresh, before, thousand.id))
    section('never asked before')
    rows.push(...await freshNewAgainstOld(fresh, before, FRESH_EVENTS))
    await Promise.all([fresh.child.stop(), before.child.stop()])
    section('cold start')
    rows.push(await coldStartNewAgainstOld(CLI, old.cli))
    if (CAN_COUNT) {
      section('instructions, counted by callgrind')
      const [ours, theirs] = [await instructionsPerPart(CPU_PARTS), await instructionsPerPart(old.cpuParts)]
      rows.push(...instructionsNewAgainstOld(ours, theirs))
    }
    return rows
  } finally {
    await old.remove()
  }
}

async function main (): Promise<number> {
  const { values } = parseArgs({ options: { compare: { type: 'string' } } })
  if (WRK === undefined) {
    process.stderr.write('npm run bench needs wrk: apt-get install wrk (or brew install wrk)\n')
    return 2
  }
  // The benchmark's own work (its client, the writer alone) runs beside wrk, off the servers' core.
  if (CAN_PIN) execFileSync('taskset', ['-p', '-c', '1', String(process.pid)], { stdio: 'ignore' })
  process.stdout.write(`webcast-mock benchmark: ${machine()}\n`)
  const ref = values.compare
  const rows = ref === undefined ? await targets() : await compare(ref)
  const { met, missed, unstable } = tally(rows)
  const verdict = ref === undefined
    ? `Verdict over stable rows: ${met} met, ${missed} missed; ${unstable} unstable.`
    : `Ratios are new over old, this checkout against ${ref}; for time, lower is faster; for req/s, higher is.`
  const text = `${new Date().toISOString().slice(0, 10)} on ${machine()}.\n\n${markdown(rows)}\n${verdict}\n`
  if (ref === undefined) writeFileSync(here('../../../test/bench/results.md'), `# Benchmark results\n\n${text}`)
  process.stdout.write(`\n${text}`)
  return 0
}

process.exitCode = await main().catch((error: unknown) => {
  process.stderr.write(`npm run bench: ${error instanceof Error ? error.message : String(error)}\n`)
  return 2
})
