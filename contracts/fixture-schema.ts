/**
 * The JSON Schema (draft 2020-12) of a fixture file: the accounts, events and registrants a user
 * gives the mock with `webcast-mock serve --fixtures FILE`, in YAML or JSON. The loader
 * (`fixtures/load-fixtures.ts`) validates each file against it, then checks what a schema cannot
 * say (ids taken twice, windows, sessions of a kind the event does not offer). `npm run
 * contracts:compile` writes it to `contracts/fixtures.schema.json`, for editors, and compiles
 * its types into `contracts/fixture-types.generated.ts`; `contracts/README.md`, Fixture files,
 * gives the decisions.
 */
import { REGISTRATION_ATTRIBUTES } from './wire-format.js'

/**
 * The schema's `$id`: an identifier, not an address the mock serves. Editors find the schema by
 * the path of `contracts/fixtures.schema.json` in the installed package (see the README).
 */
export const FIXTURES_SCHEMA_ID = 'https://webcast-mock.dev/schemas/fixtures.json'

const time = (description: string): { $ref: string, description: string } =>
  ({ $ref: '#/$defs/fixtureTime', description })
const text = (description: string): { type: 'string', description: string } => ({ type: 'string', description })
const weights = (description: string): Record<string, unknown> => ({
  type: 'object',
  minProperties: 1,
  additionalProperties: { type: 'number', exclusiveMinimum: 0 },
  description,
})
const fraction = (description: string): { type: 'number', minimum: 0, maximum: 1, description: string } =>
  ({ type: 'number', minimum: 0, maximum: 1, description })

