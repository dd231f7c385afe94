import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify, inspect } from 'node:util'
import t, { type Test } from 'tap'
import { startMock } from '../../server/start-mock.js'

const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8')

/** The blocks of one language in the README's "Use in tests" section, as a reader copies them. */
function blocks (language: string): string[] {
  const section = README.slice(README.indexOf('\n## Use in tests\n')).split(/\n## /)[1] ?? ''
  return [...section.matchAll(new RegExp(`\`\`\`${language}\\n([\\s\\S]*?)\`\`\``, 'g'))].map((match) => match[1] ?? '')
}

/** A folder holding the section's fixture as `asker.yaml`, where the blocks run; removed when the test ends. */
function folderWithFixture (t: Test): string {
  const [fixture] = blocks('yaml')
  if (fixture === undefined) throw new Error('the section has no YAML block')
  const folder = mkdtempSync(join(tmpdir(), 'webcast-mock-readme-'))
  t.teardown(() => { rmSync(folder, { recursive: true, force: true }) })
  writeFileSync(join(folder, 'asker.yaml'), fixture)
  writeFileSync(join(folder, 'package.json'), '{ "type": "module" }\n')
  return folder
}

t.test('the TypeScript scenario, run as the README writes it, prints what its comments say', async (t) => {
  const [block] = blocks('ts')
  if (block === undefined) throw new Error('the section has no TypeScript block')
  const folder = folderWithFixture(t)
  // The only changes: the package's names point at its source, and what it prints is kept.
  const script = block
    .replace("from 'webcast-mock/client'", `from '${new URL('../../client/index.js', import.meta.url).href}'`)
    .replace("from 'webcast-mock'", `from '${new URL('../../server/index.js', import.meta.url).href}'`)
    .replaceAll('console.log(', 'readmeLog(')
  const file = join(folder, 'use-in-tests.ts')
  writeFileSync(file, `${script}\ndeclare function readmeLog (...values: unknown[]): void\n`)
  const printed: string[] = []
  const show = (value: unknown): string => typeof value === 'string' ? value : inspect(value)
  Object.assign(globalThis, { readmeLog: (...values: unknown[]) => printed.push(values.map(show).join(' ')) })
  const cwd = process.cwd()
  process.chdir(folder)
  try {
    await import(file)
  } finally {
    process.chdir(cwd)
  }
  const comments = block.split('\n').filter((line) => line.startsWith('console.log('))
    .map((line) => /\/\/ (.*)$/.exec(line)?.[1] ?? '')
  t.equal(printed.length, comments.length, 'a line printed for each console.log')
  for (const [index, line] of printed.entries()) {
    t.ok(comments[index]?.startsWith(line), `printed "${line}", the comment says "${comments[index] ?? ''}"`)
  }
  t.same(printed.slice(0, 5), ["[ 'ann@acme.com' ]", 'API_ERROR internal_error', '2', '0', '43'])
  t.equal(printed[5], 'session_expired')
})

t.test('the curl scenario, run as the README writes it, shows the same', async (t) => {
  const [script] = blocks('sh')
  if (script === undefined) throw new Error('the section has no shell block')
  t.match(script, /^API=http:\/\/127\.0\.0\.1:4010\/api M=http:\/\/127\.0\.0\.1:4010\/_mock$/m, 'port 4010, as serve')
  const folder = folderWithFixture(t)
  const mock = await startMock({ port: 0 })
  t.teardown(() => mock.close())
  // The only change: the port this test's mock listens on, instead of 4010.
  const onThisMock = script.replaceAll('http://127.0.0.1:4010', mock.baseUrl.replace(/\/api$/, ''))
  const { stdout } = await promisify(execFile)('sh', ['-c', onThisMock], { cwd: folder })
  const lines = stdout.split('\n')
  const at = (pattern: RegExp, from: number): number =>
    lines.findIndex((line, index) => index > from && pattern.test(line))
  const askers = at(/^email,/, -1)
  t.match(lines[askers + 1], /^ann@acme\.com,/, 'the filtered report: Ann')
  t.notOk(lines[askers + 2]?.includes('@'), 'and no one else')
  const failed = at(/internal_error/, askers)
  t.ok(failed > askers, 'then the fault, once')
  const both = at(/^email,/, failed)
  t.match(lines.slice(both + 1, both + 3), [/^ann@acme\.com,/, /^bob@globex\.com,/], 'then the report whole')
  const before = at(/^\d+$/, both)
  t.equal(lines[before], '0', 'no live viewer before the live hour')
  const expired = at(/session_expired/, before)
  t.ok(expired > before, 'the session\'s hour over: session_expired')
  t.equal(lines[at(/^\d+$/, expired)], '43', 'after it, its viewers')
  t.equal(mock.fixtures.generation, 1, 'the fixture was loaded once')
})
