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

/** One viewing session: times in the report's zone, duration in whole seconds. */
export interface SessionJson {
  start: string
  end: string
  duration: string
}

/** One registrant of an audience report. */
export interface AttendeeJson {
  email: string
  fname: string
  lname: string
  company: string
  title: string
  address1: string
  address2: string
  city: string
  state: string
  country: string
  postalcode: string
  phone: string
  reg_date: string
  sti?: string
  session: {
    live_sessions_list: { live_session: SessionJson[] }
    od_sessions_list: { od_session: SessionJson[] }
    simlive_sessions_list: { simlive_session: SessionJson[] }
  }
  questions_list: { question: Array<{ time: string, text: string }> }
  surveys_list: { survey: Array<{ question: string, answer: string, time: string }> }
}

/** `success` of an audience report. */
export interface AudienceReportSuccess {
  eventid: string
  eventtitle: string
  attendee_list: { attendee: AttendeeJson[] }
}

export type ErrorResponse = Envelope<ErrorResult>
export type AudienceReportResponse = Envelope<SuccessResult<AudienceReportSuccess>>
export type LoginResponse = Envelope<SuccessResult<LoginSuccess>>
export type EventListResponse = Envelope<SuccessResult<EventListSuccess>>
