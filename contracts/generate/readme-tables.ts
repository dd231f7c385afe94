import { endpointList, pathOf, requestSchemaIdOf } from '../endpoints.js'
import { PARAMETER_KINDS, parameterList, parametersOf } from '../parameters.js'

/** The README whose tables are generated from the registries. */
export const CONTRACTS_README = new URL('../README.md', import.meta.url)

const code = (text: string): string => `\`${text}\``

/** The table of every endpoint, from `endpoints.ts`. */
function endpointTable (): string[] {
  const rows = endpointList().map(([name, endpoint]) => {
    const paths = endpoint.formats.map((format) => code(pathOf(endpoint, format))).join(', ')
    const responses = [...new Set(Object.values(endpoint.responses))].map(code).join(', ')
    const parameters = parametersOf(name).map(code).join(', ') || 'none'
    return `| ${name} | ${paths} | ${endpoint.methods.join(', ')} | ${endpoint.session ? 'yes' : 'no'} | ` +
      `${parameters} | ${code(requestSchemaIdOf(name))} → ${responses} | ${endpoint.summary} |`
  })
  return [
    '| endpoint | paths (XML first, then `/json`, `/csv`) | methods | session | parameters | contracts | what |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
  ]
}

/** The table of every parameter, from `parameters.ts`. */
function parameterTable (): string[] {
  const rows = parameterList().map(([name, parameter]) => {
    const endpoints = Object.entries(parameter.endpoints).map(([endpoint, need]) => `${endpoint} (${need})`).join(', ')
    const notes = [
      parameter.secret ? 'secret: never logged' : '',
      parameter.filter === true ? 'filter' : '',
      (parameter.conflicts ?? []).map((other) => `conflicts with ${code(other)}`).join(', '),
    ].filter((note) => note !== '').join('; ')
    return `| ${code(name)} | ${endpoints} | ${PARAMETER_KINDS[parameter.kind].description.replaceAll('|', '\\|')} | ` +
      `${parameter.default === undefined ? '' : code(parameter.default)} | ${notes} | ${parameter.summary} |`
  })
  return [
    '| parameter | endpoints | value | default | notes | what |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows,
  ]
}

const TABLES = { endpoints: endpointTable, parameters: parameterTable }

/**
 * `contracts/README.md` with each generated table replaced by what the registries say today:
 * the lines between `<!-- generated: NAME -->` and `<!-- end: NAME -->`.
 *
 * @example
 * writeFileSync(CONTRACTS_README, withGeneratedTables(readFileSync(CONTRACTS_README, 'utf8')))
 */
export function withGeneratedTables (readme: string): string {
  let text = readme
  for (const [name, table] of Object.entries(TABLES)) {
    const start = `<!-- generated: ${name} -->`
    const end = `<!-- end: ${name} -->`
    const from = text.indexOf(start)
    const to = text.indexOf(end)
    if (from === -1 || to < from) throw new Error(`contracts/README.md has no ${start} … ${end} block`)
    text = `${text.slice(0, from + start.length)}\n${table().join('\n')}\n${text.slice(to)}`
  }
  return text
}
