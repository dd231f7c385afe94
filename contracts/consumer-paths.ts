/**
 * What the one public consumer of the API reads (a PHP plugin for a marketing-automation tool,
 * 2016; see "Sources" in `contracts/README.md`), as paths in the decoded tree. Something missing
 * or unreadable here breaks a consumer that exists, which the drift report says.
 *
 * @example
 * PUBLIC_CONSUMER_PATHS.includes('/convey_api/result/returnCode') // true
 */
export const PUBLIC_CONSUMER_PATHS: readonly string[] = [
  '/convey_api/result/returnCode',
  '/convey_api/result/success/sessionid/value',
  '/convey_api/result/success/userid/value',
  '/convey_api/result/success/event_list/core_event/event_info',
  '/convey_api/result/success/event_list/core_event/event_info[*]/id',
  '/convey_api/result/success/event_list/core_event/event_info[*]/sched_end',
  '/convey_api/result/success/event_list/core_event/event_info[*]/title',
  '/convey_api/result/success/eventtitle',
  '/convey_api/result/success/attendee_list/attendee',
  '/convey_api/result/success/attendee_list/attendee[*]/email',
  '/convey_api/result/success/attendee_list/attendee[*]/session/live_sessions_list',
  '/convey_api/result/success/attendee_list/attendee[*]/session/od_sessions_list',
]
