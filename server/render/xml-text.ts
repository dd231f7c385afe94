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

// Attribute values also keep tab, CR and LF as character references: a parser normalises them
// to spaces otherwise (XML 1.0, section 3.3.3).
// eslint-disable-next-line no-control-regex
const ATTRIBUTE_SPECIAL = /[&<>"'\u0000-\u001f\ufffe\uffff]/g
const ATTRIBUTE_REPLACEMENTS: Record<string, string> = { ...REPLACEMENTS, '\t': '&#9;', '\n': '&#10;', '\r': '&#13;' }

/**
 * Escapes text for a double-quoted attribute value, keeping line breaks and tabs.
 *
 * @example
 * escapeXmlAttribute('Suite 5\nBuilding B') // 'Suite 5&#10;Building B'
 */
export function escapeXmlAttribute (text: string): string {
  ATTRIBUTE_SPECIAL.lastIndex = 0
  return ATTRIBUTE_SPECIAL.test(text) ? text.replace(ATTRIBUTE_SPECIAL, (c) => ATTRIBUTE_REPLACEMENTS[c] ?? '') : text
}
