import type { Drift } from './drifting-proxy.js'

type Tree = Record<string, unknown>

/** Applies a change to every object of a tree, depth first. */
function everyObject (node: unknown, change: (object: Tree) => void): unknown {
  if (Array.isArray(node)) {
    for (const item of node) everyObject(item, change)
  } else if (node !== null && typeof node === 'object') {
    for (const value of Object.values(node)) everyObject(value, change)
    change(node as Tree)
  }
  return node
}

/** Applies a change to every attendee of a report's tree. */
function everyAttendee (tree: unknown, change: (attendee: Tree) => void): unknown {
  return everyObject(tree, (object) => {
    const attendees = object.attendee
    if (Array.isArray(attendees)) for (const attendee of attendees as Tree[]) change(attendee)
  })
}

const NUMBERS = new Set(['returnCode', 'duration', 'eventid', 'id'])

/**
 * JSON typed as a service of another language would: `returnCode`, durations and ids as
 * numbers, `expired` as a boolean, throughout.
 */
export const NUMBERS_IN_JSON: Drift = {
  json: (tree) => everyObject(tree, (object) => {
    for (const [key, value] of Object.entries(object)) {
      if (NUMBERS.has(key) && typeof value === 'string' && /^\d+$/.test(value) && !value.startsWith('0')) object[key] = Number(value)
      if (key === 'expired' && (value === 'true' || value === 'false')) object[key] = value === 'true'
    }
  }),
}

/** A service that ignores some parameters: they are dropped before the request reaches the mock. */
export function ignoring (...parameters: string[]): Drift {
  return { query: (query) => { for (const parameter of parameters) query.delete(parameter) } }
}

/** An element renamed in XML and JSON alike. */
export function renamed (from: string, to: string): Drift {
  return {
    json: (tree) => everyObject(tree, (object) => {
      if (!(from in object)) return
      object[to] = object[from]
      Reflect.deleteProperty(object, from)
    }),
    xml: (text) => text
      .replaceAll(`<${from}>`, `<${to}>`)
      .replaceAll(`</${from}>`, `</${to}>`)
      .replaceAll(`<${from}/>`, `<${to}/>`),
  }
}

/** An attribute the contracts do not know, on every attendee, in XML and JSON alike. */
export function extraAttendeeAttribute (name: string, value: string): Drift {
  return {
    json: (tree) => everyAttendee(tree, (attendee) => { attendee[name] = value }),
    xml: (text) => text.replaceAll('<attendee email=', `<attendee ${name}="${value}" email=`),
  }
}

/** A list left out of every attendee, in XML and JSON alike. */
export function listLeftOut (list: string): Drift {
  return {
    json: (tree) => everyAttendee(tree, (attendee) => { Reflect.deleteProperty(attendee, list) }),
    xml: (text) => text.replace(new RegExp(`<${list}/>|<${list}>[\\s\\S]*?</${list}>`, 'g'), ''),
  }
}

/** CSV written with `;` between cells, as spreadsheets in much of Europe write it. */
export const SEMICOLON_CSV: Drift = { csv: (records) => ({ records, delimiter: ';' }) }
