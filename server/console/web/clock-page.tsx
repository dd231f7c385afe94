import { useState } from 'preact/hooks'
import type { FaultRule } from '../../control/fault-rule.js'
import type { FaultStatus } from '../../control/faults.js'
import type { ClockState } from '../../time/mock-clock.js'
import { control, shownTime } from './api.js'
import { useLoad } from './use-load.js'

const UNITS = { minutes: 60_000, hours: 3_600_000, days: 86_400_000 } as const

/** What a fault does, as the form offers it: each is one field of a rule (`server/control/fault-rule.ts`). */
const EFFECTS = {
  error: { label: 'an error of the catalogue', placeholder: 'session_expired' },
  status: { label: 'a bare HTTP status', placeholder: '502' },
  latencyMs: { label: 'latency, ms', placeholder: '2000' },
  bytesPerSecond: { label: 'a bandwidth cap, bytes per second', placeholder: '1000' },
  cutAfterBytes: { label: 'a body cut after N bytes', placeholder: '100' },
  reset: { label: 'a connection reset', placeholder: '' },
} as const satisfies Partial<Record<keyof FaultRule, { label: string, placeholder: string }>>

type Effect = keyof typeof EFFECTS

function ClockPanel () {
  const clock = useLoad(() => control<ClockState>('/_mock/clock'), [])
  const [moment, setMoment] = useState('')
  const [amount, setAmount] = useState('1')
  const [unit, setUnit] = useState<keyof typeof UNITS>('hours')
  const [error, setError] = useState<string | undefined>(undefined)
  const act = (path: string, body?: unknown): void => {
    setError(undefined)
    void control<ClockState>(path, { method: 'POST', body: body ?? {} }).then(clock.reload, (failure: unknown) => {
      setError((failure as Error).message)
    })
  }
  return (
    <section aria-labelledby="clock-title">
      <h2 id="clock-title">Clock</h2>
      {clock.error !== undefined && <p class="error" role="alert">Could not read the clock: {clock.error}</p>}
      {clock.value !== undefined && (
        <dl class="pairs" id="clock-state">
          <dt>time shown</dt><dd>{shownTime(clock.value.now)}</dd>
          <dt>data as of</dt><dd>{shownTime(clock.value.dataAsOf)}</dd>
          <dt>running</dt><dd>{clock.value.frozen ? 'no, frozen' : 'yes'}</dd>
          <dt>moved by a test</dt><dd>{clock.value.moved ? 'yes: the data follows the time shown' : 'no'}</dd>
        </dl>
      )}
      <form class="row" onSubmit={(e) => { e.preventDefault(); act('/_mock/clock/set', { now: moment }) }}>
        <label>Set the time (ISO 8601 with an offset){' '}
          <input name="now" value={moment} placeholder="2027-02-10T18:30:00Z"
            onInput={(e) => { setMoment(e.currentTarget.value) }} />
        </label>
        <button type="submit">Set</button>
      </form>
      <form class="row" onSubmit={(e) => {
        e.preventDefault()
        act('/_mock/clock/advance', { ms: Number(amount) * UNITS[unit] })
      }}>
        <label>Advance by <input name="amount" type="number" step="any" value={amount}
          onInput={(e) => { setAmount(e.currentTarget.value) }} /></label>
        <label class="visually-hidden" for="unit">unit</label>
        <select id="unit" value={unit} onChange={(e) => { setUnit(e.currentTarget.value as keyof typeof UNITS) }}>
          {Object.keys(UNITS).map((name) => <option key={name} value={name}>{name}</option>)}
        </select>
        <button type="submit">Advance</button>
      </form>
      <p class="row">
        <button type="button" onClick={() => { act('/_mock/clock/freeze') }}>Freeze</button>
        <button type="button" onClick={() => { act('/_mock/clock/resume') }}>Resume</button>
      </p>
      {error !== undefined && <p class="error" role="alert">{error}</p>}
    </section>
  )
}

