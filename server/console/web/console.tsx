import { render } from 'preact'
import { App } from './app.js'
import { DriftReport } from './drift-view.js'

const root = document.getElementById('app')
const inlined = document.getElementById('drift-report')
if (root !== null) {
  // `drift-report.html` carries its report inline and shows only the drift view.
  if (inlined === null) render(<App />, root)
  else render(<main id="main"><h1>Drift report</h1><DriftReport text={inlined.textContent} /></main>, root)
}
