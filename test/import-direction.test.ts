import { readdirSync, readFileSync } from 'node:fs'
import { join, relative, resolve, dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import t from 'tap'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')

/** What each top-level folder may import from the others (`../shared/STYLE.md`, The shape of the project). */
const MAY_IMPORT: Record<string, readonly string[]> = {
  contracts: [],
  fixtures: ['contracts'],
  server: ['contracts', 'fixtures'],
  client: ['contracts'],
}

/**
 * The command line is the composition root, as Prism's cli sits on all its packages: it alone
 * may load the client's contract suite, for `webcast-mock drift`, and loads it only then.
 */
const ALSO_MAY_IMPORT: Record<string, readonly string[]> = {
  'server/run-cli.ts': ['client'],
}

function sourceFiles (folder: string): string[] {
  return readdirSync(join(ROOT, folder), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .map((file) => join(ROOT, folder, file))
}

function localImports (file: string): string[] {
  const specifiers = [...readFileSync(file, 'utf8').matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)]
    .map((match) => match[1] ?? match[2] ?? '')
  return specifiers.filter((specifier) => specifier.startsWith('.'))
    .map((specifier) => relative(ROOT, resolve(dirname(file), specifier)).split('/')[0] ?? '')
}

for (const [folder, allowed] of Object.entries(MAY_IMPORT)) {
  t.test(`${folder}/ imports only ${allowed.length === 0 ? 'itself' : allowed.join(' and ')}`, async (t) => {
    const files = sourceFiles(folder)
    t.ok(files.length > 0, `${folder}/ has source files`)
    for (const file of files) {
      const extra = ALSO_MAY_IMPORT[relative(ROOT, file)] ?? []
      const outside = localImports(file).filter((target) => target !== folder && !allowed.includes(target) && !extra.includes(target) && target !== 'package.json')
      t.same(outside, [], relative(ROOT, file))
    }
  })
}

t.test('the import reader sees a forbidden import when there is one', async (t) => {
  t.ok(localImports(join(ROOT, 'server', 'run-cli.ts')).includes('fixtures'))
})
