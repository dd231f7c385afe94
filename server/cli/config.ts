import { parseArgs } from 'node:util'
import { DEMO_CREDENTIALS, RESTRICTED_CREDENTIALS } from '../../fixtures/accounts.js'
import { parseEventSpec, type EventSpec } from '../../fixtures/event-specs.js'
import { DEFAULT_LIMITS, resolveLimits, type Limits } from '../http/limits.js'
import { closestName } from '../http/closest-name.js'
import type { MockOptions } from '../start-mock.js'

/** A configuration mistake, reported as one line and exit code 2. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError'
}

/**
 * How `webcast-mock serve` runs: the options of `startMock`, every one the flags set, and how
 * long in-flight responses may take on SIGINT/SIGTERM before their connections are cut.
 */
export interface ServeConfig {
  readonly options: MockOptions &
    Required<Pick<MockOptions, 'port' | 'host' | 'seed' | 'log' | 'limits' | 'selfCheck' | 'strictParams'>>
  readonly shutdownGraceSeconds: number
  /** Where to write the base URL once listening, for scripts that start the mock in the background. */
  readonly readyFile?: string
  /** Fixture files to load into the dataset, in order (`fixtures/load-fixtures.ts`). */
  readonly fixtures: readonly string[]
  /** A recording (`webcast-mock proxy --record`) to answer from instead of the dataset. */
  readonly replay?: string
}

/** What `webcast-mock dataset` prints. */
export interface DatasetConfig {
  readonly seed: number
  readonly eventId: string | undefined
  readonly extraEvents: readonly EventSpec[]
  readonly fixtures: readonly string[]
}

/** How `webcast-mock drift` runs, beyond the environment that names the service. */
export interface DriftConfig {
  /** An earlier `drift-report.json` to compare with. */
  readonly baseline?: string
}

/** How `webcast-mock proxy` runs: where it forwards to, where it listens, what it writes. */
export interface ProxyConfig {
  readonly target: string
  readonly port: number
  readonly host: string
  readonly reportFile?: string
  readonly maxCheckBytes: number
  /** Where to record exchanges, and how they are redacted. */
  readonly record?: {
    readonly folder: string
    readonly seed: number
    readonly domains: 'keep' | 'map'
    readonly keep: readonly string[]
    readonly drop: readonly string[]
  }
}

/** How `webcast-mock fixtures learn DIR` runs. */
export interface LearnConfig {
  readonly recording: string
  /** Where the fixture file goes; standard output when not given. */
  readonly out?: string
  readonly redactTitles: boolean
  readonly keepRegistrants: boolean
}

/** What the command line asks for. */
export type Command =
  | { readonly name: 'serve', readonly config: ServeConfig }
  | { readonly name: 'dataset', readonly config: DatasetConfig }
  | { readonly name: 'drift', readonly config: DriftConfig }
  | { readonly name: 'proxy', readonly config: ProxyConfig }
  | { readonly name: 'fixtures-learn', readonly config: LearnConfig }
  | { readonly name: 'openapi' }
  | { readonly name: 'help' }
  | { readonly name: 'version' }

type Subcommand = 'serve' | 'dataset' | 'drift' | 'openapi' | 'proxy' | 'fixtures'

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

function eventId (text: string, flag: string): string {
  if (text !== '' && !/^\d{7}$/.test(text)) throw new ConfigError(`--${flag} must be a 7-digit event id, not "${text}"`)
  return text
}

function eventSpecs (text: string, flag: string): EventSpec[] {
  if (text === '') return []
  return text.split(',').map((item, position) => {
    const spec = parseEventSpec(item, position)
    if (spec === undefined) {
      throw new ConfigError(`--${flag} takes REGISTRANTS[:live|live_simlive|on_demand], not "${item}"`)
    }
    return spec
  })
}

