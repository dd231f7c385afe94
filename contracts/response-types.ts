/**
 * TypeScript shapes of what travels on the wire, derived from the JSON Schemas: the whole
 * trees come from `contract-types.generated.ts` (compiled from `request-schemas.ts` and
 * `response-schemas.ts`), and the names below pick the parts code reads, so no type can say
 * something the contracts do not.
 */
import type { AudienceReportResponse, EventListResponse, LoginResponse } from './contract-types.generated.js'

export type * from './contract-types.generated.js'

/** `success` of a login. */
export type LoginSuccess = LoginResponse['convey_api']['result']['success']

/** `success` of an event list. */
export type EventListSuccess = EventListResponse['convey_api']['result']['success']

/** One `event_info` element: its attributes, and its text under `title`. */
export type EventInfo = EventListSuccess['event_list']['core_event']['event_info'][number]

/** `success` of an audience report. */
type AudienceReportSuccess = AudienceReportResponse['convey_api']['result']['success']

/** One registrant of an audience report. */
export type AttendeeJson = AudienceReportSuccess['attendee_list']['attendee'][number]

