import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { startChild } from './children.js'
import { fetchAnswer, PLAN } from './scenarios.js'
import { inTurns, ratios, summarize } from './stats.js'
import { fmt, row, type Row } from './table.js'

const CEILING = fileURLToPath(new URL('./ceiling-server.js', import.meta.url))
const LOGIN = '/api/login/json?ver=2.0&username=demo%40example.com&password=demo'

/** Milliseconds from spawning `script args` to its first answered login. */
async function startOnce (script: string, args: readonly string[]): Promise<number> {
  const started = performance.now()
  const child = await startChild(script, args)
  await fetchAnswer(new URL(child.url).origin + LOGIN)
  const elapsed = performance.now() - started
  await child.stop()
  return elapsed
}

const serve = (cli: string): Promise<number> => startOnce(cli, ['serve', '--port', '0', '--log-level', 'warn'])

/** `webcast-mock serve`, the command users run, from spawning to its first answered login, against bare Fastify. */
export async function coldStartAgainstFastify (cli: string): Promise<Row> {
  const scratch = mkdtempSync(join(tmpdir(), 'webcast-bench-'))
  writeFileSync(join(scratch, 'login.body'), '{}')
  const [ours, bare] = await inTurns(PLAN.rounds, async () => await serve(cli),
    async () => await startOnce(CEILING, ['fastify', join(scratch, 'login.body'), 'application/json']))
  return row('cold start to the first answered login: time',
    `webcast-mock serve ${fmt(summarize(ours).median)} ms; bare Fastify ${fmt(summarize(bare).median)} ms`,
    summarize(ratios(ours, bare)), 'x', { atMost: 1.25 })
}

/** The same for two builds: time new over old. */
export async function coldStartNewAgainstOld (fresh: string, old: string): Promise<Row> {
  const [ours, theirs] = await inTurns(PLAN.rounds, async () => await serve(fresh), async () => await serve(old))
  return row('cold start to the first answered login: time',
    `new ${fmt(summarize(ours).median)} ms; old ${fmt(summarize(theirs).median)} ms`,
    summarize(ratios(ours, theirs)), 'x')
}
