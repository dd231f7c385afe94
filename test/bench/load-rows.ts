import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { startChild, type Child } from './children.js'
import { fetchAnswer, LOAD_SCENARIOS, PLAN } from './scenarios.js'
import { inTurns, ratios, summarize } from './stats.js'
import { fmt, row, type Row } from './table.js'
import { load, type LoadResult } from './wrk.js'

const CEILING = fileURLToPath(new URL('./ceiling-server.js', import.meta.url))

/** A server under load: where it is, the session it asks with, and what it is called in the table. */
export interface Loaded {
  readonly name: string
  readonly origin: string
  readonly session: string
  readonly child: Child
}

async function measured (url: string): Promise<LoadResult> {
  const result = await load(url, PLAN.seconds)
  if (result.errors > 0) throw new Error(`${url}: ${result.errors} failed requests under load`)
  return result
}

/** Loads two URLs in turns, after a warm-up run each; the figures of every round of each. */
async function loadInTurns (a: string, b: string): Promise<[LoadResult[], LoadResult[]]> {
  await load(a, 1)
  await load(b, 1)
  return await inTurns(PLAN.rounds, async () => await measured(a), async () => await measured(b))
}

function rowsOf (name: string, [ours, theirs]: [LoadResult[], LoadResult[]], names: [string, string],
  targets: { atLeast?: number, p99?: boolean }): Row[] {
  const median = (results: LoadResult[], pick: (r: LoadResult) => number): number => summarize(results.map(pick)).median
  const rps = (r: LoadResult): number => r.requestsPerSecond
  const p99 = (r: LoadResult): number => r.p99Ms
  return [
    row(`${name}: req/s`,
      `${names[0]} ${fmt(median(ours, rps))}; ${names[1]} ${fmt(median(theirs, rps))}`,
      summarize(ratios(ours.map(rps), theirs.map(rps))), 'x',
      targets.atLeast === undefined ? undefined : { atLeast: targets.atLeast }),
    row(`${name}: p99`,
      `${names[0]} ${fmt(median(ours, p99), 2)} ms; ${names[1]} ${fmt(median(theirs, p99), 2)} ms`,
      summarize(ratios(ours.map(p99), theirs.map(p99))), 'x',
      targets.p99 === true ? { atMost: 2 } : undefined),
  ]
}

/**
 * Each load scenario against bare `node:http` sending the very bytes the mock answered, with the
 * same headers' content type: the most any Node server can do with them on this machine.
 */
export async function againstCeiling (mock: Loaded, eventId: string): Promise<Row[]> {
  const scratch = mkdtempSync(join(tmpdir(), 'webcast-bench-'))
  const rows: Row[] = []
  for (const scenario of LOAD_SCENARIOS) {
    const url = mock.origin + scenario.path(mock.session, eventId)
    const { body, contentType } = await fetchAnswer(url)
    const file = join(scratch, `${rows.length}.body`)
    writeFileSync(file, body)
    const ceiling = await startChild(CEILING, ['http', file, contentType])
    const turns = await loadInTurns(url, ceiling.url)
    await ceiling.stop()
    const name = `${scenario.name} (${fmt(body.length / 1024, 1)} KB)`
    rows.push(...rowsOf(name, turns, ['mock', 'node:http'], scenario))
    process.stdout.write(`  ${name}\n`)
  }
  return rows
}

/** Each load scenario on two builds of the mock, in turns: ratios new over old. */
export async function newAgainstOld (fresh: Loaded, old: Loaded, eventId: string): Promise<Row[]> {
  const rows: Row[] = []
  for (const scenario of LOAD_SCENARIOS) {
    const turns = await loadInTurns(fresh.origin + scenario.path(fresh.session, eventId),
      old.origin + scenario.path(old.session, eventId))
    rows.push(...rowsOf(scenario.name, turns, [fresh.name, old.name], {}))
    process.stdout.write(`  ${scenario.name}\n`)
  }
  return rows
}