function ruleOf (path: string, effect: Effect, value: string, times: string): Record<string, unknown> {
  const rule: Record<string, unknown> = {}
  if (path !== '') rule.path = path
  rule[effect] = effect === 'reset' ? true : effect === 'error' ? value : Number(value)
  rule.times = /^\d+$/.test(times) ? Number(times) : times
  return rule
}

function FaultsPanel () {
  const faults = useLoad(() => control<{ faults: FaultStatus[] }>('/_mock/faults'), [])
  const [path, setPath] = useState('/api/reporting/audience_reports')
  const [effect, setEffect] = useState<Effect>('error')
  const [value, setValue] = useState('')
  const [times, setTimes] = useState('once')
  const [error, setError] = useState<string | undefined>(undefined)
  const call = (target: string, init: { method: string, body?: unknown }): void => {
    setError(undefined)
    void control(target, init).then(faults.reload, (failure: unknown) => { setError((failure as Error).message) })
  }
  const list = faults.value?.faults ?? []
  return (
    <section aria-labelledby="faults-title">
      <h2 id="faults-title">Faults</h2>
      <form class="report-form" onSubmit={(e) => {
        e.preventDefault()
        call('/_mock/faults', { method: 'POST', body: ruleOf(path, effect, value, times) })
      }}>
        <div class="field"><label for="fault-path">path (empty: every endpoint)</label>
          <input id="fault-path" value={path} onInput={(e) => { setPath(e.currentTarget.value) }} /></div>
        <div class="field"><label for="fault-effect">what it does</label>
          <select id="fault-effect" value={effect} onChange={(e) => { setEffect(e.currentTarget.value as Effect) }}>
            {Object.entries(EFFECTS).map(([name, { label }]) => <option key={name} value={name}>{label}</option>)}
          </select></div>
        <div class="field"><label for="fault-value">value</label>
          <input id="fault-value" value={value} disabled={effect === 'reset'} placeholder={EFFECTS[effect].placeholder}
            onInput={(e) => { setValue(e.currentTarget.value) }} /></div>
        <div class="field"><label for="fault-times">times (once, always or a number)</label>
          <input id="fault-times" value={times} onInput={(e) => { setTimes(e.currentTarget.value) }} /></div>
        <p class="wide"><button type="submit">Add the rule</button></p>
      </form>
      {error !== undefined && <p class="error" role="alert">{error}</p>}
      {faults.error !== undefined && <p class="error" role="alert">Could not read the faults: {faults.error}</p>}
      {faults.value !== undefined && list.length === 0 &&
        <p class="empty">No fault rule: every request is answered as usual.</p>}
      {list.length > 0 && (
        <>
          <table id="faults">
            <thead><tr><th>id</th><th>rule</th><th class="number">matched</th><th class="number">fired</th>
              <th>left</th><th><span class="visually-hidden">remove</span></th></tr></thead>
            <tbody>
              {list.map(({ id, rule, matched, fired, remaining }) => (
                <tr key={id}>
                  <td>{id}</td><td><code>{JSON.stringify(rule)}</code></td><td class="number">{matched}</td>
                  <td class="number">{fired}</td><td>{remaining ?? 'always'}</td>
                  <td><button type="button" aria-label={`Remove rule ${id}`}
                    onClick={() => { call(`/_mock/faults/${encodeURIComponent(id)}`, { method: 'DELETE' }) }}>
                    Remove</button></td>
                </tr>
              ))}
            </tbody>
          </table>
          <p><button type="button" onClick={() => { call('/_mock/faults', { method: 'DELETE' }) }}>
            Remove every rule</button></p>
        </>
      )}
    </section>
  )
}

/** The clock (read, set, advance, freeze, resume) and the fault rules (add, list, remove), over the control API. */
export function ClockPage () {
  return (
    <div class="two">
      <ClockPanel />
      <FaultsPanel />
    </div>
  )
}
