import t from 'tap'
import { ConfigError, helpText, parseCommand } from '../../../server/cli/config.js'

t.test('serve with no flags uses the documented defaults', async (t) => {
  t.same(parseCommand([], {}), {
    name: 'serve',
    config: {
      options: {
        port: 4010,
        host: '127.0.0.1',
        seed: 1,
        sessionTtlSeconds: 3600,
        log: { level: 'info' },
        demo: { username: 'demo@example.com', password: 'demo' },
        restricted: { username: 'restricted@example.com', password: 'restricted' },
        extraEvents: [],
        limits: {
          maxUrlBytes: 8192,
          maxBodyBytes: 1048576,
          maxHeaderBytes: 16384,
          headersTimeoutMs: 10_000,
          requestTimeoutMs: 30_000,
          idleTimeoutMs: 60_000,
          maxStreamingReports: 8,
        },
        selfCheck: false,
        strictParams: false,
      },
      shutdownGraceSeconds: 30,
      fixtures: [],
    },
  })
})

t.test('--strict-params, or WEBCAST_MOCK_STRICT_PARAMS=1, and --ready-file are read for serve', async (t) => {
  t.match(parseCommand(['--strict-params', '--ready-file', '/tmp/url'], {}), {
    config: { options: { strictParams: true }, readyFile: '/tmp/url' },
  })
  t.match(parseCommand([], { WEBCAST_MOCK_STRICT_PARAMS: '1', WEBCAST_MOCK_READY_FILE: '/tmp/u' }), {
    config: { options: { strictParams: true }, readyFile: '/tmp/u' },
  })
  t.match(parseCommand(['--control-token', 'tok'], {}), { config: { options: { controlToken: 'tok' } } })
  t.match(parseCommand([], { WEBCAST_MOCK_CONTROL_TOKEN: 'tok2' }), { config: { options: { controlToken: 'tok2' } } })
})

t.test('--self-check, or WEBCAST_MOCK_SELF_CHECK=1, turns the response self-check on for serve only', async (t) => {
  t.match(parseCommand(['--self-check'], {}), { config: { options: { selfCheck: true } } })
  t.match(parseCommand([], { WEBCAST_MOCK_SELF_CHECK: '1' }), { config: { options: { selfCheck: true } } })
  t.throws(() => parseCommand(['dataset', '--self-check'], {}), /--self-check does not apply to dataset/)
})

t.test('every limit has a flag and an environment twin; timeouts are given in seconds', async (t) => {
  t.match(parseCommand([
    '--max-url-bytes', '2048', '--max-body-bytes', '4096', '--max-header-bytes', '8192', '--headers-timeout', '5',
    '--request-timeout', '20', '--idle-timeout', '90', '--max-streaming-reports', '2',
  ], {}), {
    config: {
      options: {
        limits: {
          maxUrlBytes: 2048, maxBodyBytes: 4096, maxHeaderBytes: 8192,
          headersTimeoutMs: 5000, requestTimeoutMs: 20_000, idleTimeoutMs: 90_000, maxStreamingReports: 2,
        },
      },
    },
  })
  t.match(parseCommand([], { WEBCAST_MOCK_MAX_STREAMING_REPORTS: '3', WEBCAST_MOCK_IDLE_TIMEOUT: '5' }),
    { config: { options: { limits: { maxStreamingReports: 3, idleTimeoutMs: 5000 } } } })
})

t.test('dataset takes a seed, an event and added events', async (t) => {
  const argv = ['dataset', '--seed', '3', '--event', '1087592', '--add-event', '10', '--add-event', '20:on_demand']
  t.match(parseCommand(argv, {}), {
    name: 'dataset',
    config: {
      seed: 3,
      eventId: '1087592',
      extraEvents: [{ registrants: 10, kind: 'live' }, { registrants: 20, kind: 'on_demand' }],
    },
  })
  t.match(parseCommand(['dataset'], { WEBCAST_MOCK_ADD_EVENTS: '1000000' }),
    { config: { eventId: undefined, extraEvents: [{ registrants: 1_000_000 }] } })
})

t.test('each flag has an environment twin, and the flag wins', async (t) => {
  const env = {
    WEBCAST_MOCK_PORT: '5000',
    WEBCAST_MOCK_SEED: '7',
    WEBCAST_MOCK_LOG_LEVEL: 'warn',
    WEBCAST_MOCK_SESSION_SECRET: 'shh',
    WEBCAST_MOCK_USERNAME: 'me@x.io',
  }
  t.match(parseCommand([], env), {
    config: {
      options: { port: 5000, seed: 7, log: { level: 'warn' }, sessionSecret: 'shh', demo: { username: 'me@x.io' } },
    },
  })
  t.match(parseCommand(['serve', '--port', '0', '--seed=9'], env), { config: { options: { port: 0, seed: 9 } } })
  t.match(parseCommand(['--restricted-password', 'pw'], { WEBCAST_MOCK_RESTRICTED_USERNAME: 'r@x.io' }),
    { config: { options: { restricted: { username: 'r@x.io', password: 'pw' } } } })
})

t.test('help and version are commands of their own', async (t) => {
  t.same(parseCommand(['--help'], {}), { name: 'help' })
  t.same(parseCommand(['-v'], {}), { name: 'version' })
  t.match(helpText(), /--session-ttl .*WEBCAST_MOCK_SESSION_TTL/)
})

t.test('a bad value is a one-line ConfigError', async (t) => {
  const bad: Array<[string[], Record<string, string>, RegExp]> = [
    [['--port', 'eighty'], {}, /--port must be a whole number from 0 to 65535, not "eighty"/],
    [['--port', '70000'], {}, /--port must be/],
    [[], { WEBCAST_MOCK_SESSION_TTL: '0' }, /--session-ttl must be a whole number from 1/],
    [['--log-level', 'loud'], {}, /--log-level must be one of fatal, error/],
    [['--host', ' '], {}, /--host must not be empty/],
    [['--colour'], {}, /^unknown option --colour; try --help$/],
    [['--prot', '1'], {}, /^unknown option --prot \(did you mean --port\?\); try --help$/],
    [['--strict-param'], {}, /did you mean --strict-params\?/],
    [['dataset', '--strict-params'], {}, /--strict-params does not apply to dataset/],
    [['launch'], {}, /unknown command "launch"/],
    [['serve', 'now'], {}, /unexpected argument "now"/],
    [['dataset', '--port', '1'], {}, /--port does not apply to dataset/],
    [['serve', '--event', '1087592'], {}, /--event does not apply to serve/],
    [['dataset', '--event', '12'], {}, /--event must be a 7-digit event id/],
    [['--add-event', 'lots'], {}, /--add-event takes REGISTRANTS/],
    [['--seed', '1', '--seed', '2'], {}, /--seed is given more than once/],
    [['--max-streaming-reports', '0'], {}, /--max-streaming-reports must be a whole number from 1/],
    [['--headers-timeout', '60', '--request-timeout', '30'], {},
      /--headers-timeout \(60\) must not exceed --request-timeout \(30\)/],
    [['--max-url-bytes', '20000'], {}, /--max-url-bytes \(20000\) must not exceed --max-header-bytes \(16384\)/],
  ]
  for (const [argv, env, message] of bad) {
    const error = catchError(() => parseCommand(argv, env))
    t.type(error, ConfigError, `${argv.join(' ')} is refused`)
    t.match(error?.message, message)
    t.notMatch(error?.message, /\n/, 'in one line')
  }
})

function catchError (fn: () => unknown): Error | undefined {
  try {
    fn()
  } catch (error) {
    return error as Error
  }
  return undefined
}
