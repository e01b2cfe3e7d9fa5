// Hand-written Kafka frames for the APIs no installed client sends (DescribeLogDirs,
// IncrementalAlterConfigs, OffsetDelete): each request and response is laid out byte by byte from
// the protocol's field lists, without the broker's generated codec, so the tests check the broker
// against an independent reading of the wire format. Non-flexible versions only.
import { RawClient } from '../broker/helpers';

/** Big-endian writer for request bodies. */
export class Out {
  private readonly parts: Buffer[] = [];
  private put(size: number, write: (b: Buffer) => void): this {
    const b = Buffer.alloc(size);
    write(b);
    this.parts.push(b);
    return this;
  }
  int8(v: number): this {
    return this.put(1, (b) => b.writeInt8(v));
  }
  int16(v: number): this {
    return this.put(2, (b) => b.writeInt16BE(v));
  }
  int32(v: number): this {
    return this.put(4, (b) => b.writeInt32BE(v));
  }
  bool(v: boolean): this {
    return this.int8(v ? 1 : 0);
  }
  string(v: string | null): this {
    if (v === null) return this.int16(-1);
    const bytes = Buffer.from(v, 'utf8');
    this.int16(bytes.length);
    this.parts.push(bytes);
    return this;
  }
  array<T>(items: readonly T[] | null, each: (item: T, out: this) => void): this {
    if (items === null) return this.int32(-1);
    this.int32(items.length);
    for (const item of items) each(item, this);
    return this;
  }
  bytes(): Buffer {
    return Buffer.concat(this.parts);
  }
}

/** Big-endian reader for response bodies. */
export class In {
  private pos = 0;
  constructor(private readonly buf: Buffer) {}
  int8(): number {
    return this.buf.readInt8((this.pos += 1) - 1);
  }
  int16(): number {
    return this.buf.readInt16BE((this.pos += 2) - 2);
  }
  int32(): number {
    return this.buf.readInt32BE((this.pos += 4) - 4);
  }
  int64(): bigint {
    return this.buf.readBigInt64BE((this.pos += 8) - 8);
  }
  bool(): boolean {
    return this.int8() !== 0;
  }
  string(): string | null {
    const n = this.int16();
    if (n < 0) return null;
    const s = this.buf.toString('utf8', this.pos, this.pos + n);
    this.pos += n;
    return s;
  }
  array<T>(each: (r: In) => T): T[] {
    const n = this.int32();
    const out: T[] = [];
    for (let i = 0; i < n; i++) out.push(each(this));
    return out;
  }
  get remaining(): number {
    return this.buf.length - this.pos;
  }
}

let correlation = 7000;

/** Sends one request (header v1) on its own connection to `port` and returns the response body. */
export async function call(port: number, apiKey: number, version: number, body: Buffer): Promise<In> {
  const id = correlation++;
  const header = new Out().int16(apiKey).int16(version).int32(id).string('broker-acl-wire').bytes();
  const size = Buffer.alloc(4);
  size.writeInt32BE(header.length + body.length);
  const client = await RawClient.connect(port);
  try {
    client.write(Buffer.concat([size, header, body]));
    const frame = await client.next();
    const r = new In(frame);
    const got = r.int32();
    if (got !== id) throw new Error(`response to correlation id ${got}, expected ${id}`);
    return r;
  } finally {
    client.close();
  }
}

// ---------------------------------------------------------------- DescribeLogDirs (35) v0-1

export interface LogDirPartition {
  partitionIndex: number;
  partitionSize: bigint;
  offsetLag: bigint;
  isFutureKey: boolean;
}
export interface LogDir {
  errorCode: number;
  logDir: string;
  topics: { name: string; partitions: LogDirPartition[] }[];
}

export async function describeLogDirs(port: number, topics: { topic: string; partitions: number[] }[] | null, version = 1): Promise<LogDir[]> {
  const body = new Out().array(topics, (t, o) => o.string(t.topic).array(t.partitions, (p, o2) => o2.int32(p))).bytes();
  const r = await call(port, 35, version, body);
  r.int32(); // throttle
  const results = r.array((d) => ({
    errorCode: d.int16(),
    logDir: d.string()!,
    topics: d.array((t) => ({
      name: t.string()!,
      partitions: t.array((p) => ({ partitionIndex: p.int32(), partitionSize: p.int64(), offsetLag: p.int64(), isFutureKey: p.bool() })),
    })),
  }));
  if (r.remaining !== 0) throw new Error(`${r.remaining} bytes left over in DescribeLogDirs response`);
  return results;
}

// ---------------------------------------------------------------- IncrementalAlterConfigs (44) v0

export const OP = { SET: 0, DELETE: 1, APPEND: 2, SUBTRACT: 3 } as const;
export const RESOURCE = { TOPIC: 2, BROKER: 4 } as const;

export interface AlterResource {
  type: number;
  name: string;
  configs: { name: string; op: number; value: string | null }[];
}

export async function incrementalAlterConfigs(
  port: number,
  resources: AlterResource[],
  validateOnly = false,
): Promise<{ errorCode: number; errorMessage: string | null; resourceType: number; resourceName: string }[]> {
  const body = new Out()
    .array(resources, (res, o) =>
      o
        .int8(res.type)
        .string(res.name)
        .array(res.configs, (c, o2) => o2.string(c.name).int8(c.op).string(c.value)),
    )
    .bool(validateOnly)
    .bytes();
  const r = await call(port, 44, 0, body);
  r.int32(); // throttle
  const out = r.array((x) => ({ errorCode: x.int16(), errorMessage: x.string(), resourceType: x.int8(), resourceName: x.string()! }));
  if (r.remaining !== 0) throw new Error(`${r.remaining} bytes left over in IncrementalAlterConfigs response`);
  return out;
}

// ---------------------------------------------------------------- OffsetDelete (47) v0

export async function offsetDelete(
  port: number,
  groupId: string,
  topics: { name: string; partitions: number[] }[],
): Promise<{ errorCode: number; topics: { name: string; partitions: { partitionIndex: number; errorCode: number }[] }[] }> {
  const body = new Out()
    .string(groupId)
    .array(topics, (t, o) => o.string(t.name).array(t.partitions, (p, o2) => o2.int32(p)))
    .bytes();
  const r = await call(port, 47, 0, body);
  const errorCode = r.int16();
  r.int32(); // throttle
  const out = r.array((t) => ({ name: t.string()!, partitions: t.array((p) => ({ partitionIndex: p.int32(), errorCode: p.int16() })) }));
  if (r.remaining !== 0) throw new Error(`${r.remaining} bytes left over in OffsetDelete response`);
  return { errorCode, topics: out };
}
