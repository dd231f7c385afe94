import type { EventInfo } from '../contracts/response-types.js'
import { fieldOf as field, itemsOf, textOf } from './lenient.js'

/**
 * The events of a decoded event list, read leniently: numbers and booleans where text was
 * expected, one event given alone, and absent attributes (as empty text) are read through.
 *
 * @example
 * eventsFromTree(JSON.parse(body)).map((event) => event.id)
 */
export function eventsFromTree (tree: unknown): EventInfo[] {
  const eventList = field(field(field(field(tree, 'convey_api'), 'result'), 'success'), 'event_list')
  const coreEvent = field(eventList, 'core_event')
  return (itemsOf(coreEvent, 'event_info') ?? []).map((event) => {
    const text = (name: string): string => textOf(field(event, name)) ?? ''
    return {
      id: text('id'),
      sched_start: text('sched_start'),
      sched_end: text('sched_end'),
      expired: text('expired') === 'true' ? 'true' : 'false',
      title: text('title'),
    }
  })
}
