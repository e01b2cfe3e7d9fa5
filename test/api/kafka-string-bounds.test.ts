// Config names and values travel as Kafka STRINGs, whose length is a 16-bit number: a longer one
// cannot be encoded at all (kafkajs threw a RangeError, answered as 500). They are refused as 400
// naming the field, before any request to Kafka; one just within the limit still reaches Kafka.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST as createTopic } from '../../app/api/clusters/[cluster]/topics/route';
import { PUT as updateConfigs } from '../../app/api/clusters/[cluster]/topics/[topic]/configs/route';
import { ProblemSchema } from '../../lib/schemas/common';
import { call, createTopic as seedTopic, startHarness, uniqueName, type Harness } from './harness';

let h: Harness;
const topic = 'bounds-topic';
beforeAll(async () => {
  h = await startHarness();
  await seedTopic(h, topic);
});
afterAll(() => h?.close());

const problem = (r: { status: number; body: unknown }) => ({ ...ProblemSchema.parse(r.body), status: r.status });

describe('config names and values longer than Kafka can encode', () => {
  it('a 40,000-character config name creating a topic is 400 naming the field', async () => {
    const body = { name: uniqueName('bounds'), partitions: 1, replicationFactor: 1, configs: { ['x'.repeat(40_000)]: '1' } };
    const p = problem(await call(createTopic, '/api/clusters/[cluster]/topics', {}, { method: 'POST', body }));
    expect(p).toMatchObject({ status: 400, field: 'configs' });
    expect(p.detail).toContain('32767');
    expect(p.detail!.length).toBeLessThan(300);
  });
  it('a 40,000-character config name or value when editing configs is 400 naming the field', async () => {
    const byName = problem(await call(updateConfigs, '/api/clusters/[cluster]/topics/[topic]/configs', { topic }, { method: 'PUT', body: { configs: { ['n'.repeat(40_000)]: '1' } } }));
    expect(byName).toMatchObject({ status: 400, field: 'configs' });
    const byValue = problem(await call(updateConfigs, '/api/clusters/[cluster]/topics/[topic]/configs', { topic }, { method: 'PUT', body: { configs: { 'cleanup.policy': 'v'.repeat(40_000) } } }));
    expect(byValue).toMatchObject({ status: 400, field: 'configs' });
    expect(byValue.detail).toContain('cleanup.policy');
  });
  it('counts bytes as Kafka does: 20,000 three-byte characters are too many', async () => {
    const p = problem(await call(updateConfigs, '/api/clusters/[cluster]/topics/[topic]/configs', { topic }, { method: 'PUT', body: { configs: { 'cleanup.policy': '€'.repeat(20_000) } } }));
    expect(p).toMatchObject({ status: 400, field: 'configs' });
    expect(p.detail).toContain('60000 bytes');
  });
  it('a name within the limit reaches Kafka, which judges it', async () => {
    const r = await call(updateConfigs, '/api/clusters/[cluster]/topics/[topic]/configs', { topic }, { method: 'PUT', body: { configs: { ['y'.repeat(32_767)]: '1' } } });
    expect(r.status).not.toBe(500);
    expect(r.status).toBeGreaterThanOrEqual(400);
  });
});
