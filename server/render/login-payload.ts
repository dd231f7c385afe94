import type { LoginSuccess } from '../../contracts/response-types.js'
import type { SuccessPayload } from './envelope.js'
import { textElement } from './xml-text.js'

/** The fixed sentences of the real API's login sample (the older guide's; `contracts/README.md`, Login). */
const SESSION_ID_DESCRIPTION = 'Authenticated session ID.'
const USER_ID_DESCRIPTION = 'Authenticated user ID.'

/**
 * The `success` of a login: `sessionid` and `userid`, each a description and a value.
 *
 * @example
 * loginPayload(sessionId, userId).json().sessionid.value === sessionId
 */
export function loginPayload (sessionId: string, userId: string): SuccessPayload & { json: () => LoginSuccess } {
  return {
    json: () => ({
      sessionid: { description: SESSION_ID_DESCRIPTION, value: sessionId },
      userid: { description: USER_ID_DESCRIPTION, value: userId },
    }),
    xml: () =>
      `<sessionid>${textElement('description', SESSION_ID_DESCRIPTION)}${textElement('value', sessionId)}</sessionid>` +
      `<userid>${textElement('description', USER_ID_DESCRIPTION)}${textElement('value', userId)}</userid>`,
  }
}
