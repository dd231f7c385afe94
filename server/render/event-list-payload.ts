import type { EventInfo, EventListSuccess } from '../../contracts/response-types.js'
import { isExpiredAsOf } from '../../fixtures/as-of.js'
import type { WebcastEvent } from '../../fixtures/dataset.js'
import { formatWireTime } from '../../contracts/wire-time.js'
import type { SuccessPayload } from './envelope.js'
import { escapeXml } from './xml-text.js'

/** How an event shows in the list as of a moment: ids and GMT times as the older endpoint shows them. */
function eventInfo (event: WebcastEvent, now: number): EventInfo {
  return {
    id: event.id,
    sched_start: formatWireTime(event.schedStart, 'GMT'),
    sched_end: formatWireTime(event.schedEnd, 'GMT'),
    expired: isExpiredAsOf(event, now) ? 'true' : 'false',
    title: event.title,
  }
}

/**
 * The `success` of an event list as of a moment: `event_list/core_event/event_info`, one per
 * event, its attributes `id`, `sched_start`, `sched_end` and `expired`, its text the title (the
 * public PHP client's use of the older endpoint; `contracts/README.md`, Event list). In JSON the
 * title is under `title`.
 *
 * @example
 * eventListPayload(dataset.events, DATA_AS_OF).json().event_list.core_event.event_info.length
 */
export function eventListPayload (events: readonly WebcastEvent[], now: number):
SuccessPayload & { json: () => EventListSuccess } {
  const infos = (): EventInfo[] => events.map((event) => eventInfo(event, now))
  return {
    json: () => ({ event_list: { core_event: { event_info: infos() } } }),
    xml: () => {
      const items = infos().map((info) =>
        `<event_info id="${info.id}" sched_start="${info.sched_start}" sched_end="${info.sched_end}" ` +
        `expired="${info.expired}">` +
        `${escapeXml(info.title)}</event_info>`)
      return `<event_list><core_event>${items.join('')}</core_event></event_list>`
    },
  }
}
