import { useState } from 'preact/hooks'
import type { EventRow, RegistrantPage } from '../../control/data-api.js'
import type { EventStats } from '../../control/event-stats.js'
import { control, counted, shownTime } from './api.js'
import { useLoad } from './use-load.js'
import { ViewingChart } from './viewing-chart.js'

const PAGE = 25

function StatsCells ({ stats, error, columns }: { stats: EventStats | undefined, error: string | undefined,
  columns: number }) {
  if (error !== undefined) return <td colSpan={columns} class="error">{error}</td>
  if (stats === undefined) return <td colSpan={columns} class="muted" aria-busy="true">counting…</td>
  return (
    <>
      {[stats.noShows, stats.liveViewers, stats.odViewers, stats.simliveViewers, stats.askers, stats.surveyResponders]
        .map((n, index) => <td key={index} class="number">{counted(n)}</td>)}
    </>
  )
}

function EventLine ({ event, open, onOpen }: { event: EventRow, open: boolean, onOpen: () => void }) {
  const stats = useLoad(() => control<EventStats>(`/_mock/data/events/${event.id}/stats`), [event.id])
  return (
    <tr class={open ? 'selected' : undefined} data-event={event.id}>
      <td><button type="button" class="link" aria-pressed={open} onClick={onOpen}>{event.id}</button></td>
      <td>{event.title}</td>
      <td>{event.kind}</td>
      <td>
        {shownTime(event.liveStart)} – {shownTime(event.liveEnd).slice(11)}
        {event.simliveStart !== null && <><br />sim-live {shownTime(event.simliveStart)}</>}
      </td>
      <td>{event.expired ? 'yes' : 'no'}</td>
      <td class="number">{counted(event.registrants)}</td>
      <StatsCells stats={stats.value} error={stats.error} columns={6} />
    </tr>
  )
}

function Registrants ({ event }: { event: EventRow }) {
  const [query, setQuery] = useState('')
  const [search, setSearch] = useState('')
  const [offset, setOffset] = useState(0)
  const asked = new URLSearchParams({ offset: String(offset), limit: String(PAGE), q: search }).toString()
  const page = useLoad(() => control<RegistrantPage>(`/_mock/data/events/${event.id}/registrants?${asked}`),
    [event.id, asked])
  const rows = page.value?.rows ?? []
  const of = page.value === undefined
    ? ''
    : page.value.total === null ? 'of more (the search reads on as you page)' : `of ${counted(page.value.total)}`
  return (
    <section aria-labelledby="registrants-title">
      <h3 id="registrants-title">Registrants</h3>
      <form class="row" role="search" onSubmit={(e) => { e.preventDefault(); setOffset(0); setSearch(query) }}>
        <label>Search email, name or company{' '}
          <input type="search" name="q" value={query} onInput={(e) => { setQuery(e.currentTarget.value) }} />
        </label>
        <button type="submit">Search</button>
      </form>
      {page.error !== undefined && <p class="error" role="alert">{page.error}</p>}
      {page.value !== undefined && rows.length === 0 &&
        <p class="empty">{search === '' ? 'This event has no registrants.' : `No registrant matches “${search}”.`}</p>}
      {rows.length > 0 && (
        <table aria-describedby="registrants-range">
          <thead><tr><th>#</th><th>email</th><th>name</th><th>company</th><th>registered</th><th>sti</th>
            <th>viewing</th><th class="number">minutes</th><th class="number">questions</th>
            <th class="number">surveys</th></tr></thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.index}>
                <td>{row.index + 1}</td><td>{row.email}</td><td>{row.name}</td><td>{row.company}</td>
                <td>{shownTime(row.registered)}</td><td>{row.sti ?? ''}</td>
                <td>{row.sessions.length === 0 ? 'no-show' : row.sessions.join(', ')}</td>
                <td class="number">{row.minutes}</td><td class="number">{row.questions}</td>
                <td class="number">{row.surveys}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p class="row" id="registrants-range" aria-live="polite">
        <button type="button" disabled={offset === 0 || page.loading}
          onClick={() => { setOffset(Math.max(0, offset - PAGE)) }}>Previous</button>
        <span>{page.value === undefined || rows.length === 0
          ? ''
          : `Rows ${counted(page.value.offset + 1)}–${counted(page.value.offset + rows.length)} ${of}`}</span>
        <button type="button" disabled={page.value?.more !== true || page.loading}
          onClick={() => { setOffset(offset + PAGE) }}>Next</button>
      </p>
    </section>
  )
}

function EventDetail ({ event }: { event: EventRow }) {
  const stats = useLoad(() => control<EventStats>(`/_mock/data/events/${event.id}/stats`), [event.id])
  return (
    <section class="detail" aria-labelledby="event-title">
      <h2 id="event-title">{event.id} · {event.title}</h2>
      <p>
        {event.kind}, live {shownTime(event.liveStart)} to {shownTime(event.liveEnd)}
        {event.simliveStart === null
          ? ''
          : `, sim-live ${shownTime(event.simliveStart)} to ${shownTime(event.simliveEnd)}`}
        {event.expired ? ', expired' : ''}.
      </p>
      {stats.error !== undefined && <p class="error" role="alert">{stats.error}</p>}
      {stats.value === undefined && stats.error === undefined && <p aria-busy="true">Reading its registrants…</p>}
      {stats.value !== undefined && <ViewingChart stats={stats.value} />}
      <Registrants event={event} />
    </section>
  )
}

/** The events, their counts as of the data's moment, and one event's viewing and registrants. */
export function DataPage () {
  const events = useLoad(() => control<{ asOf: string, events: EventRow[] }>('/_mock/data/events'), [])
  const [openId, setOpenId] = useState<string | undefined>(undefined)
  if (events.error !== undefined) return <p class="error" role="alert">Could not read the events: {events.error}</p>
  if (events.value === undefined) return <p aria-busy="true">Loading the events…</p>
  const open = events.value.events.find((event) => event.id === openId)
  return (
    <>
      <p>
        {events.value.events.length} events; counts as of {shownTime(events.value.asOf)} (the clock of the data).{' '}
        <button type="button" onClick={events.reload}>Count again</button>
      </p>
      {events.value.events.length === 0
        ? <p class="empty">The dataset has no events.</p>
        : (
          <div class="scroll">
            <table id="events">
              <caption class="visually-hidden">Events; choose an id to see its viewing and registrants</caption>
              <thead><tr><th>id</th><th>title</th><th>kind</th><th>windows</th><th>expired</th>
                <th class="number">registrants</th><th class="number">no-shows</th><th class="number">live</th>
                <th class="number">on demand</th><th class="number">sim-live</th><th class="number">Q&amp;A</th>
                <th class="number">survey</th></tr></thead>
              <tbody>
                {events.value.events.map((event) => (
                  <EventLine key={`${event.id}@${events.value?.asOf ?? ''}`} event={event} open={event.id === openId}
                    onOpen={() => { setOpenId(event.id) }} />
                ))}
              </tbody>
            </table>
          </div>
          )}
      {open !== undefined && <EventDetail key={`${open.id}@${events.value.asOf}`} event={open} />}
    </>
  )
}
