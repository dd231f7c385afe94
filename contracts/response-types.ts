/** TypeScript shapes of the response trees described by `response-schemas.ts`. */

/** The header every response carries, around its `result`. */
export interface Envelope<Result> {
  convey_api: {
    version: '2.0'
    currentDateTime: string
    currentTimeZone: string
    result: Result
  }
}

/** `result` of a failed request. */
export interface ErrorResult {
  returnCode: string
  error: {
    code: string
    description: string
    parameter?: string
  }
}

/** `result` of a successful request. */
export interface SuccessResult<Success> {
  returnCode: '1'
  success: Success
}

/** A `{ description, value }` pair as login returns it. */
export interface DescribedValue {
  description: string
  value: string
}

/** `success` of a login. */
export interface LoginSuccess {
  sessionid: DescribedValue
  userid: DescribedValue
}

/** One `event_info` element: its attributes, and its text under `title`. */
export interface EventInfo {
  id: string
  sched_start: string
  sched_end: string
  expired: 'true' | 'false'
  title: string
}

/** `success` of an event list. */
export interface EventListSuccess {
  event_list: { core_event: { event_info: EventInfo[] } }
}

export type ErrorResponse = Envelope<ErrorResult>
export type LoginResponse = Envelope<SuccessResult<LoginSuccess>>
export type EventListResponse = Envelope<SuccessResult<EventListSuccess>>
