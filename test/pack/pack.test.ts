import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { fileURLToPath } from 'node:url'
import t from 'tap'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))

// Packing builds, and installing asks the npm registry: 30 to 60 s, more on a cold npm cache.
t.setTimeout(300_000)

t.test('the container image installs, serves, passes its health check and stops, as the Dockerfile says', async (t) => {
  // Coverage is about this project's sources; the installed copy runs outside it.
  const { NODE_V8_COVERAGE: _coverage, ...env } = process.env
  const child = spawn(process.execPath, ['test/pack-check.mjs'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] })
  t.teardown(() => { child.kill('SIGKILL') })
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => { output += chunk.toString() })
  child.stderr.on('data', (chunk: Buffer) => { output += chunk.toString() })
  const [code] = await once(child, 'exit') as [number | null]
  t.equal(code, 0, 'test/pack-check.mjs exits 0', { output })
  t.match(output, /passes its HEALTHCHECK, logs in, reports, and exits 0 \d+ ms after SIGTERM/)
})
