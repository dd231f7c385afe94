/** How the client reads what a service sends: the lenient half of "lenient reader, strict writer". */

/**
 * A value a lenient reader takes as text: a string, or the number or boolean a service sent in
 * its place. Anything else (absent, an object) is undefined.
 *
 * @example
 * textOf(3600) // '3600'
 */
export function textOf (value: unknown): string | undefined {
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  return undefined
}

/**
 * The items of a list element as a lenient reader takes them: an array, one item given alone,
 * or none (an empty element); undefined when the list element is absent.
 *
 * @example
 * itemsOf({ question: { time: '…', text: 'Hi' } }, 'question') // [{ time: '…', text: 'Hi' }]
 */
export function itemsOf (list: unknown, item: string): unknown[] | undefined {
  if (list === undefined || list === null) return undefined
  if (typeof list !== 'object') return []
  const items = (list as Record<string, unknown>)[item]
  if (items === undefined || items === null) return []
  return Array.isArray(items) ? items as unknown[] : [items]
}

/**
 * A field of a node, whatever the node is: undefined unless it is an object that has it.
 *
 * @example
 * fieldOf({ convey_api: {} }, 'convey_api') // {}
 */
export function fieldOf (node: unknown, name: string): unknown {
  return node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[name] : undefined
}
