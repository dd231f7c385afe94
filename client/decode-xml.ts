import { XMLParser } from 'fast-xml-parser'
import { SyntaxValidator } from 'fast-xml-validator'
import { LIST_CONTAINERS, TEXT_CONTENT_KEY } from '../contracts/wire-format.js'

const LIST_ITEMS = new Set<string>(Object.values(LIST_CONTAINERS))

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  textNodeName: TEXT_CONTENT_KEY,
  parseTagValue: false,
  parseAttributeValue: false,
  ignoreDeclaration: true,
  isArray: (name, _path, _isLeaf, isAttribute) => !isAttribute && LIST_ITEMS.has(name),
})

/**
 * Decodes an XML response into the same tree its `/json` twin carries: attributes and child
 * elements become keys of the same name, list items are always arrays (empty when a list is
 * empty), every value is a string, and `event_info`'s text lands under `title`.
 *
 * Throws a `SyntaxError` when the text is not well-formed XML.
 *
 * @example
 * decodeXml('<convey_api version="2.0">…</convey_api>') // { convey_api: { version: '2.0', … } }
 */
export function decodeXml (xml: string): unknown {
  try {
    SyntaxValidator.validate(xml)
  } catch (error) {
    throw new SyntaxError(`not well-formed XML: ${(error as Error).message}`, { cause: error })
  }
  return fillEmptyLists(parser.parse(xml) as unknown)
}

function fillEmptyLists (node: unknown): unknown {
  if (Array.isArray(node)) return node.map(fillEmptyLists)
  if (node === null || typeof node !== 'object') return node
  const result: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(node)) {
    const item = (LIST_CONTAINERS as Record<string, string | undefined>)[key]
    if (item !== undefined && (value === '' || (typeof value === 'object' && value !== null && !(item in value)))) {
      result[key] = { ...(typeof value === 'object' ? value : {}), [item]: [] }
    } else {
      result[key] = fillEmptyLists(value)
    }
  }
  return result
}
