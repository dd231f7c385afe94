import { useEffect, useState } from 'preact/hooks'
import { setControlToken } from './api.js'
import { ClockPage } from './clock-page.js'
import { DataPage } from './data-page.js'
import { DriftPage } from './drift-view.js'
import { JournalPage } from './journal-page.js'
import { ReportPage } from './report-page.js'

/** The console's pages, by the hash that opens each. */
const PAGES = {
  data: { title: 'Data', Page: DataPage },
  report: { title: 'Report builder', Page: ReportPage },
  journal: { title: 'Journal', Page: JournalPage },
  clock: { title: 'Clock and faults', Page: ClockPage },
  drift: { title: 'Drift', Page: DriftPage },
} as const

type PageName = keyof typeof PAGES

const pageOf = (hash: string): PageName => {
  const name = hash.replace(/^#/, '')
  return name in PAGES ? name as PageName : 'data'
}

function TokenForm () {
  const [token, setToken] = useState('')
  return (
    <details class="token">
      <summary>Control token</summary>
      <form onSubmit={(event) => { event.preventDefault(); setControlToken(token); location.reload() }}>
        <label>
          Token of a mock started with <code>--control-token</code>{' '}
          <input type="password" value={token} onInput={(event) => { setToken(event.currentTarget.value) }} />
        </label>{' '}
        <button type="submit">Use it</button>
      </form>
    </details>
  )
}

/** The console: a page per concern, chosen by the address's hash so that each can be linked to. */
export function App () {
  const [page, setPage] = useState<PageName>(pageOf(location.hash))
  useEffect(() => {
    const follow = (): void => { setPage(pageOf(location.hash)) }
    addEventListener('hashchange', follow)
    return () => { removeEventListener('hashchange', follow) }
  }, [])
  const { title, Page } = PAGES[page]
  useEffect(() => { document.title = `${title} · webcast-mock` }, [title])
  return (
    <>
      <header>
        <strong>webcast-mock</strong>
        <nav aria-label="Pages">
          {Object.entries(PAGES).map(([name, entry]) => (
            <a key={name} href={`#${name}`} aria-current={name === page ? 'page' : undefined}>{entry.title}</a>
          ))}
        </nav>
        <TokenForm />
      </header>
      <main id="main">
        <h1>{title}</h1>
        <Page />
      </main>
    </>
  )
}