function targetUrl (text: string, flag: string): string {
  if (text === '') return text
  let url
  try {
    url = new URL(text)
  } catch {
    throw new ConfigError(`--${flag} must be the API's base URL, like https://api.webcasts.com/api, not "${text}"`)
  }
  if (!['http:', 'https:'].includes(url.protocol) || !/\/api\/?$/.test(url.pathname)) {
    throw new ConfigError(`--${flag} must be an http(s) URL ending in /api, like https://api.webcasts.com/api, ` +
      `not "${text}"`)
  }
  return text.replace(/\/+$/, '')
}

function files (text: string): string[] {
  return text.split(',').map((file) => file.trim()).filter((file) => file !== '')
}

/** The flags that may be given more than once: their values are read as one comma-separated list. */
const REPEATABLE: ReadonlySet<string> = new Set(['add-event', 'fixtures'])

/**
 * Every flag: the commands it applies to, its environment twin, its default and how its text is
 * read. A repeated `--add-event` or `--fixtures` is read as one comma-separated list.
 */
const FLAGS = {
  port: {
    for: ['serve', 'proxy'], env: 'WEBCAST_MOCK_PORT',
    default: '4010', read: integer(0, 65535),
    help: 'port to listen on; 0 picks a free one',
  },
  host: {
    for: ['serve', 'proxy'], env: 'WEBCAST_MOCK_HOST',
    default: '127.0.0.1', read: nonEmpty,
    help: 'address to listen on',
  },
  seed: {
    for: ['serve', 'dataset'], env: 'WEBCAST_MOCK_SEED',
    default: '1', read: integer(0, 2 ** 32 - 1),
    help: 'seed of the generated dataset',
  },
  'session-ttl': {
    for: ['serve'], env: 'WEBCAST_MOCK_SESSION_TTL',
    default: '3600', read: integer(1, 10 * 365 * 86400),
    help: 'session lifetime in seconds',
  },
  'log-level': {
    for: ['serve'], env: 'WEBCAST_MOCK_LOG_LEVEL',
    default: 'info', read: oneOf(LOG_LEVELS),
    help: LOG_LEVELS.join(' | '),
  },
  'session-secret': {
    for: ['serve'], env: 'WEBCAST_MOCK_SESSION_SECRET',
    default: '', read: (text: string) => text,
    help: 'signs sessions; random per process unless set',
  },
  username: {
    for: ['serve'], env: 'WEBCAST_MOCK_USERNAME',
    default: DEMO_CREDENTIALS.username, read: nonEmpty,
    help: 'demo admin username',
  },
  password: {
    for: ['serve'], env: 'WEBCAST_MOCK_PASSWORD',
    default: DEMO_CREDENTIALS.password, read: nonEmpty,
    help: 'demo admin password',
  },
  'shutdown-grace': {
    for: ['serve'], env: 'WEBCAST_MOCK_SHUTDOWN_GRACE',
    default: '30', read: integer(0, 3600),
    help: 'seconds in-flight responses may take on shutdown',
  },
  'restricted-username': {
    for: ['serve'], env: 'WEBCAST_MOCK_RESTRICTED_USERNAME',
    default: RESTRICTED_CREDENTIALS.username, read: nonEmpty,
    help: 'restricted admin username',
  },
  'restricted-password': {
    for: ['serve'], env: 'WEBCAST_MOCK_RESTRICTED_PASSWORD',
    default: RESTRICTED_CREDENTIALS.password, read: nonEmpty,
    help: 'restricted admin password',
  },
  'add-event': {
    for: ['serve', 'dataset'], env: 'WEBCAST_MOCK_ADD_EVENTS',
    default: '', read: eventSpecs,
    help: 'add an event: REGISTRANTS[:KIND], repeatable (e.g. 1000000)',
  },
  fixtures: {
    for: ['serve', 'dataset'], env: 'WEBCAST_MOCK_FIXTURES',
    default: '', read: files,
    help: 'load accounts, events and registrants from a YAML or JSON file, repeatable; a bad one: exit 2',
  },
  'max-url-bytes': {
    for: ['serve'], env: 'WEBCAST_MOCK_MAX_URL_BYTES',
    default: String(DEFAULT_LIMITS.maxUrlBytes), read: integer(64, 1024 * 1024),
    help: 'longest URL accepted (414 beyond)',
  },
  'max-body-bytes': {
    for: ['serve'], env: 'WEBCAST_MOCK_MAX_BODY_BYTES',
    default: String(DEFAULT_LIMITS.maxBodyBytes), read: integer(64, 1024 * 1024 * 1024),
    help: 'largest form body accepted (413 beyond)',
  },
  'max-header-bytes': {
    for: ['serve'], env: 'WEBCAST_MOCK_MAX_HEADER_BYTES',
    default: String(DEFAULT_LIMITS.maxHeaderBytes), read: integer(1024, 1024 * 1024),
    help: 'largest request line plus headers (431 beyond)',
  },
  'headers-timeout': {
    for: ['serve'], env: 'WEBCAST_MOCK_HEADERS_TIMEOUT',
    default: String(DEFAULT_LIMITS.headersTimeoutMs / 1000), read: integer(1, 3600),
    help: 'seconds for the headers to arrive (408 beyond)',
  },
  'request-timeout': {
    for: ['serve'], env: 'WEBCAST_MOCK_REQUEST_TIMEOUT',
    default: String(DEFAULT_LIMITS.requestTimeoutMs / 1000), read: integer(1, 3600),
    help: 'seconds for a whole request to arrive (408 beyond)',
  },
  'idle-timeout': {
    for: ['serve'], env: 'WEBCAST_MOCK_IDLE_TIMEOUT',
    default: String(DEFAULT_LIMITS.idleTimeoutMs / 1000), read: integer(1, 3600),
    help: 'seconds a connection may stay silent, a stalled reader included',
  },
  'max-streaming-reports': {
    for: ['serve'], env: 'WEBCAST_MOCK_MAX_STREAMING_REPORTS',
    default: String(DEFAULT_LIMITS.maxStreamingReports), read: integer(1, 10_000),
    help: 'large reports streamed at once (503 beyond)',
  },
  event: {
    for: ['dataset'], env: 'WEBCAST_MOCK_EVENT',
    default: '', read: eventId,
    help: 'only this 7-digit event',
  },
  'control-token': {
    for: ['serve'], env: 'WEBCAST_MOCK_CONTROL_TOKEN',
    default: '', read: (text: string) => text,
    help: 'opens the control API (/_mock/) to other machines that send Authorization: Bearer TOKEN',
  },
  'ready-file': {
    for: ['serve'], env: 'WEBCAST_MOCK_READY_FILE',
    default: '', read: (text: string) => text,
    help: 'once listening, write the base URL (with the port chosen) to this file; removed on stop',
  },
  baseline: {
    for: ['drift'], env: 'WEBCAST_DRIFT_BASELINE',
    default: '', read: (text: string) => text,
    help: 'an earlier drift-report.json: mark findings new, unchanged or gone, exit 1 on new breaking ones only',
  },
  target: {
    for: ['proxy'], env: 'WEBCAST_PROXY_TARGET',
    default: '', read: targetUrl,
    help: 'the API the proxy forwards to, e.g. https://api.webcasts.com/api (required)',
  },
  report: {
    for: ['proxy'], env: 'WEBCAST_PROXY_REPORT',
    default: '', read: (text: string) => text,
    help: 'write the grouped drift findings here as they come (JSON; markdown beside it)',
  },
  'max-check-bytes': {
    for: ['proxy'], env: 'WEBCAST_PROXY_MAX_CHECK_BYTES',
    default: String(16 * 1024 * 1024), read: integer(1024, 1024 * 1024 * 1024),
    help: 'larger answers pass unchecked and unrecorded (the report lists them)',
  },
  record: {
    for: ['proxy'], env: 'WEBCAST_PROXY_RECORD',
    default: '', read: (text: string) => text,
    help: 'store each exchange, redacted, as one JSON file in this folder',
  },
  'redact-seed': {
    for: ['proxy'], env: 'WEBCAST_PROXY_REDACT_SEED',
    default: '1', read: integer(0, 2 ** 32 - 1),
    help: 'seed of the fakes that replace personal data in a recording',
  },
  'keep-fields': {
    for: ['proxy'], env: 'WEBCAST_PROXY_KEEP_FIELDS',
    default: '', read: files,
    help: 'personal fields recorded as they are, comma-separated (e.g. company,city)',
  },
  'drop-fields': {
    for: ['proxy'], env: 'WEBCAST_PROXY_DROP_FIELDS',
    default: '', read: files,
    help: 'fields left out of recorded answers, comma-separated (e.g. phone,address2)',
  },
  replay: {
    for: ['serve'], env: 'WEBCAST_MOCK_REPLAY',
    default: '', read: (text: string) => text,
    help: 'answer with the answers recorded in this folder (webcast-mock proxy --record) instead of the dataset',
  },
  out: {
    for: ['fixtures'], env: 'WEBCAST_FIXTURES_OUT',
    default: '', read: (text: string) => text,
    help: 'where fixtures learn writes the fixture file (standard output unless given)',
  },
} as const satisfies Record<string, FlagSpec>

