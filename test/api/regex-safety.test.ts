// A regular expression cannot stall the server: `(a+)+$` over values of thirty a's and a b — which a
// backtracking engine takes seconds over, each — leaves /api/health answering promptly throughout
// the search, and the search still gives the right answer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as health } from '../../app/api/health/route';
import { GET as search } from '../../app/api/clusters/[cluster]/topics/[topic]/search/route';
import { SearchEventSchema } from '../../lib/schemas/message';
import { call, createTopic, startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await createTopic(h, 'evil-values', 1, 1);
  await h.producer.send({ topic: 'evil-values', messages: Array.from({ length: 200 }, () => ({ value: `${'a'.repeat(30)}b` })) });
  await h.producer.send({ topic: 'evil-values', messages: [{ value: 'aaaa' }] });
});
afterAll(() => h?.close());

describe('regex search', () => {
  it('(a+)+$ never delays /api/health by 100 ms', async () => {
    let worst = 0;
    let searching = true;
    const probe = (async () => {
      while (searching) {
        const started = performance.now();
        const res = await health();
        expect(res.status).toBe(200);
        worst = Math.max(worst, performance.now() - started);
        await new Promise((r) => setTimeout(r, 2));
      }
    })();
    const res = await call(search, `/api/clusters/[cluster]/topics/[topic]/search?q=${encodeURIComponent('(a+)+$')}&mode=regex&in=value`, { topic: 'evil-values' });
    const events = (await res.response.text()).trim().split('\n').map((l) => SearchEventSchema.parse(JSON.parse(l)));
    searching = false;
    await probe;
    expect(events.at(-1)).toMatchObject({ type: 'done', reason: 'end', scanned: 201, matched: 1 });
    expect(worst).toBeLessThan(100);
  });
  it('a pattern RE2 cannot run is a 400 saying why', async () => {
    const res = await call(search, `/api/clusters/[cluster]/topics/[topic]/search?q=${encodeURIComponent('(a)\\1')}&mode=regex`, { topic: 'evil-values' });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ field: 'q' });
    expect(res.body.detail).toContain('RE2');
  });
});
