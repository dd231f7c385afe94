import { useState } from 'preact/hooks'
import type { EventRow, FormParameter, ReportForm } from '../../control/data-api.js'
import { control } from './api.js'
import { answerTable, type AnswerTable } from './answer-table.js'
import { useLoad } from './use-load.js'

/** A session of the demo admin, from the API's own login. */
interface Session {
  readonly si: string
  readonly ui: string
}

/** What the API answered the report builder. */
interface Answer {
  readonly url: string
  readonly status: number
  readonly headers: ReadonlyArray<readonly [string, string]>
  readonly body: string
  readonly table: AnswerTable | undefined
  readonly tableError: string | undefined
}

/** Logs in as the mock's demo admin (the console reads the login from `/_mock/data/login`). */
async function logIn (form: ReportForm): Promise<Session> {
  const { username, password } = await control<{ username: string, password: string }>('/_mock/data/login')
  const version = form.parameters.find((p) => p.name === 'ver')?.allowed?.[0] ?? '2.0'
  const query = new URLSearchParams({ ver: version, username, password })
  const response = await fetch(`/api/login/json?${query.toString()}`)
  const body = await response.json() as { convey_api?: { result?: { success?: {
    sessionid?: { value?: string }, userid?: { value?: string } } } } }
  const success = body.convey_api?.result?.success
  if (success?.sessionid?.value === undefined || success.userid?.value === undefined) {
    throw new Error(`the login answered ${response.status} without a session`)
  }
  return { si: success.sessionid.value, ui: success.userid.value }
}

/** A parameter the builder fills itself: the session's, which the login gives. */
const fromLogin = (parameter: FormParameter): boolean => parameter.name === 'si' || parameter.name === 'ui'

function Field ({ parameter, value, events, onChange }: {
  parameter: FormParameter, value: string, events: readonly EventRow[], onChange: (value: string) => void
}) {
  const id = `parameter-${parameter.name}`
  const hint = `${parameter.summary}; ${parameter.format}` +
    (parameter.conflicts.length === 0 ? '' : `; not with ${parameter.conflicts.join(', ')}`)
  const input = (() => {
    if (parameter.kind === 'eventId') {
      return (
        <select id={id} name={parameter.name} value={value} onChange={(e) => { onChange(e.currentTarget.value) }}>
          {events.map((event) => <option key={event.id} value={event.id}>{event.id} · {event.title}</option>)}
        </select>
      )
    }
    const choices = parameter.allowed ?? (parameter.kind === 'onOff' ? ['on', 'off'] : null)
    if (choices !== null) {
      return (
        <select id={id} name={parameter.name} value={value} onChange={(e) => { onChange(e.currentTarget.value) }}>
          {!parameter.required && <option value="">(not sent)</option>}
          {choices.map((choice) => <option key={choice} value={choice}>{choice}</option>)}
        </select>
      )
    }
    return (
      <input id={id} name={parameter.name} value={value} aria-describedby={`${id}-hint`}
        placeholder={parameter.default ?? ''} onInput={(e) => { onChange(e.currentTarget.value) }} />
    )
  })()
  return (
    <div class="field">
      <label for={id}>{parameter.name}{parameter.required ? ' (required)' : ''}</label>
      {input}
      <small id={`${id}-hint`}>{hint}</small>
    </div>
  )
}

