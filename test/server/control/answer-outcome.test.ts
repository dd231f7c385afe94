import t from 'tap'
import { ERROR_CATALOGUE } from '../../../contracts/error-catalogue.js'
import { readOutcome, type AnswerOutcome } from '../../../server/control/answer-outcome.js'
import { renderError, renderSuccess } from '../../../server/render/envelope.js'
import { loginPayload } from '../../../server/render/login-payload.js'

const HEADER = { currentDateTime: '2026-11-27 23:39:44', currentTimeZone: 'America/Argentina/ComodRivadavia' }

function outcomeOf (body: string | Buffer): AnswerOutcome {
  const outcome = { returnCode: null, errorCode: null }
  readOutcome(body, outcome)
  return outcome
}

t.test('every error of the catalogue, in every format, as the envelope writer writes it', async (t) => {
  for (const [code, { returnCode }] of Object.entries(ERROR_CATALOGUE)) {
    for (const format of ['xml', 'json', 'csv'] as const) {
      const body = renderError(format, HEADER, { code: code as keyof typeof ERROR_CATALOGUE, description: 'Why, "1".',
        parameter: 'si' })
      t.strictSame(outcomeOf(body), { returnCode, errorCode: code }, `${code} in ${format}`)
      t.strictSame(outcomeOf(Buffer.from(body)), { returnCode, errorCode: code }, `${code} in ${format}, as bytes`)
    }
  }
})

t.test('a success has returnCode 1 and no error; a body without an envelope leaves both as they were', async (t) => {
  for (const format of ['xml', 'json'] as const) {
    t.strictSame(outcomeOf(renderSuccess(format, HEADER, loginPayload('a'.repeat(40), 'b'.repeat(40)))),
      { returnCode: 1, errorCode: null }, format)
  }
  t.strictSame(outcomeOf('email,fname\r\nann@acme.com,Ann\r\n'), { returnCode: null, errorCode: null }, 'a CSV report')
  t.strictSame(outcomeOf('{"status":"ok"}'), { returnCode: null, errorCode: null }, 'the mock\'s own JSON')
  t.strictSame(outcomeOf(''), { returnCode: null, errorCode: null }, 'an empty body')
  const far = Buffer.from(`${' '.repeat(600)}<returnCode>7</returnCode>`)
  t.strictSame(outcomeOf(far), { returnCode: null, errorCode: null }, 'bytes are read no further than their start')
})

t.test('a head that breaks off or holds no number reads as null', async (t) => {
  t.strictSame(outcomeOf('<x><returnCode>7'), { returnCode: null, errorCode: null })
  t.strictSame(outcomeOf('<x><returnCode></returnCode>'), { returnCode: null, errorCode: null })
  t.strictSame(outcomeOf('<x><returnCode>7a</returnCode><code>x'), { returnCode: null, errorCode: null })
  t.strictSame(outcomeOf('{"returnCode":"7","error":{}}'), { returnCode: 7, errorCode: null })
  t.strictSame(outcomeOf('returnCode,code'), { returnCode: null, errorCode: null })
  t.strictSame(outcomeOf('returnCode,code\r\n7'), { returnCode: null, errorCode: null })
  t.strictSame(outcomeOf('returnCode,code\r\n7,invalid_session'), { returnCode: 7, errorCode: null })
})
