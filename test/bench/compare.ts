import { execFile } from 'node:child_process'
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'

const run = promisify(execFile)
const BENCH_SOURCE = fileURLToPath(new URL('../../../test/bench/', import.meta.url))
const ROOT = fileURLToPath(new URL('../../../', import.meta.url))

/** Another build of the project, in a temporary worktree: what the A/B mode measures the current code against. */
export interface OtherBuild {
  readonly ref: string
  readonly mockServer: string
  readonly cli: string
  readonly cpuParts: string
  remove: () => Promise<void>
}

/**
 * Checks `ref` out into a temporary worktree and builds it with this benchmark's own entry
 * scripts, so that both builds are driven alike. Its dependencies are this checkout's when the
 * two lock files agree, else installed from its own lock file.
 */
export async function buildRef (ref: string): Promise<OtherBuild> {
  const dir = mkdtempSync(join(tmpdir(), 'webcast-bench-ref-'))
  await run('git', ['worktree', 'add', '--detach', '--force', dir, ref], { cwd: ROOT })
  const remove = async (): Promise<void> => { await run('git', ['worktree', 'remove', '--force', dir], { cwd: ROOT }) }
  try {
    for (const file of readdirSync(BENCH_SOURCE).filter((name) => name.endsWith('.ts') || name.endsWith('.json'))) {
      copyFileSync(join(BENCH_SOURCE, file), join(dir, 'test/bench', file))
    }
    const lock = (root: string): string => readFileSync(join(root, 'package-lock.json'), 'utf8')
    if (lock(dir) === lock(ROOT) && existsSync(join(ROOT, 'node_modules'))) {
      symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'))
    } else {
      await run('npm', ['ci', '--no-audit', '--no-fund', '--silent'], { cwd: dir })
    }
    await run('npm', ['run', 'build', '--silent'], { cwd: dir })
    await run(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'test/bench/tsconfig.json'],
      { cwd: dir })
  } catch (error) {
    await remove()
    const output = error as { stdout?: string, message: string }
    throw new Error(`${ref} does not build with this benchmark: ${output.stdout?.split('\n')[0] ?? output.message}`,
      { cause: error })
  }
  const bench = join(dir, 'dist/test/bench')
  return {
    ref,
    mockServer: join(bench, 'mock-server.js'),
    cli: join(dir, 'dist/bin/cli.js'),
    cpuParts: join(bench, 'cpu-parts.js'),
    remove,
  }
}
