// Protobuf bytes made by protoc itself (`protoc --encode` from text format) decode exactly, read
// through a descriptor set protoc wrote with --include_imports and through the .proto text a
// Schema Registry would store. Covered: an enum, a nested message, int64/uint64/sint64 past 2^53,
// packed and unpacked repeated fields, a map, a oneof, Any unpacked by its type URL, and a field the
// reading schema does not know (written with a newer version of the message).
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  decodeProtobuf,
  decodeProtobufFramed,
  isDecodeFailure,
  parseProtobufSchema,
  protobufSchemaFromDescriptorSet,
  type Decoded,
  type DecodeOutcome,
  type ProtobufSchema,
} from '../../lib/decode/formats';
import { integerAt, protoc } from './oracles';

// Google's Any, as its well-known definition reads (protoc here ships without the include files).
const ANY_PROTO = `syntax = "proto3";
package google.protobuf;
message Any { string type_url = 1; bytes value = 2; }
`;

const orderProto = (extra: string) => `syntax = "proto3";
package shop.v1;
import "google/protobuf/any.proto";

enum Status { STATUS_UNKNOWN = 0; STATUS_PAID = 1; STATUS_SHIPPED = 2; }

message Order {
  int64 id = 1;
  uint64 big = 2;
  sint64 delta = 3;
  Status status = 4;
  message Line {
    string sku = 1;
    int32 qty = 2;
  }
  repeated Line lines = 5;
  repeated int32 packed = 6;
  map<string, int64> totals = 8;
  oneof payment { string card = 9; string iban = 10; }
  google.protobuf.Any detail = 11;
  bytes blob = 12;
  double price = 13;
  float weight = 14;
  fixed64 stamp = 15;
  repeated Status history = 16;
${extra}}

message Gift { string message = 1; int64 value = 2; }
`;

const TEXT = `
id: 9007199254740993
big: 18446744073709551615
delta: -9223372036854775808
status: STATUS_SHIPPED
lines { sku: "A-1" qty: 2 }
lines { sku: "B-2" qty: -7 }
packed: [1, 2, 300]
totals { key: "eur" value: 9223372036854775807 }
totals { key: "usd" value: -1 }
card: "4111"
detail { [type.googleapis.com/shop.v1.Gift] { message: "hi" value: 12345678901234567 } }
blob: "\\000\\377"
price: 0.1
weight: 0.25
stamp: 18446744073709551615
history: [STATUS_PAID, STATUS_SHIPPED]
surprise: 150
`;

