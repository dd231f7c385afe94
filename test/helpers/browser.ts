import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Test } from 'tap'
import { chromium, type BrowserContext } from 'playwright-core'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')

/** Debian's Chromium, which `.ci/run` installs when it is missing. */
const CHROMIUM = '/usr/bin/chromium'

/** Where the browser tests leave a screenshot of each page they saw (ignored by git, with the rest of `.tap/`). */
export const SCREENSHOTS = join(ROOT, '.tap', 'screenshots')

/**
 * Builds the console as `npm run build` does (`build:console`), into `dist/console/` or into `outdir`.
 *
 * @example
 * buildConsole()
 */
export function buildConsole (outdir?: string): void {
  const elsewhere = outdir === undefined ? [] : ['--', `--outdir=${outdir}`]
  execFileSync('npm', ['run', 'build:console', '--silent', ...elsewhere],
    { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] })
}

/**
 * Launches headless Chromium with a fresh profile and nothing that calls out: the machine's
 * closed network refuses Chromium's own background connections, which would otherwise hang or
 * litter the log. Closed, and its profile removed, when the test ends.
 *
 * @example
 * const page = await (await launchBrowser(t)).newPage()
 */
export async function launchBrowser (t: Test): Promise<BrowserContext> {
  const profile = mkdtempSync(join(tmpdir(), 'webcast-mock-chromium-'))
  mkdirSync(SCREENSHOTS, { recursive: true })
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
    viewport: { width: 1366, height: 900 },
  })
  t.teardown(async () => {
    await context.close()
    rmSync(profile, { recursive: true, force: true })
  })
  return context
}
