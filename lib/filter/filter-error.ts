// What can go wrong with a user's filter, in the filter's own terms: the expression does not parse
// or type-check (with the position to point at), or its evaluation went over a time budget. The
// services turn these into domain errors (lib/kafka/filtering), so lib/filter knows nothing of Kafka
// or HTTP.
export class FilterError extends Error {
  constructor(
    readonly kind: 'expression' | 'budget',
    /** One sentence for the person who typed the filter. */
    readonly detail: string,
    /** Character offsets in the expression, end exclusive. */
    readonly position?: { start: number; end: number },
  ) {
    super(detail);
    this.name = 'FilterError';
  }
}
