import type { FastifyInstance } from 'fastify'
import { consoleMissingPage, consolePage, readConsoleBundle, type ConsoleBundle } from './console-bundle.js'

/** Where the console lives: on the control plane, so that loading it is neither journaled nor faulted. */
const BASE = '/_mock/console/'

/** Read once by the mock; a browser asks again after a rebuild. */
const CACHE = 'no-cache'

/**
 * The web console: its page and bundle under `/_mock/console/`, and `/` sending a browser there;
 * the bundle is read from `folder` (`dist/console/` of the package unless given) once it is there.
 * Its own plugin, with no hook: the API's routes are untouched. The page reads the mock through
 * the control API and the data routes (`server/control/data-api.ts`), which keep their own rule
 * on who may use them.
 *
 * @example
 * app.register(consoleRoutes)
 */
export async function consoleRoutes (app: FastifyInstance, options: { folder?: string } = {}): Promise<void> {
  let bundle: ConsoleBundle | undefined
  const built = (): ConsoleBundle | undefined => (bundle ??= readConsoleBundle(options.folder))

  app.get('/', async (_request, reply) => reply.redirect(BASE))
  app.get(BASE, async (_request, reply) => {
    const page = built() === undefined ? consoleMissingPage() : consolePage(BASE)
    return await reply.code(built() === undefined ? 503 : 200).type('text/html; charset=utf-8')
      .header('cache-control', CACHE).send(page)
  })
  app.get(`${BASE}console.js`, async (_request, reply) => {
    const script = built()?.script
    if (script === undefined) return await reply.code(404).type('text/plain').send('the console is not built')
    return await reply.type('text/javascript; charset=utf-8').header('cache-control', CACHE).send(script)
  })
  app.get(`${BASE}console.css`, async (_request, reply) => {
    const style = built()?.style
    if (style === undefined) return await reply.code(404).type('text/plain').send('the console is not built')
    return await reply.type('text/css; charset=utf-8').header('cache-control', CACHE).send(style)
  })
}
