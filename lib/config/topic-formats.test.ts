// Formats per topic pattern: where rules come from, which cluster and topic they reach, which rule
// wins, and that a mistake stops start-up naming the variable or the file's line.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, loadAppConfig, topicFormats } from './index';

const dir = mkdtempSync(join(tmpdir(), 'kafscope-topic-formats-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const two = { KAFKA_CLUSTERS_0_NAME: 'prod', KAFKA_CLUSTERS_0_BOOTSTRAPSERVERS: 'p:9092', KAFKA_CLUSTERS_1_NAME: 'dev', KAFKA_CLUSTERS_1_BOOTSTRAPSERVERS: 'd:9092' };

function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    if (err instanceof ConfigError) return err.message;
    throw err;
  }
  throw new Error('no ConfigError');
}

describe('formats per topic pattern', () => {
  it('reach the clusters they name; the first rule that sets a format wins, the cluster default fills the rest', () => {
    const config = loadAppConfig({
      ...two,
      MESSAGE_KEYFORMAT: 'text',
      KAFSCOPE_TOPIC_FORMATS: JSON.stringify([
        { clusters: ['prod'], topics: ['payments.*'], valueFormat: 'AVRO' },
        { topics: ['payments.refunds'], keyFormat: 'long', valueFormat: 'json' },
        { topics: ['/metrics-[0-9]+/'], valueFormat: 'msgpack' },
      ]),
    });
    const [prod, dev] = config.clusters;
    const of = (c: typeof prod, topic: string) => topicFormats(c!.topicFormats ?? [], topic, c!.formats);
    expect(of(prod, 'payments.refunds')).toEqual({ key: 'long', value: 'avro' });
    expect(of(dev, 'payments.refunds')).toEqual({ key: 'long', value: 'json' });
    expect(of(dev, 'payments.cards')).toEqual({ key: 'text', value: 'auto' });
    expect(of(prod, 'metrics-42')).toEqual({ key: 'text', value: 'msgpack' });
    expect(of(prod, 'metrics-x')).toEqual({ key: 'text', value: 'auto' });
  });

  it('come from the file too, before the variable', () => {
    const path = join(dir, 'formats.yaml');
    writeFileSync(path, ['clusters:', '  - name: prod', '    bootstrapServers: p:9092', 'topicFormats:', '  - topics: ["orders"]', '    valueFormat: protobuf', ''].join('\n'));
    const config = loadAppConfig({ KAFSCOPE_CONFIG: path, KAFSCOPE_TOPIC_FORMATS: '[{"topics":["orders","logs"],"valueFormat":"text"}]' });
    const c = config.clusters[0]!;
    expect(topicFormats(c.topicFormats ?? [], 'orders', c.formats).value).toBe('protobuf');
    expect(topicFormats(c.topicFormats ?? [], 'logs', c.formats).value).toBe('text');
  });

  it('a mistake stops start-up naming where it is', () => {
    expect(errorOf(() => loadAppConfig({ ...two, KAFSCOPE_TOPIC_FORMATS: '{not json' }))).toMatch(/^KAFSCOPE_TOPIC_FORMATS: must be a JSON list/);
    expect(errorOf(() => loadAppConfig({ ...two, KAFSCOPE_TOPIC_FORMATS: '[{"topics":["a"]}]' }))).toMatch(/^KAFSCOPE_TOPIC_FORMATS: 0: needs keyFormat, valueFormat or both/);
    expect(errorOf(() => loadAppConfig({ ...two, KAFSCOPE_TOPIC_FORMATS: '[{"topics":["a"],"valueFormat":"xml"}]' }))).toMatch(/^KAFSCOPE_TOPIC_FORMATS \(rule 0, valueFormat\): must be one of/);
    expect(errorOf(() => loadAppConfig({ ...two, KAFSCOPE_TOPIC_FORMATS: '[{"topic":["a"],"valueFormat":"json"}]' }))).toMatch(/^KAFSCOPE_TOPIC_FORMATS: /);
    const path = join(dir, 'bad.yaml');
    writeFileSync(path, ['clusters:', '  - name: prod', '    bootstrapServers: p:9092', 'topicFormats:', '  - topics: ["orders"]', '    valueFormat: yaml', ''].join('\n'));
    expect(errorOf(() => loadAppConfig({ KAFSCOPE_CONFIG: path }))).toMatch(new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:6: .*valueFormat.*must be one of`));
  });
});
