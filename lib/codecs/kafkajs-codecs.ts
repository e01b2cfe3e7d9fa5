// The codecs kafkajs 2.2.4 lacks (it ships only gzip), in the shape of its `CompressionCodecs`
// registry, so the app can read — and produce — batches in every codec Kafka knows. Usage:
//   import { CompressionCodecs } from 'kafkajs';
//   Object.assign(CompressionCodecs, kafkajsCodecs());

import { compress, decompress, loadCodecs } from './compression';

export interface KafkajsCodec {
  compress(encoder: { buffer: Buffer }): Promise<Buffer>;
  decompress(buffer: Buffer): Promise<Buffer>;
}

/** kafkajs CompressionTypes: Snappy = 2, LZ4 = 3, ZSTD = 4 (same numbers as the batch attributes). */
export function kafkajsCodecs(): Record<2 | 3 | 4, () => KafkajsCodec> {
  const codec = (id: 2 | 3 | 4) => (): KafkajsCodec => ({
    async compress(encoder) {
      if (id === 4) await loadCodecs();
      return compress(id, encoder.buffer);
    },
    async decompress(buffer) {
      return decompress(id, buffer);
    },
  });
  return { 2: codec(2), 3: codec(3), 4: codec(4) };
}
