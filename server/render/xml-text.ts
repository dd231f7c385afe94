/** The declaration every XML response starts with, as in the real API's login sample. */
export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'

// Control characters are matched on purpose: XML 1.0 forbids them, so they are dropped.
// eslint-disable-next-line no-control-regex
const SPECIAL = /[&<>"'\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g
const REPLACEMENTS: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' }

/**
 * Escapes text for an XML element or a double-quoted attribute. Characters XML 1.0 forbids are
 * dropped, so a document stays well-formed whatever the data holds.
 *
 * @example
 * escapeXml('Q&A <live>') // 'Q&amp;A &lt;live&gt;'
 */
export function escapeXml (text: string): string {
  return text.replace(SPECIAL, (c) => REPLACEMENTS[c] ?? '')
}

/**
 * An element with text content.
 *
 * @example
 * textElement('value', 'a&b') // '<value>a&amp;b</value>'
 */
export function textElement (name: string, text: string): string {
  return `<${name}>${escapeXml(text)}</${name}>`
}