const dir = mkdtempSync(join(tmpdir(), 'kafscope-proto-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
mkdirSync(join(dir, 'google/protobuf'), { recursive: true });
writeFileSync(join(dir, 'google/protobuf/any.proto'), ANY_PROTO);
writeFileSync(join(dir, 'order.proto'), orderProto(''));
// The writer's newer version has field 7, which the reader's schema does not declare.
mkdirSync(join(dir, 'v2'));
writeFileSync(join(dir, 'v2/order.proto'), orderProto('  int64 surprise = 7;\n'));
protoc(dir, ['-I.', '--descriptor_set_out=order.desc', '--include_imports', 'order.proto']);
const bytes = new Uint8Array(protoc(dir, ['-I.', '-Iv2', '--encode=shop.v1.Order', 'v2/order.proto'], TEXT));

function ok(outcome: DecodeOutcome): Decoded {
  if (isDecodeFailure(outcome)) throw new Error(`decode failed: ${outcome.error}`);
  return outcome;
}

function schemaOrThrow(s: ProtobufSchema | { error: string }): ProtobufSchema {
  if ('error' in s) throw new Error(s.error);
  return s;
}

const fromDesc = schemaOrThrow(protobufSchemaFromDescriptorSet(readFileSync(join(dir, 'order.desc'))));
const fromText = schemaOrThrow(parseProtobufSchema(orderProto('')));

function checkOrder(out: Decoded): void {
  expect(out.typeName).toBe('shop.v1.Order');
  expect(integerAt(out.json, 'id')).toBe('9007199254740993');
  expect(integerAt(out.json, 'big')).toBe('18446744073709551615');
  expect(integerAt(out.json, 'delta')).toBe('-9223372036854775808');
  expect(integerAt(out.json, 'eur')).toBe('9223372036854775807');
  expect(integerAt(out.json, 'stamp')).toBe('18446744073709551615');
  expect(integerAt(out.json, 'value')).toBe('12345678901234567');
  const v = JSON.parse(out.json) as Record<string, unknown>;
  expect(Object.keys(v)).toEqual(['id', 'big', 'delta', 'status', 'lines', 'packed', 'totals', 'card', 'detail', 'blob', 'price', 'weight', 'stamp', 'history', '<unknown>']);
  expect(v.status).toBe('STATUS_SHIPPED');
  expect(v.lines).toEqual([
    { sku: 'A-1', qty: 2 },
    { sku: 'B-2', qty: -7 },
  ]);
  expect(v.packed).toEqual([1, 2, 300]);
  expect(v.totals).toEqual({ eur: expect.any(Number), usd: -1 });
  expect(v.card).toBe('4111');
  expect(v.detail).toEqual({ '@type': 'type.googleapis.com/shop.v1.Gift', message: 'hi', value: expect.any(Number) });
  expect(v.blob).toBe('00ff');
  expect(v.price).toBe(0.1);
  expect(v.weight).toBe(0.25);
  expect(v.history).toEqual(['STATUS_PAID', 'STATUS_SHIPPED']);
  expect(v['<unknown>']).toEqual([{ field: 7, wireType: 0, value: 150 }]);
}

describe('Protobuf written by protoc', () => {
  it('decodes through a descriptor set made with --include_imports', () => {
    checkOrder(ok(decodeProtobuf(bytes, fromDesc, 'shop.v1.Order')));
  });

  it('decodes through the .proto text, with the well-known Any from protobufjs', () => {
    checkOrder(ok(decodeProtobuf(bytes, fromText, '.shop.v1.Order')));
  });

  it('reads Confluent message indexes: [0] as one zero byte, [1] in full, none at all', () => {
    const first = ok(decodeProtobufFramed(new Uint8Array([0, ...bytes]), fromText, 7));
    expect(first).toMatchObject({ schemaId: 7, typeName: 'shop.v1.Order', messageIndexes: [0] });
    checkOrder(first);
    const gift = protoc(dir, ['-I.', '--encode=shop.v1.Gift', 'order.proto'], 'message: "x" value: 3');
    // count 1, index 1 (both zigzag varints)
    const second = ok(decodeProtobufFramed(new Uint8Array([2, 2, ...gift]), fromText, 7));
    expect(second).toMatchObject({ typeName: 'shop.v1.Gift', messageIndexes: [1], json: '{"message":"x","value":3}' });
    // @kafkajs/confluent-schema-registry writes no index array at all.
    const bare = ok(decodeProtobufFramed(gift, fromText, 7));
    expect(bare.typeName).toBe('shop.v1.Order');
    expect(bare.notes.join()).toMatch(/no message-index array/);
  });

  it('a nested message is found by its index path', () => {
    const line = protoc(dir, ['-I.', '--encode=shop.v1.Order.Line', 'order.proto'], 'sku: "n" qty: 1');
    const out = ok(decodeProtobufFramed(new Uint8Array([4, 0, 0, ...line]), fromText, 7));
    expect(out).toMatchObject({ typeName: 'shop.v1.Order.Line', messageIndexes: [0, 0], json: '{"sku":"n","qty":1}' });
  });

  it('an Any of a type the schema lacks stays packed, with a note', () => {
    const any = protoc(dir, ['-I.', '--encode=shop.v1.Order', 'order.proto'], 'detail { type_url: "type.googleapis.com/other.Thing" value: "\\001" }');
    const out = ok(decodeProtobuf(any, fromDesc, 'shop.v1.Order'));
    expect(out.json).toBe('{"detail":{"type_url":"type.googleapis.com/other.Thing","value":"01"}}');
    expect(out.notes.join()).toMatch(/other\.Thing/);
  });

  it('bad bytes give an error, not an exception', () => {
    const cases = [
      bytes.subarray(0, bytes.length - 1), // truncated
      new Uint8Array([0x00]), // field number 0
      new Uint8Array([0x0f]), // wire type 7
      new Uint8Array([0x2a, 0x05, 0x0a]), // a Line whose length runs past the end
      new Uint8Array([0x0b]), // a group that never ends
      new Uint8Array([0x08, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]), // varint of 11 bytes
    ];
    for (const bad of cases) {
      const out = decodeProtobuf(bad, fromDesc, 'shop.v1.Order');
      expect(isDecodeFailure(out), Buffer.from(bad).toString('hex')).toBe(true);
    }
    expect(decodeProtobuf(bytes, fromDesc, 'shop.v1.Nope')).toMatchObject({ error: expect.stringMatching(/not in the schema/) });
  });

  it('schema errors are values: bad syntax, an unknown type, garbage descriptors', () => {
    expect(parseProtobufSchema('message {')).toMatchObject({ error: expect.stringMatching(/invalid Protobuf schema/) });
    expect(parseProtobufSchema('syntax = "proto3"; import "other.proto"; message A { other.B b = 1; }')).toMatchObject({ error: expect.stringMatching(/other\.proto/) });
    expect(protobufSchemaFromDescriptorSet(new Uint8Array([0x0a, 0xff]))).toMatchObject({ error: expect.stringMatching(/FileDescriptorSet/) });
  });

  it('proto2: a group, maps with message, enum and bool keys, packed sint64, sfixed32, uint32', () => {
    writeFileSync(
      join(dir, 'box.proto'),
      `syntax = "proto2";
package g2;
message Item { optional string name = 1; }
message Box {
  optional group Meta = 1 { optional int32 x = 2; optional sint32 y = 3; }
  map<int32, Item> items = 4;
  map<bool, Kind> kinds = 5;
  repeated sint64 deltas = 6 [packed = true];
  optional sfixed32 sf = 7;
  optional uint32 u = 8;
  enum Kind { K0 = 0; K1 = 1; }
  optional Kind kind = 9 [default = K1];
}
`,
    );
    const box = protoc(dir, ['-I.', '--encode=g2.Box', 'box.proto'], 'Meta { x: 5 y: -3 }\nitems { key: 7 value { name: "seven" } }\nitems { key: -1 value { } }\nkinds { key: true value: K1 }\ndeltas: [-1, 1, -9223372036854775808]\nsf: -5\nu: 4294967295\nkind: K0\n');
    protoc(dir, ['-I.', '--descriptor_set_out=box.desc', 'box.proto']);
    const schemas = [schemaOrThrow(protobufSchemaFromDescriptorSet(readFileSync(join(dir, 'box.desc')))), schemaOrThrow(parseProtobufSchema(readFileSync(join(dir, 'box.proto'), 'utf8')))];
    for (const schema of schemas) {
      expect(ok(decodeProtobuf(box, schema, 'g2.Box')).json).toBe(
        '{"meta":{"x":5,"y":-3},"items":{"7":{"name":"seven"},"-1":{}},"kinds":{"true":"K1"},"deltas":[-1,1,-9223372036854775808],"sf":-5,"u":4294967295,"kind":"K0"}',
      );
    }
  });
});
