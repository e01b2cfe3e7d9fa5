// An HTTP answer to a failure, as application/problem+json. Services throw domain errors
// (lib/kafka/errors.ts), which domain-problems.ts turns into these; the HTTP layer throws them itself
// only for what it alone knows (a cross-site request, a switched-off action, a wrong content type).
// Messages are written for the person reading the UI, never a stack trace.
import 'server-only';
import type { Problem } from '../schemas/common';

export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail?: string,
    readonly extra: { field?: string; kafkaError?: string; position?: { start: number; end: number }; permission?: string } = {},
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
      ...(this.extra.position !== undefined && { position: this.extra.position }),
      ...(this.extra.permission !== undefined && { permission: this.extra.permission }),
    };
  }
}

export const badRequest = (detail: string, field?: string) => new HttpProblem(400, 'Invalid request', detail, { field });
export const forbidden = (detail: string) => new HttpProblem(403, 'Forbidden', detail);
export const unauthorized = (detail: string) => new HttpProblem(401, 'Sign-in required', detail);
export const unsupportedMediaType = (detail: string) => new HttpProblem(415, 'Unsupported media type', detail);

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export function problemResponse(p: Problem): Response {
  return new Response(JSON.stringify(p), {
    status: p.status,
    headers: { 'content-type': PROBLEM_CONTENT_TYPE, 'cache-control': 'no-store' },
  });
}
