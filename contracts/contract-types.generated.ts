// Generated from contracts/request-schemas.ts and contracts/response-schemas.ts by json-schema-to-typescript: do not edit.
// After changing a schema, run `npm run contracts:compile`; a test fails until then.
/* eslint-disable */

export interface LoginRequest {
  /**
   * "2.0"
   */
  ver: '2.0'
  /**
   * the admin username, 1 to 256 characters
   */
  username: string
  /**
   * the admin password, 1 to 256 characters
   */
  password: string
}

export interface EventListRequest {
  /**
   * "2.0"
   */
  ver?: '2.0'
  /**
   * the session id from login (letters and digits)
   */
  si: string
  /**
   * the user id from login (letters and digits)
   */
  ui: string
}

export interface AudienceReportRequest {
  /**
   * "2.0"
   */
  ver: '2.0'
  /**
   * the session id from login (letters and digits)
   */
  si: string
  /**
   * the user id from login (letters and digits)
   */
  ui: string
  /**
   * a 7-digit event id
   */
  ei: string
  /**
   * an IANA time zone name, GMT or UTC
   */
  tz?: string
  /**
   * a date as mm/dd/yyyy
   */
  date_range_start?: string
  /**
   * a date as mm/dd/yyyy
   */
  date_range_end?: string
  /**
   * "on" or "off" (any case)
   */
  dr_regs?: string
  /**
   * "on" or "off" (any case)
   */
  dr_sessions?: string
  /**
   * values separated by |, at most 2048 characters
   */
  sti_filter?: string
  /**
   * values separated by |, at most 2048 characters
   */
  excl_domain?: string
  /**
   * values separated by |, at most 2048 characters
   */
  incl_domain?: string
  /**
   * "on" or "off" (any case)
   */
  users_qa?: string
  /**
   * "on" or "off" (any case)
   */
  user_survey?: string
  /**
   * "on" or "off" (any case)
   */
  no_shows?: string
  /**
   * "on" or "off" (any case)
   */
  live_viewers?: string
  /**
   * "on" or "off" (any case)
   */
  od_viewers?: string
  /**
   * "on" or "off" (any case)
   */
  simlive_viewers?: string
}

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
