// npm run pack-check: packs the project, installs the tarball into an empty folder with
// production dependencies only, and runs the installed CLI: --version, then serve --port 0 and a
// login against it. Also checks the tarball holds compiled JavaScript, types and the README, and
// no tests.
import { execFileSync, spawn } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const fail = (message) => {
  console.error(`pack-check: ${message}`)
  process.exit(1)
}
const folder = mkdtempSync(join(tmpdir(), 'webcast-pack-'))
const packed = JSON.parse(
  execFileSync('npm', ['pack', '--json', '--pack-destination', folder], { encoding: 'utf8' }),
)[0]
const files = packed.files.map((file) => file.path)
const NEEDED = [
  'README.md', 'LICENSE', 'package.json', 'dist/bin/cli.js', 'dist/server/index.d.ts', 'dist/client/index.js',
]
for (const needed of NEEDED) {
  if (!files.includes(needed)) fail(`the tarball lacks ${needed}`)
}
const unwanted = files.filter((file) =>
  file.startsWith('test/') || file.startsWith('dist/test/') || file.endsWith('.ts') && !file.endsWith('.d.ts'))
if (unwanted.length > 0) fail(`the tarball holds ${unwanted.slice(0, 3).join(', ')}`)

const app = join(folder, 'app')
execFileSync('mkdir', ['-p', app])
execFileSync('npm', ['init', '-y'], { cwd: app, stdio: 'ignore' })
execFileSync('npm', ['install', '--omit=dev', '--no-audit', '--no-fund', join(folder, packed.filename)], {
  cwd: app,
  stdio: 'inherit',
})
const bin = join(app, 'node_modules', '.bin', 'webcast-mock')
const version = execFileSync(bin, ['--version'], { encoding: 'utf8' }).trim()
const expected = JSON.parse(readFileSync('package.json', 'utf8')).version
if (version !== expected) fail(`--version printed ${version}, not ${expected}`)

const server = spawn(bin, ['serve', '--port', '0', '--log-level', 'warn'], { stdio: ['ignore', 'pipe', 'inherit'] })
const baseUrl = await new Promise((resolve, reject) => {
  let seen = ''
  server.stdout.on('data', (chunk) => {
    seen += chunk
    const match = /listening on (\S+)/.exec(seen)
    if (match) resolve(match[1])
  })
  server.on('exit', (code) => reject(new Error(`serve exited with ${code}`)))
})
const login = await (await fetch(`${baseUrl}/login/json?ver=2.0&username=demo%40example.com&password=demo`)).json()
server.kill('SIGTERM')
if (login?.convey_api?.result?.returnCode !== '1') fail(`login failed: ${JSON.stringify(login).slice(0, 200)}`)
console.log(`pack-check: ${packed.filename} (${files.length} files) installs with production dependencies, ` +
  `prints ${version}, serves and logs in`)
