import { startChild } from './dist/test/bench/children.js'
import { request } from 'undici'
async function once(script, args, path) {
  const t0 = performance.now()
  const c = await startChild(script, args)
  const t1 = performance.now()
  const r = await request(c.url.replace(/\/api$/, '') + path); await r.body.text()
  const t2 = performance.now()
  await c.stop(); return [t1 - t0, t2 - t1]
}
const rows = { ours: [], bare: [] }
for (let i = 0; i < 9; i++) {
  rows.ours.push(await once('dist/server/cli.js', ['serve', '--port', '0', '--log-level', 'warn'], '/api/login/json?ver=2.0&username=demo@example.com&password=demo'))
  rows.bare.push(await once('dist/test/bench/ceiling-server.js', ['fastify', '/tmp/login.body', 'text/json'], '/api/login/json'))
}
const med = (a) => a.map(([x, y]) => x + y).sort((p, q) => p - q)[Math.floor(a.length / 2)]
for (const [k, v] of Object.entries(rows)) console.log(k, med(v).toFixed(0), v.map(([a, b]) => `${a.toFixed(0)}+${b.toFixed(0)}`).join(' '))
console.log('ratio', (med(rows.ours) / med(rows.bare)).toFixed(2))