function AnswerView ({ answer }: { answer: Answer }) {
  const { table } = answer
  return (
    <section aria-labelledby="answer-title" aria-live="polite">
      <h2 id="answer-title">Answer: HTTP {answer.status}</h2>
      {answer.tableError !== undefined && <p class="error">Not read as a table: {answer.tableError}</p>}
      {table !== undefined && table.rows.length === 0 && <p class="empty">No rows in this answer.</p>}
      {table !== undefined && table.rows.length > 0 && (
        <div class="scroll">
          <table id="answer-table">
            <caption>{table.rows.length} rows</caption>
            <thead><tr>{table.columns.map((column) => <th key={column}>{column}</th>)}</tr></thead>
            <tbody>
              {table.rows.map((row, index) => (
                <tr key={index}>{table.columns.map((column) => <td key={column}>{row[column] ?? ''}</td>)}</tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <details>
        <summary>Headers</summary>
        <dl class="pairs">{answer.headers.map(([name, value]) => <><dt>{name}</dt><dd>{value}</dd></>)}</dl>
      </details>
      <details open>
        <summary>Raw body</summary>
        <pre id="raw-body">{answer.body}</pre>
      </details>
    </section>
  )
}

/** The report builder: a form generated from the parameter registry, the request it makes, and the answer. */
export function ReportPage () {
  const setup = useLoad(async () => Promise.all([
    control<ReportForm>('/_mock/data/report-form'),
    control<{ events: EventRow[] }>('/_mock/data/events'),
  ]), [])
  const [values, setValues] = useState<Record<string, string>>({})
  const [format, setFormat] = useState('json')
  const [session, setSession] = useState<Session | undefined>(undefined)
  const [answer, setAnswer] = useState<Answer | undefined>(undefined)
  const [failure, setFailure] = useState<string | undefined>(undefined)
  const [busy, setBusy] = useState(false)
  if (setup.error !== undefined) return <p class="error" role="alert">Could not build the form: {setup.error}</p>
  if (setup.value === undefined) return <p aria-busy="true">Loading the parameters…</p>
  const [form, { events }] = setup.value
  const shown = form.parameters.filter((parameter) => !fromLogin(parameter))
  const valueOf = (parameter: FormParameter): string =>
    values[parameter.name] ??
      (parameter.kind === 'eventId' ? events[0]?.id ?? '' : parameter.required ? parameter.allowed?.[0] ?? '' : '')
  const url = (current: Session | undefined): string => {
    const query = new URLSearchParams()
    for (const parameter of form.parameters) {
      const value = fromLogin(parameter) ? current?.[parameter.name as keyof Session] ?? 'SESSION' : valueOf(parameter)
      if (value !== '') query.set(parameter.name, value)
    }
    return `${location.origin}${form.paths[format] ?? ''}?${query.toString()}`
  }
  const run = async (): Promise<void> => {
    setBusy(true)
    setFailure(undefined)
    try {
      // A new session for every run: one the clock has since expired would only answer an error.
      const current = await logIn(form)
      const target = url(current)
      const response = await fetch(target)
      setSession(current)
      const body = await response.text()
      let table: AnswerTable | undefined
      let tableError: string | undefined
      try {
        table = answerTable(format, body)
      } catch (error) {
        tableError = (error as Error).message
      }
      setAnswer({ url: target, status: response.status, headers: [...response.headers], body, table, tableError })
    } catch (error) {
      setFailure((error as Error).message)
    } finally {
      setBusy(false)
    }
  }
  const shownUrl = answer?.url ?? url(session)
  return (
    <>
      <form class="report-form" onSubmit={(e) => { e.preventDefault(); void run() }}>
        <div class="field">
          <label for="format">format</label>
          <select id="format" value={format} onChange={(e) => { setFormat(e.currentTarget.value) }}>
            {form.formats.map((name) => <option key={name} value={name}>{name}</option>)}
          </select>
          <small>the answer's format: its path</small>
        </div>
        {shown.map((parameter) => (
          <Field key={parameter.name} parameter={parameter} value={valueOf(parameter)} events={events}
            onChange={(value) => { setValues({ ...values, [parameter.name]: value }) }} />
        ))}
        <p class="wide">
          <button type="submit" disabled={busy}>{busy ? 'Asking…' : 'Run the report'}</button>{' '}
          <small>si and ui come from logging in as the mock's demo admin, anew for every run.</small>
        </p>
      </form>
      <h2>Request</h2>
      <p><code id="request-url">{shownUrl}</code></p>
      <p><code id="curl-line">curl -s '{shownUrl}'</code></p>
      {failure !== undefined && <p class="error" role="alert">{failure}</p>}
      {answer !== undefined && <AnswerView answer={answer} />}
    </>
  )
}
