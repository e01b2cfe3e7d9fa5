// The create-topic catalog (components/topics/topic-config-catalog.ts) against the broker's own table
// of topic configs, the one that decides what is accepted.
import { describe, expect, it } from 'vitest';
import { TOPIC_CONFIG_KEYS } from '../lib/broker/topic-config';
import { TOPIC_CONFIG_DOCS, retentionMs, topicConfigDoc, unknownConfigNames } from '../components/topics/topic-config-catalog';

describe('the create-topic config catalog', () => {
  it('names exactly the configs the broker accepts, with the same types', () => {
    const ui = TOPIC_CONFIG_DOCS.map((c) => [c.name, c.type]).sort();
    const broker = TOPIC_CONFIG_KEYS.map((k) => [k.name, k.type]).sort();
    expect(ui).toEqual(broker);
  });
  it('flags unknown names and documents known ones', () => {
    expect(unknownConfigNames(['retention.ms', 'retention.msx', ' ', 'min.insync.replicas'])).toEqual(['retention.msx']);
    expect(topicConfigDoc(' min.insync.replicas ')?.type).toBe('int');
  });
  it('turns a custom retention with units into milliseconds', () => {
    expect(retentionMs('90', 'minutes')).toBe('5400000');
    expect(retentionMs('14', 'days')).toBe('1209600000');
    expect(retentionMs('0', 'hours')).toBeNull();
    expect(retentionMs('1.5', 'hours')).toBeNull();
  });
});
