// Generated from contracts/request-schemas.ts and contracts/response-schemas.ts by contracts/generate/contract-types.ts: do not edit.
// After changing a schema, run `npm run contracts:compile`; a test fails until then.
/* eslint-disable */

export interface LoginRequest {
  /**
   * API version
   */
  ver: '2.0'
  /**
   * the admin username
   */
  username: string
  /**
   * the admin password
   */
  password: string
}

export interface EventListRequest {
  /**
   * API version
   */
  ver?: '2.0'
  /**
   * the session id from login
   */
  si: string
  /**
   * the user id from login
   */
  ui: string
}

export interface AudienceReportRequest {
  /**
   * API version
   */
  ver: '2.0'
  /**
   * the session id from login
   */
  si: string
  /**
   * the user id from login
   */
  ui: string
  /**
   * the event
   */
  ei: string
  /**
   * the zone every time is shown in
   */
  tz?: string
  /**
   * first day of the date range
   */
  date_range_start?: string
  /**
   * last day of the date range
   */
  date_range_end?: string
  /**
   * the range applies to registrations
   */
  dr_regs?: string
  /**
   * the range applies to viewing sessions
   */
  dr_sessions?: string
  /**
   * source tracking ids
   */
  sti_filter?: string
  /**
   * email domains left out
   */
  excl_domain?: string
  /**
   * email domains kept
   */
  incl_domain?: string
  /**
   * asked a question
   */
  users_qa?: string
  /**
   * answered the survey
   */
  user_survey?: string
  /**
   * watched nothing
   */
  no_shows?: string
  /**
   * watched live
   */
  live_viewers?: string
  /**
   * watched on demand
   */
  od_viewers?: string
  /**
   * watched a sim-live rebroadcast
   */
  simlive_viewers?: string
}

export interface HealthRequest {}

export interface OpenapiRequest {}

export interface ErrorResponse {
  convey_api: {
    version: '2.0'
    currentDateTime: string
    currentTimeZone: string
    result: {
      returnCode: string
      error: {
        code: string
        description: string
        parameter?: string
      }
    }
  }
}

export interface LoginResponse {
  convey_api: {
    version: '2.0'
    currentDateTime: string
    currentTimeZone: string
    result: {
      returnCode: '1'
      success: {
        sessionid: {
          description: string
          value: string
        }
        userid: {
          description: string
          value: string
        }
      }
    }
  }
}

export interface EventListResponse {
  convey_api: {
    version: '2.0'
    currentDateTime: string
    currentTimeZone: string
    result: {
      returnCode: '1'
      success: {
        event_list: {
          core_event: {
            event_info: {
              id: string
              sched_start: string
              sched_end: string
              expired: 'true' | 'false'
              title: string
            }[]
          }
        }
      }
    }
  }
}

export interface AudienceReportResponse {
  convey_api: {
    version: '2.0'
    currentDateTime: string
    currentTimeZone: string
    result: {
      returnCode: '1'
      success: {
        eventid: string
        eventtitle: string
        attendee_list: {
          attendee: {
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
              live_sessions_list: {
                live_session: {
                  start: string
                  end: string
                  duration: string
                }[]
              }
              od_sessions_list: {
                od_session: {
                  start: string
                  end: string
                  duration: string
                }[]
              }
              simlive_sessions_list: {
                simlive_session: {
                  start: string
                  end: string
                  duration: string
                }[]
              }
            }
            questions_list: {
              question: {
                time: string
                text: string
              }[]
            }
            surveys_list: {
              survey: {
                question: string
                answer: string
                time: string
              }[]
            }
          }[]
        }
      }
    }
  }
}

export interface ReportCsvRow {
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
  sti: string
  live_sessions: string
  live_seconds: string
  od_sessions: string
  od_seconds: string
  simlive_sessions: string
  simlive_seconds: string
  first_view: '' | string
  last_view: '' | string
  questions: string
  surveys: string
}

export interface ErrorCsvRow {
  returnCode: string
  code: string
  description: string
  parameter: string
}

export interface HealthResponse {
  status: 'ok'
  /**
   * the mock's version
   */
  version: string
}

export interface OpenapiResponse {
  openapi: string
  info: {
    title: string
    /**
     * the mock's version
     */
    version: string
    [k: string]: unknown | undefined
  }
  paths: {
    [k: string]:
      | {
          [k: string]: unknown | undefined
        }
      | undefined
  }
  [k: string]: unknown | undefined
}