/** The flags that take no value: on when given, or when their environment twin is `1`. */
const SWITCHES = {
  'self-check': {
    for: ['serve'], env: 'WEBCAST_MOCK_SELF_CHECK',
    help: 'check every response against its contract before sending it; reports are not streamed',
  },
  'strict-params': {
    for: ['serve'], env: 'WEBCAST_MOCK_STRICT_PARAMS',
    help: 'a parameter an endpoint does not take is invalid_parameter, not ignored (for CI)',
  },
  'map-domains': {
    for: ['proxy'], env: 'WEBCAST_PROXY_MAP_DOMAINS',
    help: 'in a recording, map email domains to fakes (each label but the last, consistently) instead of keeping them',
  },
  'redact-titles': {
    for: ['fixtures'], env: 'WEBCAST_FIXTURES_REDACT_TITLES',
    help: 'fixtures learn: replace event titles by "Event ID"',
  },
  'keep-registrants': {
    for: ['fixtures'], env: 'WEBCAST_FIXTURES_KEEP_REGISTRANTS',
    help: 'fixtures learn: keep the recorded (redacted) registrants as explicit ones, besides the profile',
  },
} as const satisfies Record<string, Omit<FlagSpec, 'default' | 'read'>>

type Switch = keyof typeof SWITCHES

