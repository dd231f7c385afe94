import { asOf, settledAt } from '../../fixtures/as-of.js'
import { registrantsOf, type WebcastEvent } from '../../fixtures/dataset.js'
import type { Registrant } from '../../fixtures/registrant.js'
import type { SubjectPredicate } from '../../contracts/filter-semantics.js'

/**
 * The registrants of an event as of a moment (what has happened by then, `fixtures/as-of.ts`)
 * that satisfy every predicate, in report order, one at a time: nothing is collected, so a
 * report of a million streams in bounded memory.
 *
 * @example
 * [...selectRegistrants(event, readReportQuery(params).predicates, DATA_AS_OF)].length
 */
export function * selectRegistrants (
  event: WebcastEvent,
  predicates: readonly SubjectPredicate[],
  now: number,
): Generator<Registrant, void, undefined> {
  const settled = now >= settledAt(event)
  for (const generated of registrantsOf(event)) {
    const registrant = settled ? generated : asOf(generated, now)
    if (predicates.every((keep) => keep(registrant))) yield registrant
  }
}
