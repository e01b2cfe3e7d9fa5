import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { canCompress, compress, decompress, kafkajsCodecs, loadCodecs } from './compression';
import { isXerialFramed, snappyCompressRaw } from './xerial-snappy';

// Reference frames written by the gzip, lz4 and zstd command-line tools (and, for snappy, laid out
// by hand from the format description) for this text:
const REF_TEXT = 'kafscope reference frame: hello hello hello hello hello\n';
const REF = {
  gzip: '1f8b0800000000000003cb4e4c2b4ece2f4855284a4d4b2d4acd4b4e55482b4acc4db552c848cdc9c9c745720100e7ea941a38000000',
  // lz4 -BX --content-size: block checksums, content size and content checksum all present
  lz4Checksums:
    '04224d187c4038000000000000002c2a000000ff106b616673636f7065207265666572656e6365206672616d653a2068656c6c6f06000150656c6c6f0aa90a95650000000038649fff',
  lz4Plain:
    '04224d186440a72a000000ff106b616673636f7065207265666572656e6365206672616d653a2068656c6c6f06000150656c6c6f0a0000000038649fff',
  zstdWithSize:
    '28b52ffd24383d010004026b616673636f7065207265666572656e6365206672616d653a2068656c6c6f0a0100072c4e1fd2c5c5',
  zstdNoSize:
    '28b52ffd04003d010004026b616673636f7065207265666572656e6365206672616d653a2068656c6c6f0a0100072c4e1fd2c5c5',
};
const hex = (h: string) => Buffer.from(h, 'hex');

// "abcdabcdabcd" in raw snappy: length 12, a 4-byte literal, then a copy of 8 bytes from 4 back.
const SNAPPY_RAW = '0c0c61626364' + '1104';
const XERIAL_HEADER = '82534e41505059000000000100000001';

describe('compression codecs', () => {
  beforeAll(() => loadCodecs());

  it('decodes reference frames from the standard tools', () => {
    expect(decompress(1, hex(REF.gzip)).toString()).toBe(REF_TEXT);
    expect(decompress(3, hex(REF.lz4Checksums)).toString()).toBe(REF_TEXT);
    expect(decompress(3, hex(REF.lz4Plain)).toString()).toBe(REF_TEXT);
    expect(decompress(4, hex(REF.zstdWithSize)).toString()).toBe(REF_TEXT);
    expect(decompress(4, hex(REF.zstdNoSize)).toString()).toBe(REF_TEXT);
  });

  it('reads raw snappy and the xerial framing Java clients send, one or many blocks', () => {
    expect(decompress(2, hex(SNAPPY_RAW)).toString()).toBe('abcdabcdabcd');
    const framed = hex(XERIAL_HEADER + '00000008' + SNAPPY_RAW);
    expect(isXerialFramed(framed)).toBe(true);
    expect(decompress(2, framed).toString()).toBe('abcdabcdabcd');
    const twoBlocks = hex(XERIAL_HEADER + '00000008' + SNAPPY_RAW + '00000008' + SNAPPY_RAW);
    expect(decompress(2, twoBlocks).toString()).toBe('abcdabcdabcd'.repeat(2));
  });

  it('rejects a xerial frame whose block overruns the buffer', () => {
    expect(() => decompress(2, hex(XERIAL_HEADER + '00000009' + SNAPPY_RAW))).toThrow();
  });

  for (const codec of [0, 1, 2, 3, 4] as const) {
    it(`round-trips codec ${codec} on compressible, random and empty data`, () => {
      const text = Buffer.from('key=value; '.repeat(20_000));
      const random = randomBytes(100_000);
      for (const input of [text, random, Buffer.alloc(0)]) {
        const packed = compress(codec, input);
        expect(decompress(codec, packed).equals(input)).toBe(true);
      }
      if (codec !== 0) expect(compress(codec, text).length).toBeLessThan(text.length / 4);
    });
  }

  it('writes snappy in the xerial framing, and still reads the raw form it can also write', () => {
    const input = Buffer.from('x'.repeat(100_000));
    expect(isXerialFramed(compress(2, input))).toBe(true);
    expect(decompress(2, snappyCompressRaw(input)).equals(input)).toBe(true);
  });

  it('reports zstd compression ready once loaded', () => {
    expect(canCompress(4)).toBe(true);
    expect(canCompress(7)).toBe(false);
    expect(() => compress(7, Buffer.alloc(1))).toThrow();
  });

  it('gives kafkajs codecs that round-trip through its encoder shape', async () => {
    const codecs = kafkajsCodecs();
    const input = Buffer.from('kafkajs payload '.repeat(500));
    for (const id of [2, 3, 4] as const) {
      const codec = codecs[id]();
      const packed = await codec.compress({ buffer: input });
      expect(packed.equals(input)).toBe(false);
      expect((await codec.decompress(packed)).equals(input)).toBe(true);
    }
  });

  // Cross-checks against the reference command-line tools when the machine has them.
  for (const [codec, tool] of [[3, '/usr/bin/lz4'], [4, '/usr/bin/zstd'], [1, '/usr/bin/gzip']] as const) {
    it.skipIf(!existsSync(tool))(`writes frames that ${tool} decodes, and reads what it writes`, () => {
      const input = Buffer.concat([Buffer.from('cross-check '.repeat(30_000)), randomBytes(70_000)]);
      const ours = compress(codec, input);
      expect(execFileSync(tool, ['-d', '-c'], { input: ours, maxBuffer: 1 << 24 }).equals(input)).toBe(true);
      const theirs = execFileSync(tool, ['-c'], { input, maxBuffer: 1 << 24 });
      expect(decompress(codec, theirs).equals(input)).toBe(true);
    });
  }
});
