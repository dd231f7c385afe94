// npm run pack-check: the container image, tested without a Docker engine. Reads the Dockerfile and
// runs what it runs, on the tarball `npm pack` writes: its `npm install` into an empty folder, then
// its CMD (on a free port) and its HEALTHCHECK; logs in, gets a report, sends SIGTERM and expects
// exit 0. It also checks that the tarball holds what users need and nothing else, that the
// installed dependency tree (which never sees this project's `overrides`) loads on this Node, and
// that the README's shell recipe for CI works with the installed command. A Dockerfile of another
// shape fails here, with what to teach this script.
import { execFileSync, spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { delimiter, join, posix } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'

const fail = (message) => {
  console.error(`pack-check: ${message}`)
  process.exit(1)
}
const step = (message) => console.log(`pack-check: ${message}`)

const image = readDockerfile(readFileSync('Dockerfile', 'utf8'))
const expectedVersion = JSON.parse(readFileSync('package.json', 'utf8')).version

const folder = mkdtempSync(join(tmpdir(), 'webcast-pack-'))
process.on('exit', () => rmSync(folder, { recursive: true, force: true }))

const pack = spawnSync('npm', ['pack', '--json', '--pack-destination', folder], {
  encoding: 'utf8',
  stdio: ['ignore', 'pipe', 'inherit'],
})
if (pack.status !== 0) fail(`npm pack (which builds first) failed:\n${pack.stdout}`)
// What the build prints to stdout comes first; npm's JSON starts on a line of its own.
const packed = JSON.parse(pack.stdout.slice(pack.stdout.search(/^\[/m)))[0]
const files = packed.files.map((file) => file.path)
checkTarballFiles(files)
step(`${packed.filename}: ${files.length} files, ${Math.round(packed.size / 1024)} kB`)
if (image.copied.source !== packed.filename) {
  fail(`the Dockerfile copies ${image.copied.source}, but npm pack wrote ${packed.filename}: update the Dockerfile`)
}

// The image's `npm install --global` with a prefix of our own, so that bin/ and lib/node_modules/
// are laid out as in the image, in an empty folder.
const prefix = join(folder, 'global')
mkdirSync(prefix)
const tarball = join(folder, packed.filename)
for (const args of image.installs) {
  const local = args.map((arg) => arg === image.copied.destination ? tarball : arg)
  step(`npm ${args.join(' ')}`)
  execFileSync('npm', [...local, '--prefix', prefix], { stdio: 'inherit' })
}
const installed = join(prefix, 'lib', 'node_modules', 'webcast-mock')
checkBinChunks(join(installed, 'dist', 'bin'))
const env = { ...process.env, PATH: `${join(prefix, 'bin')}${delimiter}${process.env.PATH ?? ''}` }
const [command, ...commandArgs] = image.cmd
if (!existsSync(join(prefix, 'bin', command))) fail(`the install put no ${command} in bin/`)

const version = execFileSync(command, ['--version'], { encoding: 'utf8', env }).trim()
if (version !== expectedVersion) fail(`--version printed ${version}, not ${expectedVersion}`)

// Fastify loads light-my-request (and, through it, cookie) only for app.inject(): load it here, in
// the tree users get, and both entry points through the package's exports.
const injected = spawnSync(process.execPath, ['--input-type=module', '-e', `
  const { startMock } = await import('webcast-mock')
  const { createClient } = await import('webcast-mock/client')
  if (typeof createClient !== 'function') throw new Error('webcast-mock/client exports no createClient')
  const mock = await startMock({ port: 0 })
  const response = await mock.app.inject('/_mock/health')
  await mock.close()
  if (response.statusCode !== 200) throw new Error('inject answered ' + response.statusCode)
`], { cwd: join(prefix, 'lib'), encoding: 'utf8' })
if (injected.status !== 0) fail(`importing the installed package and app.inject() failed:\n${injected.stderr}`)
step(`the installed package imports and injects on Node ${process.versions.node}`)
if (!process.versions.node.startsWith(`${image.nodeMajor}.`)) {
  step(`note: the image runs Node ${image.nodeMajor}, this check ran on Node ${process.versions.node}`)
}

// The CMD on a free port, with --ready-file to learn which.
const readyFile = join(folder, 'ready')
const serveArgs = [
  ...commandArgs.map((arg, index) => commandArgs[index - 1] === '--port' ? '0' : arg), '--ready-file', readyFile,
]
step(`${command} ${serveArgs.join(' ')}`)
const server = spawn(command, serveArgs, { env, stdio: ['ignore', 'pipe', 'inherit'] })
const exited = new Promise((resolve) => server.on('exit', (code, signal) => resolve({ code, signal })))
let printed = ''
server.stdout.on('data', (chunk) => { printed += chunk })
try {
  await checkServer()
} catch (error) {
  server.kill('SIGKILL')
  fail(`${error.message}\nthe server printed:\n${printed}`)
}
const started = Date.now()
server.kill('SIGTERM')
const stop = await Promise.race([exited, sleep(15_000, undefined)])
if (stop === undefined) {
  server.kill('SIGKILL')
  fail(`the server did not exit within 15 s of SIGTERM; it printed:\n${printed}`)
}
const stopMs = Date.now() - started
if (stop.code !== 0) fail(`after SIGTERM the server exited with ${stop.code ?? stop.signal}, not 0`)
if (existsSync(readyFile)) fail('the server left its --ready-file behind')
checkReadmeRecipe()
console.log(`pack-check: ${packed.filename} installs as the Dockerfile installs it, serves as its CMD does, ` +
  `passes its HEALTHCHECK, logs in, reports, and exits 0 ${stopMs} ms after SIGTERM`)

/** Waits for the ready file, then the HEALTHCHECK, a login and a report, on the port the server picked. */
async function checkServer () {
  const deadline = Date.now() + 20_000
  while (!existsSync(readyFile)) {
    if (Date.now() > deadline) throw new Error('no --ready-file within 20 s')
    if (server.exitCode !== null) throw new Error(`the server exited with ${server.exitCode}`)
    await sleep(50)
  }
  const ready = readFileSync(readyFile, 'utf8').trim()
  const port = /^http:\/\/[^/\s]+:(\d+)\/api$/.exec(ready)?.[1]
  if (port === undefined) throw new Error(`the ready file holds ${JSON.stringify(ready)}, not a base URL`)
  const origin = `http://127.0.0.1:${port}`
  const [healthCommand, ...healthArgs] = image.healthcheck.map((arg) => arg.replaceAll(`:${image.port}/`, `:${port}/`))
  while (spawnSync(healthCommand, healthArgs, { env, timeout: 3000 }).status !== 0) {
    if (Date.now() > deadline) throw new Error('the HEALTHCHECK did not pass within 20 s')
    await sleep(200)
  }
  const health = await (await fetch(`${origin}/_mock/health`)).json()
  if (health.status !== 'ok' || health.version !== expectedVersion) {
    throw new Error(`/_mock/health answered ${JSON.stringify(health)}`)
  }
  step(`HEALTHCHECK passes on port ${port}`)
  for (const [path, type] of [['/_mock/console/', 'text/html'], ['/_mock/console/console.js', 'text/javascript']]) {
    const response = await fetch(`${origin}${path}`)
    if (response.status !== 200 || !(response.headers.get('content-type') ?? '').startsWith(type)) {
      throw new Error(`the console: ${path} answered ${response.status} ${response.headers.get('content-type')}`)
    }
  }
  const api = `${origin}/api`
  const login = await (await fetch(`${api}/login/json?ver=2.0&username=demo%40example.com&password=demo`)).json()
  const session = login?.convey_api?.result?.success
  if (session === undefined) throw new Error(`login failed: ${JSON.stringify(login).slice(0, 200)}`)
  const auth = `si=${session.sessionid.value}&ui=${session.userid.value}`
  const report = await (await fetch(
    `${api}/reporting/audience_reports/json?ver=2.0&${auth}&ei=4851630&no_shows=on&incl_domain=acme.com`,
  )).json()
  const attendees = report?.convey_api?.result?.success?.attendee_list?.attendee
  // The README's example: event 4851630's no-shows on acme.com are 37 on every machine.
  if (!Array.isArray(attendees) || attendees.length !== 37 || !attendees.every((a) => a.email.endsWith('@acme.com'))) {
    throw new Error(`the report is not the 37 no-shows on acme.com: ${JSON.stringify(report).slice(0, 300)}`)
  }
  step('logs in and reports the 37 no-shows on acme.com of event 4851630')
}

/**
 * The README's shell recipe for CI, as written, with the installed command: its ready file in our folder, and
 * where it says to run the tests, a health check; after its `kill $!`, the mock is expected to exit 0.
 */
function checkReadmeRecipe () {
  const readme = readFileSync('README.md', 'utf8')
  const section = readme.slice(readme.indexOf('\n## Run it in CI\n')).split(/\n## /)[1] ?? ''
  const recipe = /```sh\n([\s\S]*?)```/.exec(section)?.[1]
  if (recipe === undefined || !recipe.includes('--ready-file /tmp/mock-url') || !/^API=.*$/m.test(recipe)) {
    fail('README.md: "Run it in CI" has no sh block with --ready-file /tmp/mock-url and API=; teach the pack check')
  }
  // The trap stops the recipe's mock if a line fails before its own `kill $!`.
  const script = 'trap \'kill $! 2>/dev/null || true\' EXIT\n' +
    recipe.replaceAll('/tmp/mock-url', join(folder, 'mock-url')).replace(/^(API=.*)$/m, [
      '$1',
      'node -e "fetch(process.argv[1]).then((r) => process.exit(r.ok ? 0 : 1))" "${API%/api}/_mock/health"',
    ].join('\n')) + 'wait $!\n'
  const run = spawnSync('sh', ['-e', '-c', script], { env, encoding: 'utf8', timeout: 30_000 })
  if (run.status !== 0) fail(`the README's CI recipe failed (${run.status ?? run.signal}):\n${script}\n${run.stderr}`)
  step('the README\'s "Run it in CI" shell recipe runs as written and its mock exits 0')
}

/**
 * What the pack check needs from the Dockerfile, read strictly: a shape it does not know fails,
 * naming the line, rather than being skipped.
 */
function readDockerfile (text) {
  const instructions = text.replace(/\\\n/g, ' ').split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const [, keyword = '', rest = ''] = /^(\S+)\s*(.*)$/.exec(line) ?? []
      return { keyword: keyword.toUpperCase(), rest, line }
    })
  const shape = (instruction, what) =>
    fail(`Dockerfile: ${what} in "${instruction.line.slice(0, 100)}"; teach test/pack-check.mjs this shape`)
  const exec = (instruction, json) => {
    let parsed
    try {
      parsed = JSON.parse(json)
    } catch {
      parsed = undefined
    }
    if (!Array.isArray(parsed) || parsed.length === 0 || !parsed.every((arg) => typeof arg === 'string')) {
      shape(instruction, 'not an exec-form JSON array')
    }
    return parsed
  }
  const found = { installs: [], copies: [], users: [] }
  for (const instruction of instructions) {
    const { keyword, rest } = instruction
    if (keyword === 'FROM') {
      const major = /^node:(\d+)[-.\w]*$/.exec(rest)?.[1]
      if (major === undefined || found.nodeMajor !== undefined) shape(instruction, 'not one FROM node:<major>…')
      found.nodeMajor = major
    } else if (keyword === 'COPY') {
      const parts = rest.split(/\s+/)
      if (parts.length !== 2 || !parts[0].endsWith('.tgz')) shape(instruction, 'not a COPY of one tarball')
      const [source, target] = parts
      found.copies.push({ source, destination: target.endsWith('/') ? posix.join(target, source) : target })
    } else if (keyword === 'RUN') {
      for (const command of rest.split('&&').map((part) => part.trim())) {
        if (/["'$;|<>`]/.test(command)) shape(instruction, `quotes, variables or redirections in "${command}"`)
        const args = command.split(/\s+/)
        if (args[0] === 'npm' && args[1] === 'install' && (args.includes('--global') || args.includes('-g'))) {
          found.installs.push(args.slice(1))
        } else if (command !== 'npm cache clean --force' && !/^rm \S+\.tgz$/.test(command)) {
          shape(instruction, `"${command}", not npm install --global, rm of the tarball or npm cache clean`)
        }
      }
    } else if (keyword === 'USER') {
      found.users.push(rest)
    } else if (keyword === 'EXPOSE') {
      if (!/^\d+$/.test(rest) || found.port !== undefined) shape(instruction, 'not one EXPOSE of one port')
      found.port = rest
    } else if (keyword === 'HEALTHCHECK') {
      const [, json] = /^(?:--\S+\s+)*CMD\s+(\[.*\])$/.exec(rest) ?? []
      if (json === undefined) shape(instruction, 'not HEALTHCHECK [--options] CMD [...]')
      found.healthcheck = exec(instruction, json)
    } else if (keyword === 'CMD') {
      found.cmd = exec(instruction, rest)
    } else {
      shape(instruction, `${keyword}, which the pack check does not run`)
    }
  }
  const { nodeMajor, copies, installs, users, port, healthcheck, cmd } = found
  if (nodeMajor === undefined || port === undefined || healthcheck === undefined || cmd === undefined) {
    fail('Dockerfile: FROM node:<major>, EXPOSE, HEALTHCHECK and CMD are each expected once')
  }
  if (copies.length !== 1) fail(`Dockerfile: one COPY of the tarball expected, found ${copies.length}`)
  const [copied] = copies
  if (installs.length === 0 || !installs.every((args) => args.includes(copied.destination))) {
    fail(`Dockerfile: every npm install --global is expected to install ${copied.destination}`)
  }
  if (users.length === 0 || ['root', '0'].includes(users.at(-1))) fail('Dockerfile: the last USER is root or missing')
  if (cmd[1] !== 'serve' || cmd[cmd.indexOf('--port') + 1] !== port) {
    fail(`Dockerfile: CMD is expected to be "${cmd[0]} serve … --port ${port}" (the EXPOSEd port)`)
  }
  if (!healthcheck.some((arg) => arg.includes(`:${port}/_mock/health`))) {
    fail(`Dockerfile: HEALTHCHECK is expected to ask :${port}/_mock/health`)
  }
  return { nodeMajor, copied, installs, port, healthcheck, cmd }
}

/** The tarball: the package's manifest and docs, and dist/ compiled from today's sources, nothing more. */
function checkTarballFiles (paths) {
  const needed = [
    'package.json', 'README.md', 'LICENSE', 'CHANGELOG.md', 'dist/package.json', 'dist/bin/cli.js',
    'dist/server/index.js', 'dist/server/index.d.ts', 'dist/client/index.js', 'dist/client/index.d.ts',
    'contracts/fixtures.schema.json', 'dist/console/console.js', 'dist/console/console.css',
  ]
  const missing = needed.filter((path) => !paths.includes(path))
  if (missing.length > 0) fail(`the tarball lacks ${missing.join(', ')}`)
  const unwanted = paths.filter((path) => {
    if (!path.startsWith('dist/')) return !needed.includes(path)
    if (path.startsWith('dist/test/') || path.endsWith('.map')) return true
    if (path.startsWith('dist/bin/')) return false
    if (path.startsWith('dist/console/')) return !needed.includes(path)
    // Compiled from a source that is gone (a build that did not start from an empty dist/), or not
    // compiled at all. A JSON file is one the code imports (package.json among them), copied as it is.
    const relative = path.slice('dist/'.length)
    const source = relative.endsWith('.json') ? relative : relative.replace(/\.d\.ts$|\.js$/, '.ts')
    return !/\.(js|d\.ts|json)$/.test(path) || !existsSync(source)
  })
  if (unwanted.length > 0) {
    fail(`the tarball holds ${unwanted.length} file(s) users do not need: ${unwanted.slice(0, 5).join(', ')}`)
  }
}

/** Every file of the bundled command is reached from cli.js: none is left over from an earlier build. */
function checkBinChunks (bin) {
  const reached = new Set(['cli.js'])
  for (const file of reached) {
    const code = readFileSync(join(bin, file), 'utf8')
    for (const [, chunk] of code.matchAll(/["']\.\/([\w.-]+\.js)["']/g)) reached.add(chunk)
  }
  const extra = readdirSync(bin).filter((file) => !reached.has(file))
  if (extra.length > 0) fail(`dist/bin/ holds files cli.js never loads: ${extra.join(', ')}`)
}