/** What {@link FLAGS} says of each flag. */
interface FlagSpec {
  readonly for: readonly Subcommand[]
  readonly env: string
  readonly default: string
  readonly read: (text: string, flag: string) => unknown
  readonly help: string
}

type Flag = keyof typeof FLAGS

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
        ...Object.fromEntries(Object.keys(FLAGS).map((flag) => [flag, { type: 'string' as const, multiple: true }])),
        ...Object.fromEntries(Object.keys(SWITCHES).map((name) => [name, { type: 'boolean' as const }])),
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    })
  } catch (error) {
    throw new ConfigError(unknownOptionMessage(error as Error))
  }
  if (parsed.values.help === true) return { name: 'help' }
  if (parsed.values.version === true) return { name: 'version' }
  const [subcommand = 'serve', ...extra] = parsed.positionals
  if (!['serve', 'dataset', 'drift', 'openapi', 'proxy', 'fixtures'].includes(subcommand)) {
    throw new ConfigError(`unknown command "${subcommand}"; try --help`)
  }
  const [action, recording, ...more] = extra
  if (subcommand === 'fixtures' && (action !== 'learn' || recording === undefined)) {
    throw new ConfigError('fixtures takes learn and a recording folder: webcast-mock fixtures learn DIR; try --help')
  }
  const unexpected = subcommand === 'fixtures' ? more : extra
  if (unexpected.length > 0) throw new ConfigError(`unexpected argument "${unexpected[0]}"; try --help`)

  const given = parsed.values as Record<string, string[] | boolean | undefined>
  const value = <F extends Flag>(flag: F): ReturnType<(typeof FLAGS)[F]['read']> => {
    const spec = FLAGS[flag]
    const texts = given[flag]
    if (Array.isArray(texts) && texts.length > 1 && !REPEATABLE.has(flag)) {
      throw new ConfigError(`--${flag} is given more than once`)
    }
    const text = Array.isArray(texts) ? texts.join(',') : env[spec.env] ?? spec.default
    return spec.read(text, flag) as ReturnType<(typeof FLAGS)[F]['read']>
  }
  const switched = (name: Switch): boolean => (parsed.values as Record<string, unknown>)[name] === true
  for (const name of Object.keys(SWITCHES) as Switch[]) {
    if (switched(name) && !(SWITCHES[name].for as readonly string[]).includes(subcommand)) {
      throw new ConfigError(`--${name} does not apply to ${subcommand}; try --help`)
    }
  }
  const isOn = (name: Switch): boolean => switched(name) || env[SWITCHES[name].env] === '1'
  for (const flag of Object.keys(FLAGS) as Flag[]) {
    if (given[flag] !== undefined && !(FLAGS[flag].for as readonly string[]).includes(subcommand)) {
      throw new ConfigError(`--${flag} does not apply to ${subcommand}; try --help`)
    }
  }
  if (subcommand === 'openapi') return { name: 'openapi' }
  if (subcommand === 'fixtures') {
    const out = value('out')
    return {
      name: 'fixtures-learn',
      config: {
        recording: recording ?? '',
        ...(out === '' ? {} : { out }),
        redactTitles: isOn('redact-titles'),
        keepRegistrants: isOn('keep-registrants'),
      },
    }
  }
  if (subcommand === 'proxy') return { name: 'proxy', config: proxyConfig(value, isOn('map-domains')) }
  if (subcommand === 'drift') {
    const baseline = value('baseline')
    return { name: 'drift', config: baseline === '' ? {} : { baseline } }
  }
  if (subcommand === 'dataset') {
    const event = value('event')
    return {
      name: 'dataset',
      config: {
        seed: value('seed'),
        eventId: event === '' ? undefined : event,
        extraEvents: value('add-event'),
        fixtures: value('fixtures'),
      },
    }
  }
  const secret = value('session-secret')
  return {
    name: 'serve',
    config: {
      options: {
        port: value('port'),
        host: value('host'),
        seed: value('seed'),
        sessionTtlSeconds: value('session-ttl'),
        log: { level: value('log-level') },
        ...(secret === '' ? {} : { sessionSecret: secret }),
        demo: { username: value('username'), password: value('password') },
        restricted: { username: value('restricted-username'), password: value('restricted-password') },
        extraEvents: value('add-event'),
        limits: readLimits(value),
        selfCheck: isOn('self-check'),
        strictParams: isOn('strict-params'),
        ...(value('control-token') === '' ? {} : { controlToken: value('control-token') }),
      },
      shutdownGraceSeconds: value('shutdown-grace'),
      fixtures: value('fixtures'),
      ...(value('ready-file') === '' ? {} : { readyFile: value('ready-file') }),
      ...(value('replay') === '' ? {} : { replay: value('replay') }),
    },
  }
}

