import t from 'tap'
import { decodeXml } from '../../contracts/decode-xml.js'

t.test('decodeXml', async (t) => {
  t.test('keeps every value a string, as on the wire', async (t) => {
    t.strictSame(
      decodeXml('<?xml version="1.0"?><convey_api version="2.0">' +
        '<result><returnCode>1</returnCode></result></convey_api>'),
      { convey_api: { version: '2.0', result: { returnCode: '1' } } },
    )
  })

  t.test('makes list items arrays, also one alone', async (t) => {
    t.strictSame(decodeXml('<core_event><event_info id="1">A</event_info></core_event>'),
      { core_event: { event_info: [{ id: '1', title: 'A' }] } })
  })

  t.test('makes an empty list an empty array, written either way', async (t) => {
    t.strictSame(decodeXml('<event_list><core_event></core_event></event_list>'),
      { event_list: { core_event: { event_info: [] } } })
    t.strictSame(decodeXml('<event_list><core_event/></event_list>'),
      { event_list: { core_event: { event_info: [] } } })
  })

  t.test('decodes the five predefined entities in text and attributes', async (t) => {
    t.strictSame(decodeXml('<core_event><event_info id="&quot;&apos;">&amp;&lt;&gt;</event_info></core_event>'),
      { core_event: { event_info: [{ id: '"\'', title: '&<>' }] } })
  })

  t.test('throws a SyntaxError on XML that is not well-formed', async (t) => {
    t.throws(() => decodeXml('<a><b></a>'), SyntaxError)
  })
})
