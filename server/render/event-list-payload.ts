import type { EventInfo, EventListSuccess } from '../../contracts/response-types.js'
import type { WebcastEvent } from '../../fixtures/dataset.js'
import { formatWireTime } from '../../contracts/wire-time.js'
import type { SuccessPayload } from './envelope.js'
import { escapeXml } from './xml-text.js'

/** How an event shows in the list: ids and GMT times as the older endpoint's sample shows them. */
function eventInfo (event: WebcastEvent): EventInfo {
  return {
    id: event.id,
    sched_start: formatWireTime(event.schedStart, 'GMT'),
    sched_end: formatWireTime(event.schedEnd, 'GMT'),
    expired: event.expired ? 'true' : 'false',
    title: event.title,
  }
}

/**
 * The `success` of an event list: `event_list/core_event/event_info`, one per event, its
 * attributes `id`, `sched_start`, `sched_end` and `expired`, its text the title
 * (`../shared/reference/real-api-evidence.md`, Event list). In JSON the title is under `title`.
 *
 * @example
 * eventListPayload(dataset.events).json().event_list.core_event.event_info.length
 */
export function eventListPayload (events: readonly WebcastEvent[]): SuccessPayload & { json: () => EventListSuccess } {
  return {
    json: () => ({ event_list: { core_event: { event_info: events.map(eventInfo) } } }),
    xml: () => {
      const items = events.map(eventInfo).map((info) =>
        `<event_info id="${info.id}" sched_start="${info.sched_start}" sched_end="${info.sched_end}" ` +
        `expired="${info.expired}">` +
        `${escapeXml(info.title)}</event_info>`)
      return `<event_list><core_event>${items.join('')}</core_event></event_list>`
    },
  }
}
