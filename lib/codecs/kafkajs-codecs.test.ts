// Cross-check with kafkajs itself: batches kafkajs encodes with our codecs registered are read by
// the broker's decoder, and batches the broker builds are read by kafkajs's own batch decoder.

import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { buildRecordBatch } from '../broker/records/build';
import { decodeRecords } from '../broker/records/decode';
import { validateProducedBatches } from '../broker/records/validate';
import { kafkajsCodecs, loadCodecs } from './compression';

const require = createRequire(import.meta.url);
const { CompressionCodecs } = require('kafkajs') as { CompressionCodecs: Record<number, unknown> };
const { RecordBatch } = require('kafkajs/src/protocol/recordBatch/v0') as {
  RecordBatch: (o: object) => Promise<{ buffer: Buffer }>;
};
const Record = require('kafkajs/src/protocol/recordBatch/record/v0') as (o: object) => unknown;
const decodeBatch = require('kafkajs/src/protocol/recordBatch/v0/decoder') as (d: unknown) => Promise<{
  records: { offset: string; key: Buffer | null; value: Buffer | null; headers: Record<string, Buffer> }[];
}>;
const Decoder = require('kafkajs/src/protocol/decoder') as new (b: Buffer) => unknown;

Object.assign(CompressionCodecs, kafkajsCodecs());

describe('kafkajs codecs', () => {
  for (const [name, codec] of [['snappy', 2], ['lz4', 3], ['zstd', 4]] as const) {
    it(`${name}: kafkajs writes, the broker reads; the broker writes, kafkajs reads`, async () => {
      await loadCodecs();
      const values = Array.from({ length: 20 }, (_, i) => `value ${i} `.repeat(30));
      const encoded = await RecordBatch({
        compression: codec,
        lastOffsetDelta: values.length - 1,
        records: values.map((v, i) => Record({ offsetDelta: i, key: Buffer.from(`k${i}`), value: Buffer.from(v), headers: { h: 'x' } })),
      });
      const checked = validateProducedBatches(encoded.buffer);
      expect(checked.ok).toBe(true);
      const ours = decodeRecords(encoded.buffer);
      expect(ours.records.map((r) => r.value!.toString())).toEqual(values);
      expect(ours.records[3]!.headers).toEqual([{ key: 'h', value: Buffer.from('x') }]);

      const built = buildRecordBatch(values.map((v, i) => ({ key: Buffer.from(`k${i}`), value: Buffer.from(v) })), { compression: codec, baseOffset: 100n });
      const theirs = await decodeBatch(new Decoder(built));
      expect(theirs.records.map((r) => r.value!.toString())).toEqual(values);
      expect(theirs.records.map((r) => r.offset)).toEqual(values.map((_, i) => String(100 + i)));
    });
  }
});
