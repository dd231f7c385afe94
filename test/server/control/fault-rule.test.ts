import t from 'tap'
import { checkFaultRule, FaultRuleError } from '../../../server/control/fault-rule.js'

t.test('a rule is kept with the fields given, in a fixed order, its params sorted', async (t) => {
  t.strictSame(
    checkFaultRule({ times: 'once', error: 'session_expired', path: '/api/reporting/audience_reports' }),
    { path: '/api/reporting/audience_reports', error: 'session_expired', times: 'once' },
  )
  const rule = checkFaultRule({
    probability: 0.5,
    params: { tz: 'UTC', no_shows: 'on' },
    latencyMs: { max: 20, min: 10 },
    account: 'Demo@Example.com',
  })
  t.strictSame(rule, {
    account: 'Demo@Example.com',
    params: { no_shows: 'on', tz: 'UTC' },
    latencyMs: { min: 10, max: 20 },
    probability: 0.5,
  })
  t.same(Object.keys(rule.params ?? {}), ['no_shows', 'tz'])
  t.strictSame(checkFaultRule({ pathPrefix: '/api/', format: 'csv', ei: '1087592', cutAfterBytes: 0, times: 3 }),
    { pathPrefix: '/api/', format: 'csv', ei: '1087592', cutAfterBytes: 0, times: 3 })
  t.strictSame(checkFaultRule({ path: '/api/login/json', format: 'json', status: 502, latencyMs: 0 }),
    { path: '/api/login/json', format: 'json', latencyMs: 0, status: 502 })
  t.strictSame(checkFaultRule({ reset: true, latencyMs: 5 }), { latencyMs: 5, reset: true })
  t.strictSame(checkFaultRule({ bytesPerSecond: 1024, cutAfterBytes: 10 }), { bytesPerSecond: 1024, cutAfterBytes: 10 })
})

/** A rule that cannot be used, the field its error names, and a piece of its message. */
const BAD_RULES: ReadonlyArray<readonly [unknown, string, string | RegExp]> = [
  [null, 'rule', 'must be an object'],
  [[{ reset: true }], 'rule', 'must be an object'],
  [{ reset: true, time: 'once' }, 'time', 'did you mean times?'],
  [{ reset: true, path: 'api/login' }, 'path', 'is no endpoint\'s path'],
  [{ reset: true, path: '/api/logn' }, 'path', 'did you mean /api/login?'],
  [{ reset: true, path: '/_mock/health' }, 'path', 'control plane'],
  [{ reset: true, path: '' }, 'path', '1 to 256 characters'],
  [{ reset: true, pathPrefix: '/_mock/' }, 'pathPrefix', 'control plane'],
  [{ reset: true, pathPrefix: '/api/reportng' }, 'pathPrefix', 'starts no endpoint\'s path'],
  [{ reset: true, format: 'html' }, 'format', 'xml, json, csv'],
  [{ reset: true, account: 42 }, 'account', 'not 42'],
  [{ reset: true, ei: '123' }, 'ei', 'a 7-digit event id'],
  [{ reset: true, params: 'no_shows=on' }, 'params', 'must be an object'],
  [{ reset: true, params: { no_show: 'on' } }, 'params.no_show', 'did you mean no_shows?'],
  [{ reset: true, params: { no_shows: '' } }, 'params.no_shows', '1 to 256 characters'],
  [{ latencyMs: -1 }, 'latencyMs', 'from 0 to 300000'],
  [{ latencyMs: 1.5 }, 'latencyMs', 'whole number'],
  [{ latencyMs: 300_001 }, 'latencyMs', 'from 0 to 300000'],
  [{ latencyMs: '100' }, 'latencyMs', 'milliseconds or { min, max }'],
  [{ latencyMs: { min: 5 } }, 'latencyMs.max', 'not undefined'],
  [{ latencyMs: { min: 5, max: 4 } }, 'latencyMs.max', 'from 5 to 300000'],
  [{ latencyMs: { min: 1, max: 2, mean: 1 } }, 'latencyMs.mean', 'min, max'],
  [{ bytesPerSecond: 0 }, 'bytesPerSecond', 'from 1'],
  [{ error: 'session_expird' }, 'error', 'did you mean session_expired?'],
  [{ error: 7 }, 'error', 'a code of the error catalogue, not 7'],
  [{ status: 99 }, 'status', 'from 200 to 599'],
  [{ status: 600 }, 'status', 'from 200 to 599'],
  [{ reset: false }, 'reset', 'must be true'],
  [{ cutAfterBytes: -1 }, 'cutAfterBytes', 'from 0'],
  [{ reset: true, times: 'twice' }, 'times', '"once", "always" or a whole number from 1, not "twice"'],
  [{ reset: true, times: 0 }, 'times', 'not 0'],
  [{ reset: true, probability: 1.5 }, 'probability', 'from 0 to 1'],
  [{ reset: true, probability: Number.NaN }, 'probability', 'from 0 to 1'],
  [{ path: '/api/login' }, 'action', 'is missing'],
  [{ times: 'once', probability: 1 }, 'action', 'latencyMs, bytesPerSecond, error, status, reset, cutAfterBytes'],
  [{ error: 'internal_error', status: 500 }, 'status', 'cannot go with error'],
  [{ reset: true, cutAfterBytes: 3 }, 'cutAfterBytes', 'cannot go with reset'],
  [{ status: 502, bytesPerSecond: 10 }, 'bytesPerSecond', 'no body to slow down with status'],
  [{ reset: true, bytesPerSecond: 10 }, 'bytesPerSecond', 'no body to slow down with reset'],
  [{ reset: true, path: '/api/login', pathPrefix: '/api/reporting/' }, 'pathPrefix', 'never matches'],
  [{ reset: true, path: '/api/login/json', format: 'xml' }, 'format', 'xml is not a format of path /api/login/json'],
  [{ reset: true, path: '/api/login', format: 'csv' }, 'format', 'xml, json'],
]

t.test('a rule that cannot be used throws a FaultRuleError, a RangeError naming the field', async (t) => {
  for (const [rule, field, message] of BAD_RULES) {
    const error = t.throws(() => checkFaultRule(rule), FaultRuleError, `${field}: ${String(message)}`)
    t.ok(error instanceof RangeError, 'a RangeError')
    t.match(error, { name: 'FaultRuleError', field, message: new RegExp(`^fault rule: ${field.replace('.', '\\.')} `) })
    t.match((error as Error).message, message, `${field}: ${String(message)}`)
  }
})

t.test('a value JSON cannot show is named all the same', async (t) => {
  t.throws(() => checkFaultRule({ reset: true, account: undefined, ei: () => 1 }), { field: 'ei', message: /not \(\) => 1/ })
  t.throws(() => checkFaultRule({ error: Symbol('x') }), { field: 'error', message: /not Symbol\(x\)/ })
  t.throws(() => checkFaultRule({ error: 'x'.repeat(200) }), { field: 'error', message: /not "x{70,}\.\.\./ })
})
