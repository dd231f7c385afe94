import { mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import t from 'tap'
import { buildConsole } from '../helpers/browser.js'

/** What the console may add to the package, gzipped (the budget). */
const BUDGET = 150 * 1024

t.test('the built console is under 150 KB gzipped, everything bundled', async (t) => {
  const folder = mkdtempSync(join(tmpdir(), 'console-size-'))
  buildConsole(folder)
  const files = readdirSync(folder).sort()
  t.same(files, ['console.css', 'console.js'], 'one script and one style sheet, nothing fetched at run time')
  const gzipped = files.reduce((sum, file) => sum + gzipSync(readFileSync(join(folder, file)), { level: 9 }).length, 0)
  t.ok(gzipped < BUDGET, `${Math.round(gzipped / 1024)} KB gzipped, of ${BUDGET / 1024} KB`)
  const script = readFileSync(join(folder, 'console.js'), 'utf8')
  t.notMatch(script, /\bfrom\s*["'](?!\.)|import\(\s*["']https?:|https?:\/\/(?!www\.w3\.org)[\w.-]+\//,
    'no import left to resolve and no address outside the page')
})
