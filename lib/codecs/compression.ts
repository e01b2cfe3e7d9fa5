// Compression codecs of Kafka record batches, shared by the embedded broker (which decodes only to
// look inside a batch: timestamps lookup, compaction, tests) and the app (whose kafkajs client has
// only gzip built in). Codec numbers are the batch attribute bits 0-2: 0 none, 1 gzip, 2 snappy,
// 3 lz4 (the LZ4 frame format, lz4-frame.ts), 4 zstd. All pure JS or bundled wasm, so nothing needs a native build.
//
// zstd: decompression (fzstd) is synchronous and always available; compression uses the zstd-codec
// wasm module, which can only be started asynchronously — call `await loadCodecs()` once before a
// synchronous `compress(4, ...)` (kafkajsCodecs() does this by itself).

import { gunzipSync, gzipSync } from 'node:zlib';
import { decompress as zstdDecompress } from 'fzstd';
import type { ZstdSimple } from 'zstd-codec';
import { lz4Compress, lz4Decompress } from './lz4-frame';
import { snappyCompressFramed, snappyDecompress } from './xerial-snappy';

export type CodecId = 0 | 1 | 2 | 3 | 4;

export const CODEC_NAMES: Readonly<Record<CodecId, string>> = {
  0: 'none',
  1: 'gzip',
  2: 'snappy',
  3: 'lz4',
  4: 'zstd',
};

export class UnsupportedCodecError extends Error {}

let zstd: ZstdSimple | null = null;
let zstdLoading: Promise<void> | null = null;

/** Starts the codecs that need asynchronous set-up (zstd compression). Safe to call many times. */
export function loadCodecs(): Promise<void> {
  zstdLoading ??= import('zstd-codec').then(
    (mod) =>
      new Promise<void>((resolve) => {
        const codec = (mod as { ZstdCodec?: typeof mod.ZstdCodec }).ZstdCodec ??
          (mod as unknown as { default: typeof mod }).default.ZstdCodec;
        codec.run((binding) => {
          zstd = new binding.Simple();
          resolve();
        });
      }),
  );
  return zstdLoading;
}

export function compress(codec: number, buf: Buffer): Buffer {
  switch (codec) {
    case 0:
      return buf;
    case 1:
      return gzipSync(buf);
    case 2:
      return snappyCompressFramed(buf);
    case 3:
      return lz4Compress(buf);
    case 4: {
      if (!zstd) throw new UnsupportedCodecError('zstd compression is not loaded yet: await loadCodecs() first');
      const out = zstd.compress(buf, 3);
      if (!out) throw new Error('zstd compression failed');
      return toBuffer(out);
    }
    default:
      throw new UnsupportedCodecError(`Unknown compression codec ${codec}`);
  }
}

export function decompress(codec: number, buf: Buffer): Buffer {
  switch (codec) {
    case 0:
      return buf;
    case 1:
      return gunzipSync(buf);
    case 2:
      return snappyDecompress(buf);
    case 3:
      return lz4Decompress(buf);
    case 4:
      return toBuffer(zstdDecompress(buf));
    default:
      throw new UnsupportedCodecError(`Unknown compression codec ${codec}`);
  }
}

/** Whether `compress(codec, ...)` can run synchronously right now. */
export function canCompress(codec: number): boolean {
  if (codec === 4) return zstd !== null;
  return codec >= 0 && codec <= 3;
}

function toBuffer(u: Uint8Array): Buffer {
  return Buffer.isBuffer(u) ? u : Buffer.from(u.buffer, u.byteOffset, u.byteLength);
}

export { kafkajsCodecs } from './kafkajs-codecs';
