import { parseArgs } from 'node:util'
import type { Credentials } from '../fixtures/accounts.js'
import { DEMO_CREDENTIALS } from '../fixtures/accounts.js'

/** A configuration mistake, reported as one line and exit code 2. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError'
}

/** How `webcast-mock serve` runs. */
export interface ServeConfig {
  readonly port: number
  readonly host: string
  readonly seed: number
  readonly sessionTtlSeconds: number
  readonly logLevel: string
  readonly sessionSecret: string | undefined
  readonly demo: Credentials
}

/** What the command line asks for. */
export type Command =
  | { readonly name: 'serve', readonly config: ServeConfig }
  | { readonly name: 'help' }
  | { readonly name: 'version' }

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']

function integer (min: number, max: number): (text: string, flag: string) => number {
  return (text, flag) => {
    if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > max) {
      throw new ConfigError(`--${flag} must be a whole number from ${min} to ${max}, not "${text}"`)
    }
    return Number(text)
  }
}

function nonEmpty (text: string, flag: string): string {
  if (text.trim() === '') throw new ConfigError(`--${flag} must not be empty`)
  return text
}

function oneOf (choices: readonly string[]): (text: string, flag: string) => string {
  return (text, flag) => {
    if (!choices.includes(text)) throw new ConfigError(`--${flag} must be one of ${choices.join(', ')}, not "${text}"`)
    return text
  }
}

/** Every flag of `serve`: its environment twin, its default and how its text is read. */
const SERVE_FLAGS = {
  port: { env: 'WEBCAST_MOCK_PORT', default: '4010', read: integer(0, 65535), help: 'port to listen on; 0 picks a free one' },
  host: { env: 'WEBCAST_MOCK_HOST', default: '127.0.0.1', read: nonEmpty, help: 'address to listen on' },
  seed: { env: 'WEBCAST_MOCK_SEED', default: '1', read: integer(0, 2 ** 32 - 1), help: 'seed of the generated dataset' },
  'session-ttl': { env: 'WEBCAST_MOCK_SESSION_TTL', default: '3600', read: integer(1, 10 * 365 * 86400), help: 'session lifetime in seconds' },
  'log-level': { env: 'WEBCAST_MOCK_LOG_LEVEL', default: 'info', read: oneOf(LOG_LEVELS), help: LOG_LEVELS.join(' | ') },
  'session-secret': { env: 'WEBCAST_MOCK_SESSION_SECRET', default: '', read: (text: string) => text, help: 'signs sessions; random per process unless set' },
  username: { env: 'WEBCAST_MOCK_USERNAME', default: DEMO_CREDENTIALS.username, read: nonEmpty, help: 'demo admin username' },
  password: { env: 'WEBCAST_MOCK_PASSWORD', default: DEMO_CREDENTIALS.password, read: nonEmpty, help: 'demo admin password' },
} as const

type Flag = keyof typeof SERVE_FLAGS

/**
 * Reads the command line and the environment; a flag wins over its environment twin.
 *
 * @example
 * parseCommand(['serve', '--port', '0'], {}) // { name: 'serve', config: { port: 0, … } }
 */
export function parseCommand (argv: readonly string[], env: Readonly<Record<string, string | undefined>>): Command {
  let parsed
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        ...Object.fromEntries(Object.keys(SERVE_FLAGS).map((flag) => [flag, { type: 'string' as const }])),
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    })
  } catch (error) {
    throw new ConfigError((error as Error).message.split('\n', 1)[0])
  }
  if (parsed.values.help === true) return { name: 'help' }
  if (parsed.values.version === true) return { name: 'version' }
  const [subcommand = 'serve', ...extra] = parsed.positionals
  if (subcommand !== 'serve') throw new ConfigError(`unknown command "${subcommand}"; try --help`)
  if (extra.length > 0) throw new ConfigError(`unexpected argument "${extra[0]}"; try --help`)

  const value = <F extends Flag>(flag: F): ReturnType<(typeof SERVE_FLAGS)[F]['read']> => {
    const spec = SERVE_FLAGS[flag]
    const given = (parsed.values as Record<string, unknown>)[flag]
    const text = typeof given === 'string' ? given : env[spec.env] ?? spec.default
    return spec.read(text, flag) as ReturnType<(typeof SERVE_FLAGS)[F]['read']>
  }
  const secret = value('session-secret')
  return {
    name: 'serve',
    config: {
      port: value('port'),
      host: value('host'),
      seed: value('seed'),
      sessionTtlSeconds: value('session-ttl'),
      logLevel: value('log-level'),
      sessionSecret: secret === '' ? undefined : secret,
      demo: { username: value('username'), password: value('password') },
    },
  }
}

/** The text of `--help`. */
export function helpText (): string {
  const flags = Object.entries(SERVE_FLAGS).map(([flag, spec]) =>
    `  --${flag.padEnd(15)} ${spec.help} (default ${spec.default === '' ? 'none' : spec.default}; env ${spec.env})`)
  return [
    'Usage: webcast-mock [serve] [flags]',
    '',
    'Runs a mock of the Webcasts.com Reporting API with seeded data.',
    '',
    'Flags:',
    ...flags,
    '  --help, -h        show this text',
    '  --version, -v     show the version',
    '',
  ].join('\n')
}