function proxyConfig (
  value: <F extends Flag>(flag: F) => ReturnType<(typeof FLAGS)[F]['read']>,
  mapDomains: boolean,
): ProxyConfig {
  const target = value('target')
  if (target === '') throw new ConfigError('proxy needs --target, the API\'s base URL, like https://api.webcasts.com/api')
  const report = value('report')
  const record = value('record')
  return {
    target,
    port: value('port'),
    host: value('host'),
    maxCheckBytes: value('max-check-bytes'),
    ...(report === '' ? {} : { reportFile: report }),
    ...(record === ''
      ? {}
      : {
          record: {
            folder: record,
            seed: value('redact-seed'),
            domains: mapDomains ? 'map' : 'keep',
            keep: value('keep-fields'),
            drop: value('drop-fields'),
          },
        }),
  }
}

function readLimits (value: <F extends Flag>(flag: F) => ReturnType<(typeof FLAGS)[F]['read']>): Limits {
  type LimitFlag = Flag & `${string}-${'bytes' | 'timeout'}`
  const notAbove = (smaller: LimitFlag, larger: LimitFlag): void => {
    if (value(smaller) > value(larger)) {
      throw new ConfigError(`--${smaller} (${value(smaller)}) must not exceed --${larger} (${value(larger)})`)
    }
  }
  notAbove('headers-timeout', 'request-timeout')
  notAbove('max-url-bytes', 'max-header-bytes')
  return resolveLimits({
    maxUrlBytes: value('max-url-bytes'),
    maxBodyBytes: value('max-body-bytes'),
    maxHeaderBytes: value('max-header-bytes'),
    headersTimeoutMs: value('headers-timeout') * 1000,
    requestTimeoutMs: value('request-timeout') * 1000,
    idleTimeoutMs: value('idle-timeout') * 1000,
    maxStreamingReports: value('max-streaming-reports'),
  })
}

