import { XMLParser, type EntityDecoderOptions } from 'fast-xml-parser'
import { SyntaxValidator } from 'fast-xml-validator'
import { LIST_CONTAINERS, TEXT_CONTENT_KEY } from './wire-format.js'

const LIST_ITEMS = new Set<string>(Object.values(LIST_CONTAINERS))

const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }
const REFERENCE = /&(?:#x([0-9a-fA-F]{1,6})|#([0-9]{1,7})|(amp|lt|gt|quot|apos));/g

/**
 * Decodes the five predefined entities and character references such as `&#10;`, which keep
 * line breaks inside attribute values. The API declares no other entities, so none are read.
 */
const xmlEntities: EntityDecoderOptions = {
  setExternalEntities: () => undefined,
  addInputEntities: () => undefined,
  reset: () => undefined,
  setXmlVersion: () => undefined,
  decode: (text) => (text.includes('&')
    ? text.replace(REFERENCE, (whole, hex?: string, decimal?: string, name?: string) => {
      if (name !== undefined) return PREDEFINED[name] ?? whole
      const code = hex !== undefined ? parseInt(hex, 16) : Number(decimal)
      return code <= 0x10ffff ? String.fromCodePoint(code) : whole
    })
    : text),
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  textNodeName: TEXT_CONTENT_KEY,
  parseTagValue: false,
  parseAttributeValue: false,
  ignoreDeclaration: true,
  entityDecoder: xmlEntities,
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
