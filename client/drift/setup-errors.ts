import { WebcastClientError } from '../client-error.js'

/**
 * Why the suite could not run against a service: nothing to do with drift, one line saying what
 * to fix (`webcast-mock drift` prints it and exits 2). `answer` is the service's own answer,
 * when there was one (a refused login's error envelope), for the report.
 *
 * @example
 * try {
 *   await runContractSuite(target)
 * } catch (error) {
 *   if (error instanceof DriftSetupError) console.error(error.message)
 * }
 */
export class DriftSetupError extends Error {
  override readonly name = 'DriftSetupError'

  constructor (message: string, readonly answer?: string) {
    super(message)
  }
}

/** The first `code` along an error's chain of causes (undici puts the socket's error under `cause`). */
function codeOf (error: unknown): string | undefined {
  for (let current = error, depth = 0; current !== undefined && current !== null && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code
    if (typeof code === 'string' && code !== 'NETWORK_ERROR') return code
    current = (current as { cause?: unknown }).cause
  }
  return undefined
}

const TLS = /^(ERR_TLS_|ERR_SSL_|CERT_|UNABLE_TO_|DEPTH_ZERO_SELF_SIGNED_CERT$|SELF_SIGNED_CERT_IN_CHAIN$|EPROTO$|HOSTNAME_MISMATCH$)/

/**
 * The setup error a failure to reach the service is, or undefined when it is something else.
 *
 * @example
 * setupErrorOf(error, 'http://127.0.0.1:1/api')?.message // 'nothing answers at http://127.0.0.1:1 …'
 */
export function setupErrorOf (error: unknown, baseUrl: string): DriftSetupError | undefined {
  if (!(error instanceof WebcastClientError) || error.code !== 'NETWORK_ERROR') return undefined
  const { origin, hostname } = new URL(baseUrl)
  const code = codeOf(error.cause) ?? 'no code'
  if (code === 'ECONNREFUSED') {
    return new DriftSetupError(`nothing answers at ${origin} (connection refused): ` +
      `start the service, or check the port of ${baseUrl}`)
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NONAME') {
    return new DriftSetupError(`cannot find the host ${hostname} (DNS: ${code}): check the host of ${baseUrl}`)
  }
  if (TLS.test(code)) {
    return new DriftSetupError(`TLS with ${hostname} failed (${code}): ` +
      `check that ${origin} serves HTTPS with a certificate this machine trusts`)
  }
  return new DriftSetupError(`no answer from ${origin} (${code}): check that the service runs and ${baseUrl} is right`)
}

/**
 * The setup error a refused login is: a base URL that is not the API's, or credentials the
 * service does not take.
 *
 * @example
 * refusedLogin(error, baseUrl, answerText).message // 'the service refused the login: invalid_credentials …'
 */
export function refusedLogin (error: WebcastClientError, baseUrl: string, answer: string): DriftSetupError {
  if (error.apiCode === 'unknown_path' || error.status === 404) {
    return new DriftSetupError(`${baseUrl}/login is not a path of the API ` +
      `(${error.apiCode ?? `HTTP ${error.status ?? '?'}`}): does the base URL end with /api?`, answer)
  }
  if (error.code === 'API_ERROR') {
    return new DriftSetupError('the service refused the login: ' +
      `${error.apiCode ?? `returnCode ${error.returnCode ?? '?'}`} ` +
      `(${error.message}): check WEBCAST_API_USERNAME and WEBCAST_API_PASSWORD`, answer)
  }
  return new DriftSetupError(`the login could not be read (${error.message}): is ${baseUrl} the Reporting API?`, answer)
}
