import { readdirSync, readFileSync } from 'node:fs'
import { join, relative, resolve, dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import t from 'tap'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')

/**
 * What each top-level folder may import from the others. `server/cli/` is the command line, the
 * composition root, as Prism's cli sits on all its packages: it alone may load the client's
 * contract suite, for `webcast-mock drift`, and loads it only then. `server/console/web/` is the
 * console's browser code, which the mock serves but never runs: it reads the drift report that
 * `client/drift/` writes, and takes that report's types from there rather than declare them twice.
 * `server/proxy/` is the drift suite run on traffic it did not plan: it checks answers with the
 * suite's own checks and reads reports with the client's lenient readers, so it may import the
 * client too; only the command line loads it (server/README.md).
 */
const MAY_IMPORT: Record<string, readonly string[]> = {
  contracts: [],
  fixtures: ['contracts'],
  server: ['contracts', 'fixtures'],
  'server/cli': ['contracts', 'fixtures', 'client'],
  'server/console/web': ['contracts', 'fixtures', 'client'],
  'server/proxy': ['contracts', 'fixtures', 'client'],
  client: ['contracts'],
}

/** The rule of a file: the one of the deepest folder named in {@link MAY_IMPORT} that holds it. */
function ruleOf (file: string): readonly string[] {
  const folder = Object.keys(MAY_IMPORT)
    .filter((name) => file.startsWith(`${name}/`))
    .sort((a, b) => b.length - a.length)[0]
  return MAY_IMPORT[folder ?? ''] ?? []
}

function sourceFiles (folder: string): string[] {
  return readdirSync(join(ROOT, folder), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts') || file.endsWith('.tsx'))
    .map((file) => join(ROOT, folder, file))
}

function localImports (file: string): string[] {
  const importPattern = /(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g
  const specifiers = [...readFileSync(file, 'utf8').matchAll(importPattern)]
    .map((match) => match[1] ?? match[2] ?? '')
  return specifiers.filter((specifier) => specifier.startsWith('.'))
    .map((specifier) => relative(ROOT, resolve(dirname(file), specifier)).split('/')[0] ?? '')
}

for (const [folder, allowed] of Object.entries(MAY_IMPORT).filter(([name]) => !name.includes('/'))) {
  t.test(`${folder}/ imports only ${allowed.length === 0 ? 'itself' : allowed.join(' and ')}`, async (t) => {
    const files = sourceFiles(folder)
    t.ok(files.length > 0, `${folder}/ has source files`)
    for (const file of files) {
      const rule = ruleOf(relative(ROOT, file))
      const outside = localImports(file)
        .filter((target) => target !== folder && !rule.includes(target) && target !== 'package.json')
      t.same(outside, [], relative(ROOT, file))
    }
  })
}

t.test('the import reader sees an import across folders, and the deepest rule applies', async (t) => {
  t.ok(localImports(join(ROOT, 'server', 'cli', 'run-cli.ts')).includes('fixtures'))
  t.same(ruleOf('server/cli/run-cli.ts'), MAY_IMPORT['server/cli'])
  t.same(ruleOf('server/routes/login.ts'), MAY_IMPORT.server)
})

t.test('the console\'s browser code takes only types from client/ and the server: nothing of them runs there',
  async (t) => {
    const files = sourceFiles(join('server', 'console', 'web'))
    t.ok(files.some((file) => localImports(file).includes('client')), 'it reads the drift report\'s types')
    for (const file of files) {
      const valueImports = [...readFileSync(file, 'utf8').matchAll(/^import (?!type )[^'"]*from\s+['"](\.[^'"]+)['"]/gm)]
        .map((match) => relative(ROOT, resolve(dirname(file), match[1] ?? '')))
        .filter((target) => !target.startsWith(join('server', 'console', 'web')))
      t.same(valueImports, [], relative(ROOT, file))
    }
  })