/** The text of `--help`. */
export function helpText (): string {
  const flags = Object.entries(FLAGS).map(([flag, spec]) => {
    const fallback = spec.default === '' ? 'none' : spec.default
    return `  --${flag.padEnd(21)} ${spec.help} (${spec.for.join(', ')}; default ${fallback}; env ${spec.env})`
  })
  return [
    'Usage: webcast-mock [serve] [flags]      run the mock API',
    '       webcast-mock dataset [flags]      print what the seeded dataset holds',
    '       webcast-mock drift [--baseline F] run the drift suite against WEBCAST_API_BASE_URL (or a mock it',
    '                                         starts) and write drift-report.{json,md,junit.xml} here; exit 1 on',
    '                                         breaking drift, 2 when it cannot run (no credentials, nothing',
    '                                         listening, DNS, TLS, a refused login, a base URL without /api)',
    '       webcast-mock openapi              print the OpenAPI 3.1 document of the API (also served at',
    '                                         /_mock/openapi.json)',
    '       webcast-mock proxy --target URL   forward to the API, check every answer against the contracts,',
    '                                         optionally record exchanges redacted (--record DIR)',
    '       webcast-mock fixtures learn DIR   write a fixture file with the shape of a recording\'s data',
    '',
    'A mock of the Webcasts.com Reporting API with seeded data.',
    '',
    'Flags:',
    ...flags,
    ...Object.entries(SWITCHES).map(([name, spec]) =>
      `  --${name.padEnd(21)} ${spec.help} (${spec.for.join(', ')}; env ${spec.env}=1)`),
    '  --help, -h              show this text',
    '  --version, -v           show the version',
    '',
  ].join('\n')
}

/**
 * The one line for a command line that `parseArgs` refuses: an unknown option gets the closest
 * known one, when there is one close enough to be a typo.
 */
function unknownOptionMessage (error: Error): string {
  const [line = ''] = error.message.split('\n', 1)
  const unknown = /Unknown option '(-{1,2})([^'=]+)/.exec(line)
  if (unknown === null) return `${line}; try --help`
  const known = [...Object.keys(FLAGS), ...Object.keys(SWITCHES), 'help', 'version']
  const closest = closestName(unknown[2] ?? '', known)
  const suggestion = closest === undefined ? '' : ` (did you mean --${closest}?)`
  return `unknown option ${unknown[1] ?? ''}${unknown[2] ?? ''}${suggestion}; try --help`
}