/** The schema; its `$defs` names are what the loader's messages are keyed by. */
export const FIXTURES_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: FIXTURES_SCHEMA_ID,
  title: 'webcast-mock fixture file',
  description: 'Accounts, events and registrants for the webcast-mock server: webcast-mock serve --fixtures FILE.',
  type: 'object',
  additionalProperties: false,
  required: ['events'],
  patternProperties: {
    '^x-': { description: 'Anything, ignored: a place for YAML anchors (&name) that events and registrants share.' },
  },
  properties: {
    $schema: text('Where editors find this schema, e.g. ./node_modules/webcast-mock/contracts/fixtures.schema.json.'),
    mode: {
      enum: ['extend', 'replace'],
      default: 'extend',
      description: 'extend: the events come after those of the seeded default dataset, whose accounts stay. ' +
        'replace: the default events and the restricted admin are left out (when any file says so); ' +
        'the demo admin stays and sees every event.',
    },
    accounts: {
      type: 'array',
      description: 'Admins who can log in, besides the demo admin.',
      items: { $ref: '#/$defs/fixtureAccount' },
    },
    events: {
      type: 'array',
      description: 'The events this file adds, in the order the event list shows them.',
      items: { $ref: '#/$defs/fixtureEvent' },
    },
  },
  $defs: {
    fixtureEventId: {
      type: ['string', 'integer'],
      pattern: '^\\d{7}$',
      minimum: 1_000_000,
      maximum: 9_999_999,
      description: 'Seven digits, as `ei` takes it; unquoted in YAML it is a number, which is fine.',
    },
    fixtureTime: {
      type: 'string',
      format: 'date-time',
      description: 'ISO 8601 with seconds and an offset: 2026-03-10T15:00:00Z or 2026-03-10T10:00:00-05:00.',
    },
    fixtureWindow: {
      type: 'object',
      additionalProperties: false,
      required: ['start', 'end'],
      properties: {
        start: time('When it starts.'),
        end: time('When it ends: after the start.'),
      },
    },
    fixtureAccount: {
      type: 'object',
      additionalProperties: false,
      required: ['username', 'password', 'events'],
      properties: {
        username: { type: 'string', minLength: 1, description: 'Matched without regard to case.' },
        password: { type: 'string', minLength: 1 },
        events: {
          description: 'all, or the ids of the events this admin may view: this file\'s, another file\'s, ' +
            'or (with mode extend) the default dataset\'s.',
          oneOf: [
            { const: 'all' },
            { type: 'array', items: { $ref: '#/$defs/fixtureEventId' } },
          ],
        },
      },
    },
    fixtureEvent: {
      type: 'object',
      additionalProperties: false,
      required: ['id', 'title', 'kind', 'live'],
      description: 'One webcast. live is its scheduled window (sched_start, sched_end): live sessions fall in ' +
        'it, on-demand ones after it. simlive is the rebroadcast window of a live_simlive event, a day after ' +
        'the live one unless given.',
      properties: {
        id: { $ref: '#/$defs/fixtureEventId', description: 'Seven digits, unique among every event served.' },
        title: { type: 'string', minLength: 1 },
        kind: {
          enum: ['live', 'live_simlive', 'on_demand'],
          description: 'live: a live broadcast; live_simlive: one followed by a simulated-live rebroadcast; ' +
            'on_demand: on-demand viewing only. Every kind is viewable on demand after the live window.',
        },
        live: { $ref: '#/$defs/fixtureWindow' },
        simlive: { $ref: '#/$defs/fixtureWindow' },
        expired: { type: 'boolean', default: false },
        sti: {
          type: 'array',
          description: 'The source tracking ids registrants come through; the explicit registrants\' ones ' +
            'unless given. Generated registrants draw from these.',
          items: { $ref: '#/$defs/fixtureSti' },
        },
        registrants: {
          type: 'array',
          description: 'Registrants given one by one; reports list them by registration time, then email.',
          items: { $ref: '#/$defs/fixtureRegistrant' },
        },
        generate: { $ref: '#/$defs/fixtureGenerate' },
      },
    },
    fixtureSti: {
      type: 'string',
      pattern: '^[^|]+$',
      description: 'A source tracking id; no |, since sti_filter separates values with it.',
    },
    fixtureRegistrant: {
      type: 'object',
      additionalProperties: false,
      required: ['email', 'registered'],
      properties: {
        email: {
          type: 'string',
          pattern: '^[^\\s@]+@[^\\s@]+$',
          description: 'Unique within the event, without regard to case.',
        },
        ...Object.fromEntries(REGISTRATION_ATTRIBUTES.map((name) => [name, text('Empty unless given.')])),
        registered: time('When the registrant registered (reg_date); nothing of theirs happens before.'),
        sti: { $ref: '#/$defs/fixtureSti' },
        sessions: { type: 'array', items: { $ref: '#/$defs/fixtureSession' } },
        questions: { type: 'array', items: { $ref: '#/$defs/fixtureQuestion' } },
        surveys: { type: 'array', items: { $ref: '#/$defs/fixtureSurvey' } },
      },
    },
    fixtureSession: {
      type: 'object',
      additionalProperties: false,
      required: ['kind', 'start', 'end'],
      properties: {
        kind: {
          enum: ['live', 'simlive', 'on_demand'],
          description: 'live: in the live window; simlive: in the rebroadcast window; on_demand: after the ' +
            'live window ends.',
        },
        start: time('When the viewer joined.'),
        end: time('When the viewer left: after the start.'),
      },
    },
    fixtureQuestion: {
      type: 'object',
      additionalProperties: false,
      required: ['time', 'text'],
      properties: { time: time('When it was asked.'), text: { type: 'string', minLength: 1 } },
    },
    fixtureSurvey: {
      type: 'object',
      additionalProperties: false,
      required: ['question', 'answer', 'time'],
      properties: {
        question: { type: 'string', minLength: 1 },
        answer: { type: 'string' },
        time: time('When it was answered.'),
      },
    },
    fixtureGenerate: {
      type: 'object',
      additionalProperties: false,
      required: ['count'],
      description: 'Registrants generated as the default dataset\'s are, besides any given one by one.',
      properties: {
        count: { type: 'integer', minimum: 0, maximum: 99_999_999 },
        seed: {
          type: 'integer',
          minimum: 0,
          maximum: 4_294_967_295,
          description: 'The same seed gives the same registrants; the dataset\'s seed (--seed) unless given.',
        },
        proportions: { $ref: '#/$defs/fixtureProportions' },
        domains: {
          ...weights('Email domains with their weights (any positive numbers), in place of the generator\'s ' +
            'own corporate and free-mail domains.'),
          propertyNames: { pattern: '^[^\\s@|]+$' },
        },
        sti_weights: weights('The weight of each of the event\'s sti values, in place of an even draw.'),
        registered: {
          type: 'object',
          additionalProperties: false,
          required: ['from_days', 'to_days'],
          description: 'Registrations spread evenly from from_days to to_days after the live start (negative: ' +
            'before); -21 to 7 unless given.',
          properties: {
            from_days: { type: 'number', minimum: -3650, maximum: 3650 },
            to_days: { type: 'number', minimum: -3650, maximum: 3650 },
          },
        },
        session_minutes: {
          type: 'object',
          additionalProperties: false,
          description: 'Typical minutes of a session of each way of watching: each is drawn from half to one and ' +
            'a half times it, within its window. Unless given: live and sim-live up to the window\'s length, ' +
            'on demand 2 to 40.',
          properties: Object.fromEntries(['live', 'simlive', 'on_demand'].map((kind) =>
            [kind, { type: 'number', minimum: 1, maximum: 1440 }])),
        },
      },
    },
    fixtureProportions: {
      type: 'object',
      additionalProperties: false,
      description: 'Fractions from 0 to 1; the default dataset\'s where left out. An event only has what ' +
        'its kind offers, and no one watches after 2026-11-27 or before registering.',
      properties: {
        no_shows: fraction('Registrants who watch nothing; unless given, it follows from the three below.'),
        live: fraction('Registrants who watch live (default 0.45).'),
        simlive: fraction('Registrants who watch the sim-live rebroadcast (default 0.15).'),
        on_demand: fraction('Registrants who watch on demand (default 0.2; 0.55 on on_demand events).'),
        qa: fraction('Live and sim-live viewers who ask questions (default 0.2).'),
        survey: fraction('Viewers who answer the survey (default 0.3).'),
        sti: fraction('Registrants who came through one of the event\'s sti values (default 0.6).'),
      },
    },
  },
} as const
