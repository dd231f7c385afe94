import { existsSync, readFileSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The built console, as `npm run build` writes it (`build:console`): one script and one style sheet. */
export interface ConsoleBundle {
  readonly script: string
  readonly style: string
}

/**
 * The package's own folder: the nearest one up from this file with webcast-mock's package.json,
 * passing over `dist/`, which holds a copy of it (the code imports it for the version).
 */
function packageRoot (): string {
  let folder = dirname(fileURLToPath(import.meta.url))
  for (;;) {
    const manifest = join(folder, 'package.json')
    const name = existsSync(manifest) ? (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name : ''
    if (name === 'webcast-mock' && basename(folder) !== 'dist') return folder
    const parent = dirname(folder)
    if (parent === folder) return dirname(fileURLToPath(import.meta.url))
    folder = parent
  }
}

/** Where `npm run build` writes the console: `dist/console/` of the package, from source or built. */
const CONSOLE_FOLDER = join(packageRoot(), 'dist', 'console')

/**
 * Reads the built console, or `undefined` when it is not built (a clone before `npm run build`).
 *
 * @example
 * const bundle = readConsoleBundle()
 */
export function readConsoleBundle (folder = CONSOLE_FOLDER): ConsoleBundle | undefined {
  try {
    return {
      script: readFileSync(join(folder, 'console.js'), 'utf8'),
      style: readFileSync(join(folder, 'console.css'), 'utf8'),
    }
  } catch {
    return undefined
  }
}

const HEAD = '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n' +
  '<meta name="viewport" content="width=device-width, initial-scale=1">\n' +
  // No icon to fetch: a browser's own request for /favicon.ico would land in the journal.
  '<link rel="icon" href="data:,">\n'

/** Text safe inside a `<script>` element: nothing in it can close the element. */
const scriptText = (text: string): string => text.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--')

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c)

/**
 * The console's page, which loads the bundle from `base` (the folder its routes serve).
 *
 * @example
 * consolePage('/_mock/console/')
 */
export function consolePage (base: string): string {
  return `${HEAD}<title>webcast-mock console</title>\n<link rel="stylesheet" href="${base}console.css">\n` +
    `</head>\n<body>\n<div id="app"></div>\n<script type="module" src="${base}console.js"></script>\n</body>\n</html>\n`
}

/**
 * The page shown instead of the console while it is not built: what to do about it.
 *
 * @example
 * reply.code(503).type('text/html').send(consoleMissingPage())
 */
export function consoleMissingPage (): string {
  return `${HEAD}<title>webcast-mock console: not built</title>\n</head>\n<body>\n<h1>The console is not built</h1>\n` +
    `<p>Run <code>npm run build</code> in webcast-mock's folder, then reload this page. ` +
    `The API and the control API under <code>/_mock/</code> work without it.</p>\n</body>\n</html>\n`
}

/**
 * `drift-report.html`: one static page with the console's drift view and the report inlined,
 * readable offline from the file itself. Without a built console, the report as text.
 *
 * @example
 * writeFileSync('drift-report.html', driftReportPage(readFileSync('drift-report.json', 'utf8'), readConsoleBundle()))
 */
export function driftReportPage (reportJson: string, bundle: ConsoleBundle | undefined): string {
  const title = '<title>webcast-mock drift report</title>\n'
  if (bundle === undefined) {
    return `${HEAD}${title}</head>\n<body>\n<h1>Drift report</h1>\n<p>The console is not built ` +
      `(<code>npm run build</code>), so this page shows the report as it is.</p>\n` +
      `<pre>${escapeHtml(reportJson)}</pre>\n</body>\n</html>\n`
  }
  return `${HEAD}${title}<style>\n${bundle.style}</style>\n</head>\n<body>\n<div id="app"></div>\n` +
    `<script type="application/json" id="drift-report">${scriptText(reportJson)}</script>\n` +
    `<script type="module">\n${scriptText(bundle.script)}</script>\n</body>\n</html>\n`
}
