import { registrantsOf, type WebcastEvent } from '../../fixtures/dataset.js'
import type { Registrant } from '../../fixtures/registrant.js'
import type { SubjectPredicate } from '../../contracts/filter-semantics.js'

/**
 * The registrants of an event that satisfy every predicate, in report order, one at a time:
 * nothing is collected, so a report of a million streams in bounded memory.
 *
 * @example
 * [...selectRegistrants(event, readReportQuery(params).predicates)].length
 */
export function * selectRegistrants (
  event: WebcastEvent,
  predicates: readonly SubjectPredicate[],
): Generator<Registrant, void, undefined> {
  for (const registrant of registrantsOf(event)) {
    if (predicates.every((keep) => keep(registrant))) yield registrant
  }
}
