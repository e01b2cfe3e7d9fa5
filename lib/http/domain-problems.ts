// The one place that decides which HTTP status each kind of failure gets. Services throw domain
// errors (lib/kafka/errors.ts) and know nothing of HTTP; zod's errors are bad input; HttpProblem is
// for what only the HTTP layer knows (a cross-site request, a switched-off action, a wrong content
// type). Anything else is a bug: the route wrapper logs it and answers 500 without details.
import 'server-only';
import { core } from 'zod/mini';
import { fromKafkaError, type DomainError, type DomainErrorKind } from '../kafka/errors';
import { HttpProblem, badRequest } from './problem';

const STATUS: Record<DomainErrorKind, { status: number; title: string }> = {
  'not-found': { status: 404, title: 'Not found' },
  invalid: { status: 400, title: 'Invalid request' },
  conflict: { status: 409, title: 'Conflict' },
  rejected: { status: 400, title: 'Rejected by Kafka' },
  'kafka-error': { status: 502, title: 'Kafka error' },
  unavailable: { status: 503, title: 'Kafka cluster unavailable' },
  'timed-out': { status: 504, title: 'Kafka cluster did not answer in time' },
  busy: { status: 429, title: 'Too many long-running requests' },
};

/** Titles when the cluster's Schema Registry, not Kafka, is at fault. */
const REGISTRY_TITLES: Partial<Record<DomainErrorKind, string>> = {
  rejected: 'Rejected by the schema registry',
  'kafka-error': 'Schema registry error',
  unavailable: 'Schema registry unavailable',
  'timed-out': 'Schema registry did not answer in time',
};

export function problemOfDomainError(e: DomainError): HttpProblem {
  const { status } = STATUS[e.kind];
  const title = (e.details.service === 'schema-registry' && REGISTRY_TITLES[e.kind]) || STATUS[e.kind].title;
  return new HttpProblem(status, title, e.detail, { field: e.details.field, kafkaError: e.details.kafkaError, position: e.details.position });
}

function zodProblem(err: core.$ZodError): HttpProblem {
  const issue = err.issues[0];
  const field = issue && issue.path.length > 0 ? issue.path.map(String).join('.') : undefined;
  return badRequest(issue ? (field ? `${field}: ${issue.message}` : issue.message) : 'Invalid input', field);
}

/** The problem a thrown value stands for, or null when it is a bug. */
export function classifyError(err: unknown): HttpProblem | null {
  if (err instanceof HttpProblem) return err;
  // Every zod schema's error, classic (lib/config) or mini (lib/schemas), is a $ZodError.
  if (err instanceof core.$ZodError) return zodProblem(err);
  const domain = fromKafkaError(err);
  return domain ? problemOfDomainError(domain) : null;
}
