// Expected failures as values the route wrapper turns into application/problem+json: services throw
// these (or let Kafka errors through, which kafka-errors.ts classifies), and nothing else decides a
// status code. Messages are written for the person reading the UI, never a stack trace.
import type { Problem } from '../schemas/common';

export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail?: string,
    readonly extra: { field?: string; kafkaError?: string } = {},
  ) {
    super(detail ? `${title}: ${detail}` : title);
    this.name = 'HttpProblem';
  }

  toProblem(): Problem {
    return {
      type: 'about:blank',
      title: this.title,
      status: this.status,
      ...(this.detail !== undefined && { detail: this.detail }),
      ...(this.extra.field !== undefined && { field: this.extra.field }),
      ...(this.extra.kafkaError !== undefined && { kafkaError: this.extra.kafkaError }),
    };
  }
}

export const badRequest = (detail: string, field?: string) => new HttpProblem(400, 'Invalid request', detail, { field });
export const forbidden = (detail: string) => new HttpProblem(403, 'Forbidden', detail);
export const notFound = (detail: string) => new HttpProblem(404, 'Not found', detail);
export const conflict = (detail: string, kafkaError?: string) => new HttpProblem(409, 'Conflict', detail, { kafkaError });
export const unsupportedMediaType = (detail: string) => new HttpProblem(415, 'Unsupported media type', detail);
export const unavailable = (detail: string) => new HttpProblem(503, 'Kafka cluster unavailable', detail);
export const kafkaFailure = (kafkaError: string, detail?: string) =>
  new HttpProblem(502, 'Kafka error', detail ?? kafkaError, { kafkaError });

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export function problemResponse(p: Problem): Response {
  return new Response(JSON.stringify(p), {
    status: p.status,
    headers: { 'content-type': PROBLEM_CONTENT_TYPE, 'cache-control': 'no-store' },
  });
}
