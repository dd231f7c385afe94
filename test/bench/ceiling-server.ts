import { readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import Fastify from 'fastify'

/**
 * A baseline server for the benchmark: answers every request with the very same bytes and
 * headers the mock sent for a scenario, either from bare `node:http` (the ceiling) or from a bare
 * Fastify route. Run as a child: `node ceiling-server.js http|fastify BODY_FILE CONTENT_TYPE`.
 */
const [kind, bodyFile = '', contentType = 'text/plain'] = process.argv.slice(2)
const body = readFileSync(bodyFile)

if (kind === 'http') {
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': contentType, 'content-length': body.length })
    response.end(body)
  })
  server.listen(0, '127.0.0.1', () => {
    const address = server.address()
    const port = typeof address === 'object' && address !== null ? address.port : 0
    process.stdout.write(`listening on http://127.0.0.1:${port}\n`)
  })
} else {
  const app = Fastify()
  app.all('/*', async (_request, reply) => reply.type(contentType).send(body))
  const url = await app.listen({ port: 0, host: '127.0.0.1' })
  process.stdout.write(`listening on ${url}\n`)
}
