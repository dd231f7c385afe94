import { useEffect, useState } from 'preact/hooks'
import type { JournalEntry } from '../../control/journal.js'
import { control, counted } from './api.js'

/** How often the page asks for new entries. */
const POLL_MS = 1000

/** The most entries the page keeps, newest first. */
const KEPT = 500

interface JournalPage {
  readonly entries: JournalEntry[]
  readonly lastSeq: number
}

function Detail ({ entry }: { entry: JournalEntry }) {
  const params = Object.entries(entry.params)
  return (
    <section class="detail" aria-labelledby="entry-title">
      <h2 id="entry-title">Request {entry.seq}: {entry.method} {entry.path}</h2>
      <h3>Parameters</h3>
      {params.length === 0
        ? <p class="empty">No parameters.</p>
        : <dl class="pairs">{params.map(([name, value]) =>
          <><dt>{name}</dt><dd>{Array.isArray(value) ? value.join(' · ') : value}</dd></>)}</dl>}
      <h3>Answer</h3>
      <dl class="pairs">
        <dt>status</dt><dd>{entry.status ?? 'none (the connection ended first)'}</dd>
        <dt>returnCode</dt><dd>{entry.returnCode ?? '—'}</dd>
        <dt>error</dt><dd>{entry.errorCode ?? '—'}</dd>
        <dt>fault rule</dt><dd>{entry.faultId ?? 'none'}</dd>
        <dt>outcome</dt><dd>{entry.outcome}</dd>
        <dt>bytes</dt><dd>{counted(entry.bytes)}</dd>
        <dt>duration</dt><dd>{entry.durationMs.toFixed(1)} ms</dd>
        <dt>account</dt><dd>{entry.account ?? '—'}</dd>
        <dt>received</dt><dd>{new Date(entry.time).toISOString()}</dd>
      </dl>
      <p><small>The journal keeps what a request sent and how it was answered, not the answer's headers.</small></p>
    </section>
  )
}

/** The journal, live: new requests appear as they are answered; choose one to see its parameters. */
export function JournalPage () {
  const [entries, setEntries] = useState<JournalEntry[]>([])
  const [error, setError] = useState<string | undefined>(undefined)
  const [paused, setPaused] = useState(false)
  const [chosen, setChosen] = useState<number | undefined>(undefined)
  const [loaded, setLoaded] = useState(false)
  useEffect(() => {
    if (paused) return undefined
    let since = entries[0]?.seq ?? 0
    let stopped = false
    let timer: ReturnType<typeof setTimeout> | undefined
    const poll = async (): Promise<void> => {
      try {
        const page = await control<JournalPage>(`/_mock/journal?since=${since}`)
        if (stopped) return
        setError(undefined)
        setLoaded(true)
        if (page.entries.length > 0) {
          since = page.entries.at(-1)?.seq ?? since
          setEntries((kept) => [...page.entries.reverse(), ...kept].slice(0, KEPT))
        }
      } catch (failure) {
        if (!stopped) setError((failure as Error).message)
      }
      if (!stopped) timer = setTimeout(() => { void poll() }, POLL_MS)
    }
    void poll()
    return () => { stopped = true; clearTimeout(timer) }
  // Restarts only when paused or resumed; the entries it has tell where to go on from.
  }, [paused])
  const entry = entries.find((candidate) => candidate.seq === chosen)
  return (
    <>
      <p class="row">
        <button type="button" aria-pressed={paused} onClick={() => { setPaused(!paused) }}>
          {paused ? 'Resume' : 'Pause'}
        </button>
        <button type="button" onClick={() => {
          void control('/_mock/journal', { method: 'DELETE' }).then(() => { setEntries([]); setChosen(undefined) },
            (failure: unknown) => { setError((failure as Error).message) })
        }}>Clear the journal</button>
        <span aria-live="polite">{paused ? 'Paused.' : 'Live: asks for new requests every second.'}</span>
      </p>
      {error !== undefined && <p class="error" role="alert">Could not read the journal: {error}</p>}
      {loaded && entries.length === 0 && <p class="empty">No request yet. Requests to /_mock/ are never journaled.</p>}
      {entries.length > 0 && (
        <div class="scroll">
          <table id="journal">
            <caption class="visually-hidden">Requests, newest first; choose one to see its parameters</caption>
            <thead><tr><th>#</th><th>time</th><th>request</th><th>status</th><th>returnCode</th><th>error</th>
              <th class="number">ms</th><th class="number">bytes</th><th>fault rule</th><th>outcome</th></tr></thead>
            <tbody>
              {entries.map((item) => (
                <tr key={item.seq} class={item.seq === chosen ? 'selected' : undefined}>
                  <td><button type="button" class="link" aria-pressed={item.seq === chosen}
                    onClick={() => { setChosen(item.seq) }}>{item.seq}</button></td>
                  <td>{new Date(item.time).toISOString().slice(11, 19)}</td>
                  <td>{item.method} {item.path}</td>
                  <td>{item.status ?? '—'}</td><td>{item.returnCode ?? '—'}</td><td>{item.errorCode ?? ''}</td>
                  <td class="number">{item.durationMs.toFixed(1)}</td><td class="number">{counted(item.bytes)}</td>
                  <td>{item.faultId ?? ''}</td><td>{item.outcome}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {entry !== undefined && <Detail entry={entry} />}
    </>
  )
}
