import t from 'tap'
import { judge, ratios, summarize } from './stats.js'
import { readWrkReport } from './wrk.js'

t.test('a ratio measured in rounds', async (t) => {
  const ratio = summarize(ratios([9, 10, 11, 10, 30], [10, 10, 10, 10, 10]))
  t.equal(ratio.median, 1, 'is the median of the rounds, so one odd round does not move it')
  t.equal(Number(ratio.spread.toFixed(9)), 0.05, 'and spreads by half its interquartile range')
  t.equal(judge(ratio, { atLeast: 0.9 }).state, 'met', 'meets a target farther away than its spread')
  t.equal(judge(ratio, { atLeast: 1.2 }).state, 'missed', 'misses one as clearly')
  t.equal(judge(ratio, { atLeast: 0.98 }).state, 'unstable', 'and is unstable when its spread reaches past the target')
  t.equal(judge(ratio, { atMost: 1.25 }).state, 'met', 'a target can be a ceiling too')
  t.equal(judge(ratio, undefined).state, 'reported', 'and a row without a target is only reported')
})

t.test("wrk's report is read", async (t) => {
  const report = `Running 2s test @ http://127.0.0.1:3000/x
  1 threads and 16 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     1.30ms    2.10ms  40.00ms   95.00%
  Latency Distribution
     50%  681.00us
     75%    1.20ms
     90%    2.00ms
     99%   14.60ms
  23009 requests in 2.00s, 13.56GB read
  Socket errors: connect 0, read 2, write 0, timeout 1
  Non-2xx or 3xx responses: 4
Requests/sec:  11504.64
Transfer/sec:      6.78GB
`
  t.same(readWrkReport(report), { requestsPerSecond: 11504.64, p50Ms: 0.681, p99Ms: 14.6, errors: 7 },
    'requests per second, the median and 99th percentile in milliseconds, and every failed request')
})
