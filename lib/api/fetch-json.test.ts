import { describe, expect, it } from 'vitest';
import { z } from 'zod/mini';
import { ApiError, parseResponse, withQuery } from './fetch-json';

const problem = (body: unknown, status: number) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/problem+json' } });

describe('parseResponse', () => {
  it('turns a problem document into an ApiError with its field', async () => {
    const res = problem({ title: 'Invalid request', status: 400, detail: 'Replication factor 5 is too large', field: 'replicationFactor' }, 400);
    const err = await parseResponse(res, z.object({})).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).status).toBe(400);
    expect((err as ApiError).field).toBe('replicationFactor');
    expect((err as ApiError).message).toBe('Invalid request: Replication factor 5 is too large');
  });

  it('still reports a failure whose body is not a problem document', async () => {
    const err = (await parseResponse(new Response('gateway down', { status: 502, statusText: 'Bad Gateway' }), z.object({})).catch(
      (e: unknown) => e,
    )) as ApiError;
    expect(err.status).toBe(502);
    expect(err.problem.detail).toBe('gateway down');
  });

  it('rejects a success body that does not match the schema', async () => {
    const err = (await parseResponse(Response.json({ offset: 5 }), z.object({ offset: z.string() })).catch((e: unknown) => e)) as ApiError;
    expect(err).toBeInstanceOf(ApiError);
    expect(err.problem.title).toBe('Unexpected response from the server');
    expect(err.problem.detail).toContain('offset');
  });

  it('keeps 64-bit offsets as strings', async () => {
    const body = await parseResponse(Response.json({ offset: '9223372036854775807' }), z.object({ offset: z.string() }));
    expect(body.offset).toBe('9223372036854775807');
  });
});

describe('withQuery', () => {
  it('leaves out empty values', () => {
    expect(withQuery('/api/topics', { q: '', page: 2, internal: undefined, sort: 'name' })).toBe('/api/topics?page=2&sort=name');
    expect(withQuery('/api/x', {})).toBe('/api/x');
  });
});
